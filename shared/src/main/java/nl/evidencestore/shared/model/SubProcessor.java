package nl.evidencestore.shared.model;

import java.util.regex.Pattern;

/** A sub-processor (Art. 3, Annex 2): who, where it works (ISO 3166 alpha-2), for what. */
public record SubProcessor(String subProcessorId, String name, String country, String services) {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public SubProcessor {
        Token.id(subProcessorId, "subProcessorId");
        Token.text(name, "name", 200);
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as NL");
        }
        Token.text(services, "services", 1000);
    }
}
