package nl.evidencestore.command.access;

import java.util.List;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;

/** One item of the answer to access-events, in input order (api.md). */
public record AccessResult(String accessId, String eventId, Verdict.Outcome verdict, List<Violation> violations,
                           boolean instructionVerified, boolean repeated) {

    static AccessResult of(String eventId, AccessRecorded recorded, boolean repeated) {
        return new AccessResult(recorded.accessId(), eventId, recorded.verdict().verdict(),
                recorded.verdict().violations(), recorded.instructionVerified(), repeated);
    }

    /** The whole answer: where the batch stands in the log, and each access's verdict. */
    public record Batch(long position, List<AccessResult> results) {
        public boolean allRepeated() {
            return results.stream().allMatch(AccessResult::repeated);
        }
    }
}
