package nl.evidencestore.query.breach;

import static nl.evidencestore.query.Fixtures.addAsRecords;
import static nl.evidencestore.query.breach.BreachEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.breach.BreachView.NotificationDeadline;
import nl.evidencestore.query.obligation.DeadlineState;
import nl.evidencestore.query.obligation.ObligationKind;
import nl.evidencestore.query.obligation.ObligationSource.Open;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.breach.BreachAuthorityNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachClosed;
import nl.evidencestore.shared.event.breach.BreachConfirmed;
import nl.evidencestore.shared.event.breach.BreachDismissed;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.BreachStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreachProjectionTest {
    private static final Instant BEFORE_DUE = CONTROLLER_DUE.minusSeconds(1);
    private static final Instant AFTER_ALL_DUE = AUTHORITY_DUE.plusSeconds(1);

    private final BreachProjection projection = new BreachProjection(new AppliedPosition(200), CONTROLLERS);

    private BreachView at(Instant now) {
        return projection.breach(BREACH, now).orElseThrow();
    }

    @Test
    void aReportedSuspicionHasAnOpenDeadlinePerAgreementAndOneForTheAuthority() {
        stream(reported()).forEach(projection::on);

        BreachView breach = at(BEFORE_DUE);

        assertThat(breach.status()).isEqualTo(BreachStatus.SUSPECTED);
        assertThat(breach.agreements()).extracting(NotificationDeadline::agreementId, NotificationDeadline::controllerId,
                        NotificationDeadline::dueAt, NotificationDeadline::state, NotificationDeadline::overdue)
                .containsExactly(tuple(NOORD, PRACTICE_NOORD, CONTROLLER_DUE, DeadlineState.OPEN, false),
                        tuple(ZUID, PRACTICE_ZUID, CONTROLLER_DUE, DeadlineState.OPEN, false));
        assertThat(breach.authority().dueAt()).isEqualTo(AUTHORITY_DUE);
        assertThat(breach.overdue()).isFalse();
        assertThat(breach.categories().get(0).sensitive()).isTrue();
    }

    @Test
    void anOpenDeadlineIsOverdueOnceItsInstantHasPassedEvenBeforeTheStoresOverdueFactArrives() {
        stream(reported()).forEach(projection::on);

        assertThat(at(CONTROLLER_DUE).overdue()).as("the due instant itself is still in time").isFalse();
        BreachView breach = at(CONTROLLER_DUE.plusNanos(1));

        assertThat(breach.overdue()).isTrue();
        assertThat(breach.agreements()).allSatisfy(deadline -> {
            assertThat(deadline.overdue()).isTrue();
            assertThat(deadline.late()).isTrue();
            assertThat(deadline.overdueRecorded()).isFalse();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachNotificationHasItsDelayAndWhetherItWasLate() {
        stream(reported(), toController("n-noord", NOORD, Duration.ofHours(2)),
                toController("n-zuid", ZUID, Duration.ofHours(27))).forEach(projection::on);

        BreachView breach = at(AFTER_ALL_DUE);

        assertThat(breach.notifications()).extracting(BreachView.Notification::notificationId,
                        BreachView.Notification::delaySeconds, BreachView.Notification::late)
                .containsExactly(tuple("n-noord", 7_200L, false), tuple("n-zuid", 97_200L, true));
        assertThat(breach.agreements()).extracting(NotificationDeadline::agreementId, NotificationDeadline::state,
                        NotificationDeadline::late, NotificationDeadline::delaySeconds, NotificationDeadline::violations)
                .containsExactly(tuple(NOORD, DeadlineState.MET, false, 7_200L, List.of()),
                        tuple(ZUID, DeadlineState.MET, true, 97_200L, List.of(LATE)));
        assertThat(breach.authority().overdue()).isTrue();
    }

    @Test
    void aDeadlinePassedUnmetCarriesTheStoresOverdueFactAsItsViolation() {
        stream(reported(), overdue(NOORD)).forEach(projection::on);

        NotificationDeadline noord = at(CONTROLLER_DUE.plusSeconds(5)).agreements().get(0);

        assertThat(noord.late()).isTrue();
        assertThat(noord.overdueRecorded()).isTrue();
        assertThat(noord.violations()).containsExactly(NOT_NOTIFIED);
    }

    @Test
    void aNotificationMadeInTimeButRecordedAfterTheOverdueFactMeetsTheDeadline() {
        stream(reported(), overdue(NOORD), toController("n-noord", NOORD, Duration.ofHours(1))).forEach(projection::on);

        NotificationDeadline noord = at(AFTER_ALL_DUE).agreements().get(0);

        assertThat(noord.state()).isEqualTo(DeadlineState.MET);
        assertThat(noord.late()).isFalse();
        assertThat(noord.overdueRecorded()).isTrue();
        assertThat(noord.violations()).isEmpty();
    }

    @Test
    void aDismissalEndsTheDeadlinesAndWhatHadPassedStaysLate() {
        stream(reported(), overdue(NOORD), overdue(ZUID),
                new BreachDismissed(BREACH, day(3), "laptop found", List.of(), true)).forEach(projection::on);

        BreachView breach = at(AFTER_ALL_DUE);

        assertThat(breach.status()).isEqualTo(BreachStatus.DISMISSED);
        assertThat(breach.overdue()).isFalse();
        assertThat(breach.agreements()).allSatisfy(deadline -> {
            assertThat(deadline.state()).isEqualTo(DeadlineState.ENDED);
            assertThat(deadline.late()).isTrue();
        });
        assertThat(breach.authority().late()).isFalse();
        assertThat(projection.openObligations(AFTER_ALL_DUE)).isEmpty();
    }

    @Test
    void aConfirmedBreachIsClosedWithItsSummaryAndKeepsItsHistory() {
        stream(reported(), new BreachConfirmed(BREACH, day(3), "confirmed"), toController("n-noord", NOORD, Duration.ofHours(1)),
                new BreachClosed(BREACH, day(9), "wiped and encrypted")).forEach(projection::on);

        BreachView breach = at(AFTER_ALL_DUE);

        assertThat(breach.status()).isEqualTo(BreachStatus.CLOSED);
        assertThat(breach.reportedAs()).isEqualTo(BreachStatus.SUSPECTED);
        assertThat(breach.confirmation().on()).isEqualTo(day(3));
        assertThat(breach.closure().note()).isEqualTo("wiped and encrypted");
        assertThat(breach.notifications()).hasSize(1);
    }

    @Test
    void anAuditorsViewShowsNeitherTheOtherAgreementsNorTheirNotifications() {
        stream(reported(), toController("n-noord", NOORD, Duration.ofHours(2)),
                toController("n-zuid", ZUID, Duration.ofHours(27))).forEach(projection::on);

        BreachView scoped = at(AFTER_ALL_DUE).scopedTo(NOORD::equals);
        String json = new String(Json.write(scoped));

        assertThat(scoped.agreements()).extracting(NotificationDeadline::agreementId).containsExactly(NOORD);
        assertThat(scoped.notifications()).extracting(BreachView.Notification::notificationId).containsExactly("n-noord");
        assertThat(json).doesNotContain(ZUID.value()).doesNotContain(PRACTICE_ZUID.value()).doesNotContain("n-zuid");
        assertThat(at(AFTER_ALL_DUE).affectsAny(NOORD::equals)).isTrue();
        assertThat(at(AFTER_ALL_DUE).affectsAny(agreement -> false)).isFalse();
    }

    @Test
    void theOpenDeadlinesAreObligationsTheAuthoritysConcerningEveryAffectedAgreement() {
        stream(reported(), toController("n-noord", NOORD, Duration.ofHours(2))).forEach(projection::on);

        List<Open> open = projection.openObligations(BEFORE_DUE);

        assertThat(open).extracting(o -> o.obligation().kind(), o -> o.obligation().agreementId(), Open::concerns)
                .containsExactlyInAnyOrder(
                        tuple(ObligationKind.BREACH_CONTROLLER_NOTIFICATION, ZUID, java.util.Set.of(ZUID)),
                        tuple(ObligationKind.BREACH_AUTHORITY_NOTIFICATION, null, java.util.Set.of(NOORD, ZUID)));
        assertThat(open).allSatisfy(o -> assertThat(o.obligation().breachId()).isEqualTo(BREACH));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        stream(reported(), toController("n-noord", NOORD, Duration.ofHours(2))).forEach(projection::on);
        stream(reported(), toController("n-noord", NOORD, Duration.ofHours(2))).forEach(projection::on);

        assertThat(at(BEFORE_DUE).notifications()).hasSize(1);
    }

    @Test
    void reloadsFromTheIndexAfterARestart(@TempDir Path dir) {
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            addAsRecords(index, stream(reported(), toController("n-zuid", ZUID, Duration.ofHours(27)),
                    new BreachAuthorityNotificationOverdue(BREACH, AUTHORITY_DUE, NOT_NOTIFIED)));
            index.refresh();

            projection.reloadFrom(index);
        }

        BreachView breach = at(AFTER_ALL_DUE);
        assertThat(breach.agreements().get(1).late()).isTrue();
        assertThat(breach.authority().overdueRecorded()).isTrue();
    }

    @Test
    void speaksTheApiContractsJson() {
        stream(reported(), toController("n-noord", NOORD, Duration.ofHours(2))).forEach(projection::on);

        JsonNode json = Json.mapper().valueToTree(at(BEFORE_DUE));

        assertThat(json.get("breachId").asText()).isEqualTo(BREACH.value());
        assertThat(json.get("discoveredAt").asText()).isEqualTo("2026-03-02T08:00:00Z");
        assertThat(json.at("/agreements/0/agreementId").asText()).isEqualTo("agr-noord");
        assertThat(json.at("/agreements/0/delaySeconds").asLong()).isEqualTo(7_200);
        assertThat(json.at("/agreements/1").has("notifiedAt")).isFalse();
        assertThat(json.at("/notifications/0/late").asBoolean()).isFalse();
        assertThat(json.at("/authority").has("agreementId")).isFalse();
    }
}
