package nl.evidencestore.shared.http;

/** The kinds of problem the API answers with (api.md, Errors), each with a stable type URI. */
public enum ProblemType {
    INVALID_INPUT(400, "invalid-input", "Invalid input"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICTING_DUPLICATE(409, "conflicting-duplicate", "Conflicting duplicate"),
    BODY_TOO_LARGE(413, "body-too-large", "Body too large"),
    RULE_VIOLATION(422, "rule-violation", "Refused by a rule"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    POSITION_NOT_REACHED(503, "position-not-reached", "Position not reached yet");

    /**
     * URNs rather than https addresses: nothing is published at an address, and a client should
     * compare the type, not fetch it.
     */
    private static final String PREFIX = "urn:problem:evidence-store:";

    private final int status;
    private final String type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = PREFIX + slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
