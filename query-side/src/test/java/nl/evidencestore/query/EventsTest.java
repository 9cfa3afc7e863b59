package nl.evidencestore.query;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.AccessPayload;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.json.RawJson;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.subject.SealedSubject;
import org.junit.jupiter.api.Test;

class EventsTest {
    private static final AccessRecorded ACCESS = new AccessRecorded(AGREEMENT, "acc-1",
            new Actor("sub-1-robot", ActorKind.SUB_PROCESSOR, "sub-1"), Purpose.of("REMOTE_SUPPORT"), "ZD-1",
            List.of(DataCategory.of("BSN"), DataCategory.of("SURNAME")),
            new SealedSubject("3f0c6d0e-key", "bm9uY2UxMjM0NTY3Y2lwaGVydGV4dHRhZw=="), Country.of("US"),
            "remote-support", Instant.parse("2026-04-01T09:00:00.120Z"),
            Verdict.of(List.of(new Violation("3.1", "no consent for \"sub-1\" — é"))), true, false, "eea-2026-01");

    @Test
    void anAccessInItsCanonicalFormDecodesAsTheMapperDecodesIt() {
        byte[] canonical = Json.canonical(ACCESS);

        assertThat(AccessPayload.read(canonical, 0, canonical.length)).as("read by hand").isEqualTo(ACCESS);
        assertThat(Events.decode(forwarded(canonical))).containsInstanceOf(AccessRecorded.class).contains(ACCESS);
    }

    @Test
    void anAccessInAnyOtherFormGoesToTheMapper() {
        byte[] spaced = Json.mapper().valueToTree(ACCESS).toPrettyString().getBytes(StandardCharsets.UTF_8);

        assertThat(Events.decode(forwarded(spaced))).contains(ACCESS);
    }

    @Test
    void aPayloadThatDoesNotFitItsTypeIsRefusedWithoutQuotingIt() {
        byte[] wrong = "{\"accessId\":\"secret-ref\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Events.decode(forwarded(wrong))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-ref");
    }

    private static ForwardedEvent forwarded(byte[] payload) {
        return new ForwardedEvent("ev-" + System.nanoTime(), "AccessRecorded", AGREEMENT.value(), 1, 1,
                Instant.EPOCH, RawJson.of(payload));
    }
}
