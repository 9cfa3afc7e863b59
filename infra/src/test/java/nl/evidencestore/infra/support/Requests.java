package nl.evidencestore.infra.support;

/** Request bodies as internal systems send them (api.md), with the ids a test chooses. */
public final class Requests {
    public static final String DOCUMENT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static final String OTHER_DOCUMENT = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    private Requests() {
    }

    public static String draft(String agreementId, String controllerId) {
        return """
                {"agreementId":"%s",
                 "controller":{"id":"%s","name":"Tandartspraktijk Noord","address":"Noordweg 1, Groningen","representative":"J. de Vries"},
                 "processor":{"name":"Citodent Imaging B.V.","address":"Amstel 312, 1017 AP Amsterdam","representative":"P. Reijers"},
                 "documentSha256":"%s","version":"2025-11-06",
                 "dataCategories":["SURNAME","BSN","DENTAL_PHOTOS"],
                 "purposes":["REMOTE_SUPPORT","DATABASE_CONVERSION"],
                 "subProcessors":[{"subProcessorId":"sp-hosting","name":"Hosting B.V.","country":"NL","services":"hosting"}]}
                """.formatted(agreementId, controllerId, DOCUMENT);
    }

    public static String signature(String party, String signedOn, String documentSha256) {
        String hash = documentSha256 == null ? "" : ",\"documentSha256\":\"" + documentSha256 + "\"";
        return """
                {"party":"%s","signatory":"Signatory of the %s","place":"Amsterdam","signedOn":"%s"%s}
                """.formatted(party, party.toLowerCase(), signedOn, hash);
    }
}
