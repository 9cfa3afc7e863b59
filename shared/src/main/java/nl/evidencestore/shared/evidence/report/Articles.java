package nl.evidencestore.shared.evidence.report;

import java.util.Comparator;
import java.util.Map;

/**
 * The agreement's own article numbering (domain.md, "Verdict") with the Dutch heading of each
 * article and, in English, the rule a violation broke.
 */
final class Articles {
    record Title(String heading, String rule) {
    }

    private static final Map<String, Title> TITLES = Map.ofEntries(
            Map.entry("1.1", new Title("Art. 1 Doeleinden van verwerking", "processing only on the controller's documented instruction")),
            Map.entry("1.3", new Title("Art. 1 Doeleinden van verwerking", "no purpose other than those the controller allowed")),
            Map.entry("2.3", new Title("Art. 2 Verplichtingen Verwerker", "only registered staff bound to confidentiality")),
            Map.entry("3.1", new Title("Art. 3 Doorgifte van persoonsgegevens", "sub-processors only with prior written consent")),
            Map.entry("3.2", new Title("Art. 3 Doorgifte van persoonsgegevens", "outside the EEA only with explicit consent or adequacy")),
            Map.entry("6.1", new Title("Art. 6 Meldplicht", "a breach is notified immediately")),
            Map.entry("6.3", new Title("Art. 6 Meldplicht", "a notification states cause, solution and who was informed")),
            Map.entry("7.1", new Title("Art. 7 Afhandeling verzoeken van betrokkenen", "requests are forwarded to the controller in time")),
            Map.entry("8.1", new Title("Art. 8 Geheimhouding en vertrouwelijkheid", "no disclosure without a basis of Art. 8.2")),
            Map.entry("11.1", new Title("Art. 11 Duur, be\u00ebindiging en wijziging", "no processing before the agreement is in force")),
            Map.entry("11.2", new Title("Art. 11 Duur, be\u00ebindiging en wijziging", "no processing after the agreement ended")),
            Map.entry("11.3", new Title("Art. 11 Duur, be\u00ebindiging en wijziging", "amendments only with a month's notice")),
            Map.entry("ANNEX_1", new Title("Bijlage 1", "only the categories of personal data the agreement lists")));

    private static final Title UNKNOWN = new Title("(not in this version's list)", "as recorded");

    /** "1.3" before "2.3" before "11.1", the annex last: the order of the agreement's text. */
    static final Comparator<String> ORDER = Comparator.comparing(Articles::unnumbered)
            .thenComparing(Articles::major).thenComparing(Articles::minor).thenComparing(Comparator.naturalOrder());

    private Articles() {
    }

    static Title title(String article) {
        return TITLES.getOrDefault(article, UNKNOWN);
    }

    static String label(String article) {
        return "ANNEX_1".equals(article) ? "Annex 1" : "Art. " + article;
    }

    private static boolean unnumbered(String article) {
        return !article.matches("\\d{1,4}(\\.\\d{1,4})?");
    }

    private static int major(String article) {
        return unnumbered(article) ? 0 : Integer.parseInt(article.split("\\.")[0]);
    }

    private static int minor(String article) {
        String[] parts = article.split("\\.");
        return unnumbered(article) || parts.length < 2 ? 0 : Integer.parseInt(parts[1]);
    }
}
