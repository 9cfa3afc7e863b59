package nl.evidencestore.command.kafka;

import java.util.Optional;
import java.util.stream.Collectors;
import nl.evidencestore.shared.error.ConflictingDuplicate;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.error.UnknownResource;

/**
 * Why a command record is refused for good: what HTTP answers with a 4xx. No retry can make
 * it acceptable, so it goes to the DLQ. The reason is ours (field paths, rules, idempotency
 * keys), never a submitted value: command bodies carry personal data.
 */
record Refusal(String errorClass, String reason, String article) {
    private static final int MAX_REASON = 1000;
    private static final int MAX_CAUSES = 10;

    Refusal {
        reason = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }

    /**
     * The refusal in a failure or its causes; empty for anything else (a database or broker
     * that is down, or a bug), which must be retried, not dead-lettered.
     */
    static Optional<Refusal> of(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof InvalidInput invalid) {
                return Optional.of(new Refusal("InvalidInput", fieldErrors(invalid), null));
            }
            if (cause instanceof RuleViolation rule) {
                return Optional.of(new Refusal("RuleViolation", rule.getMessage(), rule.article()));
            }
            if (cause instanceof ConflictingDuplicate conflict) {
                return Optional.of(new Refusal("ConflictingDuplicate", conflict.getMessage(), null));
            }
            if (cause instanceof UnknownResource unknown) {
                return Optional.of(new Refusal("UnknownResource", unknown.getMessage(), null));
            }
        }
        return Optional.empty();
    }

    private static String fieldErrors(InvalidInput invalid) {
        if (invalid.errors().isEmpty()) {
            return invalid.getMessage();
        }
        return invalid.errors().stream()
                .map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
    }
}
