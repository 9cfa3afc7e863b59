package nl.evidencestore.shared.evidence.verify;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.evidence.WholeStreams;

/**
 * The order of {@code events.jsonl} (docs/evidence-format.md §3): the agreement's whole chain
 * first, then each employee and security-measure stream whole, sorted by stream id; within a stream, sequences from 0
 * without gaps, each prevHash the hash before it, recordedAt never going back.
 */
final class ChainCheck {
    private final String agreementId;
    private final Findings findings = new Findings(Checks.CHAIN);
    private final Set<String> finished = new HashSet<>();
    private String stream;
    private long sequence;
    private String hash;
    private Instant recordedAt;
    private long streams;

    ChainCheck(String agreementId) {
        this.agreementId = agreementId;
    }

    void accept(LineFacts facts) {
        if (!facts.parsed()) {
            findings.fail(facts, "the chain is broken by a line that is not an event");
            stream = null;
            return;
        }
        EventEnvelope e = facts.envelope();
        if (!e.streamId().equals(stream)) {
            begin(facts, e);
        } else {
            link(facts, e);
        }
        sequence = e.sequence();
        hash = facts.hash();
        recordedAt = e.recordedAt();
    }

    private void begin(LineFacts facts, EventEnvelope e) {
        if (stream != null) {
            finished.add(stream);
        }
        String previous = stream;
        stream = e.streamId();
        streams++;
        if (streams == 1 && !stream.equals(agreementId)) {
            findings.fail(facts, "the first stream is " + stream + ", not the agreement " + agreementId);
        } else if (streams > 1 && !WholeStreams.carriedWhole(stream)) {
            findings.fail(facts, "stream " + stream + " is neither the agreement nor an employee's or a security measure's");
        } else if (finished.contains(stream)) {
            findings.fail(facts, "stream " + stream + " appears twice");
        } else if (streams > 2 && previous != null && stream.compareTo(previous) < 0) {
            findings.fail(facts, "stream " + stream + " comes after " + previous + ": not sorted by stream id");
        }
        if (e.sequence() != 0) {
            findings.fail(facts, "stream " + stream + " starts at sequence " + e.sequence() + ", not 0");
        }
    }

    private void link(LineFacts facts, EventEnvelope e) {
        if (e.sequence() != sequence + 1) {
            findings.fail(facts, "sequence " + e.sequence() + " follows " + sequence + " in stream " + stream);
        }
        if (!e.prevHash().equals(hash)) {
            findings.fail(facts, "prevHash is not the hash of the line before it in stream " + stream);
        }
        if (e.recordedAt().isBefore(recordedAt)) {
            findings.fail(facts, "recordedAt " + EventHash.format(e.recordedAt()) + " is earlier than the line before it");
        }
    }

    Check result() {
        if (streams == 0) {
            findings.fail("events.jsonl has no events: the agreement's chain is missing");
        }
        return findings.result(streams + " stream(s), each from sequence 0 linked by prevHash; genesis "
                + EventHash.GENESIS.substring(0, 8) + "…");
    }
}
