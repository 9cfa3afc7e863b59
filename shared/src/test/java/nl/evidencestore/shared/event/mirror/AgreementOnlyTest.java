package nl.evidencestore.shared.event.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.event.breach.BreachDismissed;
import nl.evidencestore.shared.event.breach.BreachNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestReceived;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.SubjectRequestType;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.subject.SealedSubject;
import org.junit.jupiter.api.Test;

class AgreementOnlyTest {
    private static final AgreementId OURS = new AgreementId("agr-ours");
    private static final AgreementId OTHER = new AgreementId("agr-other");
    private static final BreachId BREACH = new BreachId("br-1");
    private static final Instant DISCOVERED = Instant.parse("2026-03-06T08:00:00Z");
    private static final SourceEvent SOURCE = new SourceEvent("breach/br-1", "e-1", "BreachReported", "a".repeat(64));

    @Test
    void a_reported_breach_names_this_agreement_only() {
        BreachReported reported = reported(List.of(OURS, OTHER));

        BreachReported fact = (BreachReported) AgreementOnly.breach(reported, OURS).orElseThrow();

        assertThat(fact.agreementIds()).containsExactly(OURS);
        assertThat(AgreementOnly.holds(fact, OURS)).isTrue();
        assertThat(AgreementOnly.holds(reported, OURS)).isFalse();
    }

    @Test
    void another_controllers_notification_or_deadline_is_not_this_agreements_fact() {
        assertThat(AgreementOnly.breach(notified(NotificationRecipient.CONTROLLER, OTHER), OURS)).isEmpty();
        assertThat(AgreementOnly.breach(new BreachNotificationOverdue(BREACH, OTHER, DISCOVERED, null), OURS)).isEmpty();
        assertThat(AgreementOnly.breach(notified(NotificationRecipient.CONTROLLER, OURS), OURS)).isPresent();
    }

    @Test
    void an_authority_notification_that_names_another_agreement_loses_that_name() {
        BreachNotified fact = (BreachNotified) AgreementOnly.breach(notified(NotificationRecipient.AUTHORITY, OTHER), OURS)
                .orElseThrow();

        assertThat(fact.agreementId()).isNull();
        assertThat(AgreementOnly.holds(fact, OURS)).isTrue();
    }

    @Test
    void a_dismissal_names_only_this_agreements_stopped_clock() {
        BreachDismissed fact = (BreachDismissed) AgreementOnly.breach(
                new BreachDismissed(BREACH, LocalDate.parse("2026-03-07"), "false alarm", List.of(OTHER, OURS), true), OURS)
                .orElseThrow();

        assertThat(fact.stoppedControllerDeadlines()).containsExactly(OURS);
    }

    @Test
    void a_request_keeps_no_subject_reference() {
        SubjectRequestReceived received = new SubjectRequestReceived(new SubjectRequestId("req-1"), OURS,
                SubjectRequestType.ACCESS, Party.PROCESSOR, LocalDate.parse("2026-03-09"),
                new SealedSubject("key-1", "c2VhbGVk"), LocalDate.parse("2026-03-11"), LocalDate.parse("2026-04-09"));

        SubjectRequestReceived fact = (SubjectRequestReceived) AgreementOnly.request(received);

        assertThat(fact.subject()).isNull();
        assertThat(AgreementOnly.holds(fact, OURS)).isTrue();
        assertThat(AgreementOnly.holds(received, OURS)).isFalse();
        assertThat(AgreementOnly.holds(fact, OTHER)).isFalse();
    }

    @Test
    void a_mirrored_fact_reads_back_as_written_with_its_type_by_domain_name() {
        BreachFactMirrored mirrored = new BreachFactMirrored(OURS, SOURCE,
                AgreementOnly.breach(reported(List.of(OURS, OTHER)), OURS).orElseThrow());

        byte[] json = Json.canonical(mirrored);

        assertThat(new String(json)).contains("\"fact\":{").contains("\"factType\":\"BreachReported\"").doesNotContain(OTHER.value());
        assertThat(Json.read(json, BreachFactMirrored.class)).isEqualTo(mirrored);
    }

    @Test
    void an_audit_fact_is_its_own_agreements_as_it_is_and_no_other_agreements() {
        AuditRequested requested = new AuditRequested(new AuditId("audit-1"), OURS, LocalDate.parse("2026-04-01"),
                "K. Visser RE");

        assertThat(AgreementOnly.holds(requested, OURS)).isTrue();
        assertThat(AgreementOnly.holds(requested, OTHER)).isFalse();
    }

    @Test
    void shared_findings_read_back_with_their_text_and_their_type_by_domain_name() {
        FindingsShared shared = new FindingsShared(new AuditId("audit-1"), OURS, "f-1",
                "Access logs complete; two accounts without two-factor sign-in", LocalDate.parse("2026-04-20"));
        AuditFactMirrored mirrored = new AuditFactMirrored(OURS,
                new SourceEvent("audit/audit-1", "e-7", "FindingsShared", "d".repeat(64)), shared);

        byte[] json = Json.canonical(mirrored);

        assertThat(new String(json)).contains("\"factType\":\"FindingsShared\"").contains("two-factor sign-in");
        assertThat(Json.read(json, AuditFactMirrored.class)).isEqualTo(mirrored);
        assertThat(AgreementOnly.holds(mirrored.fact(), OURS)).isTrue();
    }

    private static BreachReported reported(List<AgreementId> agreements) {
        return new BreachReported(BREACH, BreachStatus.CONFIRMED, DISCOVERED, agreements, "laptop lost",
                List.of(new DataCategory("SURNAME")), 12, DISCOVERED.plusSeconds(86_400), DISCOVERED.plusSeconds(259_200));
    }

    private static BreachNotified notified(NotificationRecipient recipient, AgreementId agreement) {
        return new BreachNotified(BREACH, "n-1", recipient, agreement, DISCOVERED.plusSeconds(3_600), "lost", "wipe",
                "wiped", List.of("CONTROLLER"), DISCOVERED.plusSeconds(86_400), 3_600, false, List.<Violation>of());
    }
}
