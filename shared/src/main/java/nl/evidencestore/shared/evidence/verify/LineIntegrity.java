package nl.evidencestore.shared.evidence.verify;

import java.util.List;

/** Each line on its own: its exact canonical form, its payload's hash, its envelope's hash. */
final class LineIntegrity {
    private final Findings canonical = new Findings(Checks.CANONICAL);
    private final Findings payloads = new Findings(Checks.PAYLOAD_HASHES);
    private final Findings hashes = new Findings(Checks.EVENT_HASHES);
    private long lines;
    private long stubs;

    void accept(LineFacts facts) {
        lines++;
        if (!facts.parsed()) {
            canonical.fail(facts, "not an event line: " + facts.malformed());
            payloads.fail(facts, "not an event line");
            hashes.fail(facts, "not an event line");
            return;
        }
        if (facts.isStub()) {
            stubs++;
        }
        if (!facts.canonical()) {
            canonical.fail(facts, "not exactly its RFC 8785 form followed by a newline");
        }
        if (!facts.payloadHashHolds()) {
            payloads.fail(facts, "SHA-256 of the payload differs from payloadSha256");
        }
        if (!facts.eventHashHolds()) {
            hashes.fail(facts, "SHA-256 of the envelope differs from hash");
        }
    }

    List<Check> results() {
        return List.of(
                canonical.result(lines + " lines, each its JCS form and a newline"),
                payloads.result((lines - stubs) + " payloads hash to their payloadSha256 (" + stubs + " stubs)"),
                hashes.result(lines + " envelopes hash to their hash"));
    }
}
