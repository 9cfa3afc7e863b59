package nl.evidencestore.query.obligation;

import static nl.evidencestore.query.Fixtures.forwarded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.agreement.AgreementScope;
import nl.evidencestore.query.breach.BreachProjection;
import nl.evidencestore.shared.event.agreement.DeletionObligationFulfilled;
import nl.evidencestore.shared.event.agreement.DeletionObligationOpened;
import nl.evidencestore.shared.event.agreement.DeletionOverdue;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.ControllerId;
import org.junit.jupiter.api.Test;

class ObligationQueriesTest {
    private static final AgreementId NOORD = AgreementId.of("agr-noord");
    private static final AgreementId ZUID = AgreementId.of("agr-zuid");
    private static final ControllerId PRACTICE_NOORD = ControllerId.of("practice-noord");
    private static final AgreementControllers CONTROLLERS = agreement -> Optional.ofNullable(
            Map.of(NOORD, PRACTICE_NOORD, ZUID, ControllerId.of("practice-zuid")).get(agreement));
    private static final Instant DISCOVERED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant DELETION_DUE = Instant.parse("2026-04-30T22:00:00Z");
    private static final Instant NOW = DISCOVERED.plus(Duration.ofHours(30));

    private final AppliedPosition applied = new AppliedPosition(10);
    private final BreachProjection breaches = new BreachProjection(applied, CONTROLLERS);
    private final DeletionObligationProjection deletions = new DeletionObligationProjection(CONTROLLERS);
    private final ObligationQueries queries = new ObligationQueries(List.of(breaches, deletions), CONTROLLERS, applied);

    private static AgreementScope security() {
        return new AgreementScope(new Principal("officer", Set.of(Role.SECURITY), Set.of()), CONTROLLERS);
    }

    private static AgreementScope auditorOfNoord() {
        return new AgreementScope(new Principal("auditor", Set.of(Role.AUDITOR), Set.of(PRACTICE_NOORD)), CONTROLLERS);
    }

    private void given() {
        breaches.on(forwarded("ev-1", 0, 1, DISCOVERED, new BreachReported(BreachId.of("br-1"), BreachStatus.CONFIRMED,
                DISCOVERED, List.of(NOORD, ZUID), "lost laptop", List.of(), 3, DISCOVERED.plus(Duration.ofHours(24)),
                DISCOVERED.plus(Duration.ofHours(72)))));
        deletions.on(forwarded("ev-2", 7, 2, DISCOVERED, new DeletionObligationOpened(ZUID, DELETION_DUE, List.of("backup"))));
    }

    @Test
    void everyKindOfOpenDeadlineIsListedSoonestDueFirst() {
        given();

        assertThat(queries.open(NOW, security(), Optional.empty(), Optional.empty()))
                .extracting(Obligation::kind, Obligation::agreementId, Obligation::overdue)
                .containsExactly(tuple(ObligationKind.BREACH_CONTROLLER_NOTIFICATION, NOORD, true),
                        tuple(ObligationKind.BREACH_CONTROLLER_NOTIFICATION, ZUID, true),
                        tuple(ObligationKind.BREACH_AUTHORITY_NOTIFICATION, null, false),
                        tuple(ObligationKind.DELETION, ZUID, false));
    }

    @Test
    void overdueTrueListsOnlyWhatHasPassed() {
        given();

        assertThat(queries.open(NOW, security(), Optional.of(true), Optional.empty()))
                .extracting(Obligation::kind).containsOnly(ObligationKind.BREACH_CONTROLLER_NOTIFICATION);
    }

    @Test
    void anAuditorSeesTheirAgreementsDeadlinesAndTheAuthorityDeadlineOfABreachTouchingThem() {
        given();

        assertThat(queries.open(NOW, auditorOfNoord(), Optional.empty(), Optional.empty()))
                .extracting(Obligation::kind, Obligation::agreementId)
                .containsExactly(tuple(ObligationKind.BREACH_CONTROLLER_NOTIFICATION, NOORD),
                        tuple(ObligationKind.BREACH_AUTHORITY_NOTIFICATION, null));
    }

    @Test
    void aDeletionObligationIsOverdueFromItsInstantAndGoneOnceFulfilled() {
        given();
        deletions.on(forwarded("ev-3", 8, 3, DELETION_DUE, new DeletionOverdue(ZUID, DELETION_DUE, List.of("backup"))));

        assertThat(queries.open(DELETION_DUE, security(), Optional.empty(), Optional.of(ZUID)))
                .filteredOn(o -> o.kind() == ObligationKind.DELETION)
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.overdue()).isTrue();
                    assertThat(o.overdueRecorded()).isTrue();
                    assertThat(o.controllerId()).isEqualTo(ControllerId.of("practice-zuid"));
                });

        deletions.on(forwarded("ev-4", 9, 4, DELETION_DUE, new DeletionObligationFulfilled(ZUID, java.time.LocalDate.of(2026, 5, 2))));

        assertThat(queries.open(DELETION_DUE, security(), Optional.empty(), Optional.empty()))
                .extracting(Obligation::kind).doesNotContain(ObligationKind.DELETION);
    }
}
