package nl.evidencestore.command.breach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.command.agreement.AgreementsKnown;
import nl.evidencestore.command.agreement.KnownAgreements;
import nl.evidencestore.shared.event.breach.BreachNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.Violation;

/** A suspected leak of dental photos over two practices' agreements, discovered on Monday 2 March 2026. */
final class BreachTestData {
    static final BreachId BREACH = BreachId.of("br-2026-03-photos");
    static final AgreementId NOORD = AgreementId.of("agr-noord");
    static final AgreementId ZUID = AgreementId.of("agr-zuid");
    static final AgreementId UNKNOWN = AgreementId.of("agr-never-drafted");
    static final KnownAgreements KNOWN = AgreementsKnown.allBut(UNKNOWN);
    static final Instant DISCOVERED = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant CONTROLLER_DUE = DISCOVERED.plus(Duration.ofHours(24));
    static final Instant AUTHORITY_DUE = DISCOVERED.plus(Duration.ofHours(72));
    static final LocalDate DISCOVERED_DAY = LocalDate.of(2026, 3, 2);
    static final LocalDate NEXT_DAY = LocalDate.of(2026, 3, 3);
    static final String DESCRIPTION = "support laptop with cached dental photos lost in a train";
    static final List<DataCategory> CATEGORIES = List.of(DataCategory.of("DENTAL_PHOTOS"), DataCategory.of("SURNAME"));

    private BreachTestData() {
    }

    static ReportBreach report(BreachStatus status, AgreementId... agreements) {
        return new ReportBreach(BREACH, status, DISCOVERED, List.of(agreements), DESCRIPTION, CATEGORIES, 250L);
    }

    static ReportBreach suspicion() {
        return report(BreachStatus.SUSPECTED, NOORD, ZUID);
    }

    static BreachReported reported(BreachStatus status) {
        return new BreachReported(BREACH, status, DISCOVERED, List.of(NOORD, ZUID), DESCRIPTION, CATEGORIES, 250L,
                CONTROLLER_DUE, AUTHORITY_DUE);
    }

    static NotifyBreach notifyController(String id, AgreementId agreement, Instant at) {
        return notification(id, NotificationRecipient.CONTROLLER, agreement, at);
    }

    static NotifyBreach notification(String id, NotificationRecipient recipient, AgreementId agreement, Instant at) {
        return new NotifyBreach(BREACH, id, recipient, agreement, at, "laptop left unencrypted",
                "remote wipe and full-disk encryption", "remote wipe issued", List.of("CONTROLLER"));
    }

    static BreachNotified notified(NotifyBreach command, Instant dueAt, boolean late, List<Violation> violations) {
        return new BreachNotified(BREACH, command.notificationId(), command.recipient(), command.agreementId(),
                command.notifiedAt(), command.cause(), command.proposedSolution(), command.implementedSolution(),
                command.informedParties(), dueAt, Duration.between(DISCOVERED, command.notifiedAt()).toSeconds(), late,
                violations);
    }

    static BreachNotificationOverdue controllerOverdue(AgreementId agreement) {
        return new BreachNotificationOverdue(BREACH, agreement, CONTROLLER_DUE, BreachNotifications.CONTROLLER_NOT_NOTIFIED);
    }

    static ConfirmBreach confirm() {
        return new ConfirmBreach(BREACH, NEXT_DAY, "forensics confirmed the photos were cached");
    }

    static DismissBreach dismiss() {
        return new DismissBreach(BREACH, NEXT_DAY, "the laptop was found, sealed, in lost property");
    }

    static CloseBreach close() {
        return new CloseBreach(BREACH, NEXT_DAY, "wiped; encryption rolled out to every support laptop");
    }
}
