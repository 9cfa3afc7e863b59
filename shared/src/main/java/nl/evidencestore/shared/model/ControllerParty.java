package nl.evidencestore.shared.model;

/** The dental practice as named in the agreement's header ("De ondergetekenden"). */
public record ControllerParty(ControllerId id, String name, String address, String representative) {
    public ControllerParty {
        Token.required(id, "controller.id");
        Token.text(name, "controller.name", 200);
        Token.text(address, "controller.address", 400);
        Token.text(representative, "controller.representative", 200);
    }
}
