package nl.evidencestore.command.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import nl.evidencestore.shared.error.ConflictingDuplicate;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.error.RuleViolation;
import org.junit.jupiter.api.Test;

/** Which failures send a record to the DLQ, and which are retried. */
class RefusalTest {

    @Test
    void invalidInputNamesEveryFieldAndWhatIsWrongWithIt() {
        InvalidInput invalid = new InvalidInput("the body is not acceptable", List.of(
                new InvalidInput.FieldError("body.signedOn", "must be a date"),
                new InvalidInput.FieldError("body.party", "must be one of CONTROLLER, PROCESSOR")));

        assertThat(Refusal.of(invalid)).contains(new Refusal("InvalidInput",
                "body.signedOn: must be a date; body.party: must be one of CONTROLLER, PROCESSOR", null));
    }

    @Test
    void aRuleViolationKeepsItsArticle() {
        assertThat(Refusal.of(new RuleViolation("11.1", "each party signs once")))
                .contains(new Refusal("RuleViolation", "each party signs once", "11.1"));
    }

    @Test
    void aConflictingDuplicateNamesItsKey() {
        assertThat(Refusal.of(new ConflictingDuplicate(List.of("agreement:agr-1"))))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.errorClass()).isEqualTo("ConflictingDuplicate");
                    assertThat(refusal.reason()).contains("agreement:agr-1");
                });
    }

    @Test
    void aRefusalWrappedByTheFrameworkIsStillARefusal() {
        RuntimeException wrapped = new IllegalStateException("command failed", new RuleViolation(null, "no agreement"));

        assertThat(Refusal.of(wrapped)).contains(new Refusal("RuleViolation", "no agreement", null));
    }

    @Test
    void aDatabaseThatIsDownIsNotTheRecordsFault() {
        RuntimeException down = new IllegalStateException("cannot start a database transaction",
                new SQLException("Connection refused", "08001"));

        assertThat(Refusal.of(down)).isEmpty();
    }

    @Test
    void aBugIsRetriedRatherThanDeadLettered() {
        assertThat(Refusal.of(new NullPointerException())).isEmpty();
    }

    @Test
    void anOverlongReasonIsCut() {
        String reason = "x".repeat(5000);

        assertThat(Refusal.of(new RuleViolation(null, reason)).orElseThrow().reason()).hasSizeLessThan(1100);
    }
}
