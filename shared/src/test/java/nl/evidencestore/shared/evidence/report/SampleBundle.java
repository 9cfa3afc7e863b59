package nl.evidencestore.shared.evidence.report;

import static nl.evidencestore.shared.evidence.report.ReportTestData.AGREEMENT;
import static nl.evidencestore.shared.evidence.report.ReportTestData.access;
import static nl.evidencestore.shared.evidence.report.ReportTestData.categories;
import static nl.evidencestore.shared.evidence.report.ReportTestData.day;
import static nl.evidencestore.shared.evidence.report.ReportTestData.drafted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.DataLocationRegistered;
import nl.evidencestore.shared.event.agreement.DeletionConfirmed;
import nl.evidencestore.shared.event.agreement.EvidenceExported;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.event.agreement.RetentionHoldPlaced;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentRevoked;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.event.disclosure.DisclosureRecorded;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.audit.AuditEvent;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.event.mirror.AuditFactMirrored;
import nl.evidencestore.shared.event.mirror.BreachFactMirrored;
import nl.evidencestore.shared.event.mirror.SourceEvent;
import nl.evidencestore.shared.event.mirror.SubjectRequestFactMirrored;
import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureRecorded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestEvent;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwarded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestReceived;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.report.ReportTestData.Chain;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.DisclosureBasis;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SecurityMeasureId;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.SubjectRequestType;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;

/**
 * A small but complete bundle: a lifecycle, a month of accesses, a breach's, a request's and an
 * audit's facts mirrored into the chain, two employees and a security measure.
 */
final class SampleBundle {
    private SampleBundle() {
    }

    static List<EventLine> lines(String controllerName) {
        List<EventLine> lines = new ArrayList<>(agreement(controllerName).lines());
        lines.addAll(employees().get(0));
        lines.addAll(employees().get(1));
        lines.addAll(securityMeasure());
        return lines;
    }

    static Chain agreement(String controllerName) {
        Chain chain = new Chain(AGREEMENT.value())
                .add(drafted(controllerName), "2025-11-06T10:00:00Z")
                .add(new AgreementSigned(AGREEMENT, Party.CONTROLLER, "J. de Vries", "Amsterdam", day("2025-11-07"), "d".repeat(64)), "2025-11-07T10:00:00Z")
                .add(new AgreementSigned(AGREEMENT, Party.PROCESSOR, "P. Reijers", "Amsterdam", day("2025-11-10"), "d".repeat(64)), "2025-11-10T10:00:00Z")
                .add(new AgreementTookEffect(AGREEMENT, day("2025-11-10")), "2025-11-10T10:00:01Z")
                .add(new DataLocationRegistered(AGREEMENT, "support-ws-3", "Support workstation 3, Amsterdam office"), "2025-11-11T09:00:00Z")
                .add(new DataLocationRegistered(AGREEMENT, "backup-1", "Encrypted nightly backup"), "2025-11-11T09:00:01Z")
                .stub(access("acc-0", "2026-02-27T10:00:00Z"), "2026-02-27T10:00:05Z")
                .add(new PurposeAdded(AGREEMENT, new Purpose("TRAINING"), "consent-2026-03", day("2026-03-03")), "2026-03-03T08:00:00Z")
                .add(access("acc-1", "2026-03-02T09:00:00Z"), "2026-03-02T09:00:02Z")
                .add(access("acc-2", "2026-03-04T11:30:00Z", "1.3"), "2026-03-04T11:30:01Z")
                .add(access("acc-3", "2026-03-05T14:00:00Z", "2.3", "ANNEX_1"), "2026-03-05T14:00:03Z")
                .add(breachReported(), "2026-03-06T09:00:01Z")
                .add(breachNotified(), "2026-03-07T10:30:02Z")
                .add(requestReceived(), "2026-03-09T09:00:01Z")
                .add(access("acc-4", "2026-03-10T16:45:00Z", "1.3"), "2026-03-10T16:45:01Z")
                .add(access("acc-5", "2026-03-12T08:15:00Z"), "2026-03-12T08:15:09Z")
                .add(requestForwarded(), "2026-03-13T09:00:01Z")
                .add(new DisclosureRecorded(AGREEMENT, "disc-1", "Insurer X", DisclosureBasis.OTHER, null,
                        "sent on request by phone", categories("SURNAME"), day("2026-03-15"),
                        Verdict.of(List.of(new Violation("8.1", "no basis of Art. 8.2")))), "2026-03-15T12:00:00Z")
                .add(auditFact("audit-e0", new AuditRequested(AUDIT, AGREEMENT, day("2026-03-16"), "K. Visser RE")),
                        "2026-03-16T09:00:01Z")
                .add(new DeletionConfirmed(AGREEMENT, "support-ws-3", day("2026-03-20"), "secure wipe",
                        categories("SURNAME", "BSN"), "e".repeat(64)), "2026-03-20T15:00:00Z")
                .add(new RetentionHoldPlaced(AGREEMENT, "backup-1", "WGBO medical-records duty, instruction INS-9",
                        day("2041-03-20"), categories("DENTAL_PHOTOS")), "2026-03-21T10:00:00Z");
        return chain
                .stub(access("acc-late", "2026-03-31T22:00:00Z"), "2026-04-01T06:00:00Z")
                .add(new SubProcessorConsentRevoked(AGREEMENT, "hosting-1", day("2026-03-15")), "2026-04-01T07:00:00Z")
                .add(auditFact("audit-e1", new FindingsShared(AUDIT, AGREEMENT, "f-1",
                        "Access logs complete; two accounts without two-factor sign-in", day("2026-04-01"))),
                        "2026-04-01T09:00:01Z")
                .add(new EvidenceExported(AGREEMENT, "bundle-1", ReportTestData.FROM, ReportTestData.TO, "auditor-1", null),
                        "2026-04-02T10:00:00Z");
    }

