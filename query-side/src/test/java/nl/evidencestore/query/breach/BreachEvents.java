package nl.evidencestore.query.breach;

import static nl.evidencestore.query.Fixtures.forwarded;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.breach.BreachNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.Violation;

/** One suspected breach over two practices' agreements, as the command side records it. */
final class BreachEvents {
    static final BreachId BREACH = BreachId.of("br-photos");
    static final AgreementId NOORD = AgreementId.of("agr-noord");
    static final AgreementId ZUID = AgreementId.of("agr-zuid");
    static final ControllerId PRACTICE_NOORD = ControllerId.of("practice-noord");
    static final ControllerId PRACTICE_ZUID = ControllerId.of("practice-zuid");
    static final AgreementControllers CONTROLLERS = agreement ->
            Optional.ofNullable(Map.of(NOORD, PRACTICE_NOORD, ZUID, PRACTICE_ZUID).get(agreement));
    static final Instant DISCOVERED = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant CONTROLLER_DUE = DISCOVERED.plus(Duration.ofHours(24));
    static final Instant AUTHORITY_DUE = DISCOVERED.plus(Duration.ofHours(72));
    static final Violation LATE = new Violation("6.1", "the controller was notified after the limit");
    static final Violation NOT_NOTIFIED = new Violation("6.1", "the controller was not notified within the limit");

    private BreachEvents() {
    }

    static BreachReported reported() {
        return new BreachReported(BREACH, BreachStatus.SUSPECTED, DISCOVERED, List.of(NOORD, ZUID),
                "support laptop lost", List.of(DataCategory.of("DENTAL_PHOTOS")), 250, CONTROLLER_DUE, AUTHORITY_DUE);
    }

    static BreachNotified toController(String id, AgreementId agreement, Duration afterDiscovery) {
        boolean late = afterDiscovery.compareTo(Duration.ofHours(24)) > 0;
        return new BreachNotified(BREACH, id, NotificationRecipient.CONTROLLER, agreement,
                DISCOVERED.plus(afterDiscovery), "laptop unencrypted", "remote wipe", null, List.of("CONTROLLER"),
                CONTROLLER_DUE, afterDiscovery.toSeconds(), late, late ? List.of(LATE) : List.of());
    }

    static BreachNotificationOverdue overdue(AgreementId agreement) {
        return new BreachNotificationOverdue(BREACH, agreement, CONTROLLER_DUE, NOT_NOTIFIED);
    }

    /** The events as forwarded, in stream order from sequence 0. */
    static List<ForwardedEvent> stream(BreachEvent... events) {
        return java.util.stream.IntStream.range(0, events.length)
                .mapToObj(i -> forwarded("ev-breach-" + i, i, 100 + i, DISCOVERED.plus(Duration.ofHours(i)), events[i]))
                .toList();
    }

    static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2026, 3, dayOfMarch);
    }
}
