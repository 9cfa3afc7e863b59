package nl.evidencestore.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.error.RuleViolation;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** access-events bodies: one object or a batch, and nothing else. */
class ReportedAccessesTest {
    private static final String ACCESS = """
            {"accessId":"acc-1","agreementId":"agr-1","actor":{"id":"robot-1","kind":"SYSTEM"},"purpose":"REMOTE_SUPPORT",
             "categories":["SURNAME"],"subjectRef":"patient-1","country":"NL","system":"visiquick",
             "occurredAt":"2026-04-01T09:00:00Z"}""";

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anObjectIsOneAccessAndAnArrayABatch() {
        assertThat(ReportedAccesses.parse(bytes("  \n" + ACCESS))).hasSize(1);
        assertThat(ReportedAccesses.parse(bytes("[" + ACCESS + "," + ACCESS.replace("acc-1", "acc-2") + "]")))
                .extracting(ReportedAccess::accessId).containsExactly("acc-1", "acc-2");
    }

    @Test
    void anythingElseIsRefusedNamingTheBody() {
        for (String body : new String[]{"[]", "[null]", "null", "42", "\"access\""}) {
            assertThatThrownBy(() -> ReportedAccesses.parse(bytes(body))).as(body).isInstanceOf(InvalidInput.class);
        }
        assertThatThrownBy(() -> ReportedAccesses.parse(bytes("[" + ACCESS))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void anInvalidItemIsNamedByItsIndex() {
        assertThatThrownBy(() -> ReportedAccesses.parse(bytes("[" + ACCESS + "," + ACCESS.replace("SURNAME", "surname") + "]")))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).startsWith("[1].categories"));
    }

    @Test
    void aNullItemAndAMissingFieldAreNamedByTheirPaths() {
        assertThatThrownBy(() -> ReportedAccesses.parse(bytes("[" + ACCESS + ",null]")))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("[1]")));
        String withoutSubject = ACCESS.replaceFirst("\"subjectRef\":\"[^\"]*\",?", "");
        assertThatThrownBy(() -> ReportedAccesses.parse(bytes("[" + ACCESS + "," + withoutSubject + "]")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).singleElement()
                        .isEqualTo(new InvalidInput.FieldError("[1].subjectRef", "is required")));
    }

    /** The store's clock, as the aggregates read it, stopped on the access's day. */
    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    @AfterEach
    void restoreTheClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    private static List<ReportedAccess> batchOccurring(Instant... occurredAt) {
        List<ReportedAccess> batch = new ArrayList<>();
        for (Instant instant : occurredAt) {
            String item = ACCESS.replace("acc-1", "acc-" + batch.size()).replace("2026-04-01T09:00:00Z", instant.toString());
            batch.add(ReportedAccesses.parse(bytes(item)).get(0));
        }
        return batch;
    }

    @Test
    @DisplayName("an access that occurred after it was reported is refused, naming the item: malformed, not a violation")
    void anAccessFromTheFutureIsRefusedNamingTheItem() {
        GenericEventMessage.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        List<ReportedAccess> batch = batchOccurring(NOW.minusSeconds(60), NOW, NOW.plusSeconds(3600));
        assertThatThrownBy(() -> ReportedAccesses.notInFuture(batch))
                .isInstanceOf(RuleViolation.class).hasMessage("[2].occurredAt lies in the future");
    }

    @Test
    @DisplayName("an access up to the clock skew ahead of the store is taken as now")
    void anAccessWithinTheClockSkewIsTaken() {
        GenericEventMessage.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        List<ReportedAccess> batch = batchOccurring(NOW.minusSeconds(86_400), NOW.plusSeconds(300));
        assertThat(ReportedAccesses.notInFuture(batch)).isSameAs(batch);
    }
}