    static List<List<EventLine>> employees() {
        return List.of(
                new Chain("employee/emp-7").add(new EmployeeRegistered(new EmployeeId("emp-7"), "A. Jansen", day("2025-10-01")), "2025-10-01T08:00:00Z").lines(),
                new Chain("employee/emp-8").add(new EmployeeRegistered(new EmployeeId("emp-8"), "B. Bakker", day("2025-10-02")), "2025-10-02T08:00:00Z").lines());
    }

    static List<EventLine> securityMeasure() {
        return new Chain("security-measure/sm-1").add(new SecurityMeasureRecorded(new SecurityMeasureId("sm-1"),
                "Full-disk encryption on every support laptop", day("2025-09-01"), "ISMS-12"), "2025-09-01T08:00:00Z").lines();
    }

    static final BreachId BREACH = new BreachId("br-1");
    static final AgreementId OTHER = new AgreementId("agr-other");
    private static final Instant DISCOVERED = Instant.parse("2026-03-06T08:00:00Z");
    private static final SubjectRequestId REQUEST = new SubjectRequestId("req-1");
    private static final AuditId AUDIT = new AuditId("audit-2026-q1");

    /** The breach affects another agreement too; the agreement's chain names only its own. */
    private static BreachFactMirrored breachReported() {
        return breachFact("br-e0", new BreachReported(BREACH, BreachStatus.CONFIRMED, DISCOVERED, List.of(AGREEMENT),
                "Laptop with a support export lost", categories("SURNAME", "DENTAL_PHOTOS"), 120,
                DISCOVERED.plusSeconds(86_400), DISCOVERED.plusSeconds(259_200)));
    }

    private static BreachFactMirrored breachNotified() {
        return breachFact("br-e1", notified("n-1", AGREEMENT, "2026-03-07T10:30:00Z", 95_400, true));
    }

    /** Another controller's notification: never an agreement-only fact of this agreement. */
    static BreachFactMirrored othersNotification() {
        return breachFact("br-e2", notified("n-2", OTHER, "2026-03-06T10:00:00Z", 7_200, false));
    }

    private static BreachNotified notified(String id, AgreementId agreement, String at, long delay, boolean late) {
        return new BreachNotified(BREACH, id, NotificationRecipient.CONTROLLER, agreement, Instant.parse(at),
                "lost laptop", "remote wipe", "remote wipe done", List.of("CONTROLLER"), DISCOVERED.plusSeconds(86_400),
                delay, late, late ? List.of(new Violation("6.1", "notified 26 h 30 min after discovery")) : List.of());
    }

    private static BreachFactMirrored breachFact(String sourceEventId, BreachEvent fact) {
        return new BreachFactMirrored(AGREEMENT, new SourceEvent(BREACH.toString(), sourceEventId,
                EventTypes.nameOf(fact.getClass()), "a".repeat(64)), fact);
    }

    private static SubjectRequestFactMirrored requestReceived() {
        return requestFact("req-e0", new SubjectRequestReceived(REQUEST, AGREEMENT, SubjectRequestType.ACCESS,
                Party.PROCESSOR, day("2026-03-09"), null, day("2026-03-11"), day("2026-04-09")));
    }

    private static SubjectRequestFactMirrored requestForwarded() {
        return requestFact("req-e1", new SubjectRequestForwarded(REQUEST, AGREEMENT, day("2026-03-13"), day("2026-03-11"),
                true, List.of(new Violation("7.1", "forwarded two days late"))));
    }

    private static AuditFactMirrored auditFact(String sourceEventId, AuditEvent fact) {
        return new AuditFactMirrored(AGREEMENT, new SourceEvent(AUDIT.toString(), sourceEventId,
                EventTypes.nameOf(fact.getClass()), "c".repeat(64)), fact);
    }

    private static SubjectRequestFactMirrored requestFact(String sourceEventId, SubjectRequestEvent fact) {
        return new SubjectRequestFactMirrored(AGREEMENT, new SourceEvent(REQUEST.toString(), sourceEventId,
                EventTypes.nameOf(fact.getClass()), "b".repeat(64)), fact);
    }
}
