package nl.evidencestore.shared.model;

/** Citodent Imaging B.V., or whoever processes, as named in the agreement's header. */
public record ProcessorParty(String name, String address, String representative) {
    public ProcessorParty {
        Token.text(name, "processor.name", 200);
        Token.text(address, "processor.address", 400);
        Token.text(representative, "processor.representative", 200);
    }
}
