package nl.evidencestore.command.subjectrequest;

/**
 * The periods of Art. 7: a request the processor received reaches the controller within
 * {@code forwardingWorkingDays} (2 by default, counted as {@link WorkingDays} does); the answer
 * is due {@code answerMonths} after receipt (GDPR Art. 12(3): one), and one extension adds
 * {@code extensionMonths} (two).
 */
public record SubjectRequestLimits(int forwardingWorkingDays, int answerMonths, int extensionMonths) {
    public static final SubjectRequestLimits STANDARD = new SubjectRequestLimits(2, 1, 2);

    public SubjectRequestLimits {
        if (forwardingWorkingDays < 0 || answerMonths < 0 || extensionMonths < 0) {
            throw new IllegalArgumentException("a subject-request period cannot be negative");
        }
    }
}
