package nl.evidencestore.shared.evidence;

import static nl.evidencestore.shared.evidence.TestBundles.A;
import static nl.evidencestore.shared.evidence.TestBundles.B;
import static nl.evidencestore.shared.evidence.TestBundles.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.audit.AuditEvent;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.event.mirror.AuditFactMirrored;
import nl.evidencestore.shared.event.mirror.BreachFactMirrored;
import nl.evidencestore.shared.event.mirror.SourceEvent;
import nl.evidencestore.shared.event.mirror.SubjectRequestFactMirrored;
import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureRecorded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwarded;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Check;
import nl.evidencestore.shared.evidence.verify.Checks;
import nl.evidencestore.shared.evidence.verify.Verification;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.SecurityMeasureId;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Breach, request and audit facts in the agreement's chain, and security-measure streams carried whole, as the verifier sees them. */
class MirroredFactsVerifyTest {
    private static final BreachId BREACH = new BreachId("br-1");
    private static final Instant DISCOVERED = day(14);
    private static final Violation LATE = new Violation("6.1", "notified after the limit");
    private static final AuditId AUDIT = new AuditId("audit-q1");
    private static final LocalDate AUDIT_REQUESTED = LocalDate.of(2026, 3, 21);

    @TempDir
    Path dir;

    @Test
    void aBundleWithBreachAndRequestFactsAndASecurityMeasurePassesEveryCheck() throws IOException {
        TestBundles t = withFacts(reported(List.of(A)), notified(DISCOVERED.plusSeconds(100_000), 100_000, true));

        Verification verification = verify(t.firstAudit().zip());

        assertThat(failed(verification)).as(verification.print()).isEmpty();
        assertThat(verification.check(Checks.MIRRORED).orElseThrow().detail()).startsWith("3 breach, request and audit fact(s)");
        assertThat(verification.check(Checks.HEADS).orElseThrow().detail()).startsWith("4 stream(s)");
        String report = new String(TestBundles.entries(t.firstAudit().zip()).get(BundleWriter.REPORT), StandardCharsets.UTF_8);
        assertThat(report).contains("br-1").contains("LATE (Art. 6.1)").contains("req-1").contains("Full-disk encryption")
                .doesNotContain(B.value());
    }

    @Test
    void aFactThatNamesAnotherAgreementFailsEvenWhenItsHashesHold() throws IOException {
        TestBundles t = withFacts(reported(List.of(A, B)), notified(DISCOVERED.plusSeconds(100_000), 100_000, true));

        Verification verification = verify(t.firstAudit().zip());

        assertThat(failed(verification)).containsExactly(Checks.MIRRORED);
        assertThat(verification.check(Checks.MIRRORED).orElseThrow().failures().get(0)).contains("not agreement-only");
    }

    @Test
    void aNotificationWhoseDelayIsNotItsDatesFails() throws IOException {
        TestBundles t = withFacts(reported(List.of(A)), notified(DISCOVERED.plusSeconds(100_000), 3_600, true));

        Verification verification = verify(t.firstAudit().zip());

        assertThat(failed(verification)).containsExactly(Checks.MIRRORED);
        assertThat(verification.check(Checks.MIRRORED).orElseThrow().failures().get(0)).contains("delay of 3600 s");
    }

    @Test
    void aMirroredFactChangedInTheBundleIsCaught() throws IOException {
        TestBundles t = withFacts(reported(List.of(A)), notified(DISCOVERED.plusSeconds(100_000), 100_000, true));
        byte[] zip = TestBundles.resign(t.firstAudit().zip(), TestBundles.KEY, entries -> {
            List<String> lines = new ArrayList<>(TestBundles.lines(entries.get(BundleWriter.EVENTS)));
            int at = indexOf(lines, "\"notificationId\":\"n-1\"");
            lines.set(at, lines.get(at).replace("\"late\":true", "\"late\":false"));
            entries.put(BundleWriter.EVENTS, TestBundles.join(lines));
        });

        Verification verification = verify(zip);

        assertThat(failed(verification)).contains(Checks.PAYLOAD_HASHES, Checks.MIRRORED, Checks.REPORT);
    }

    @Test
    void anAuditRequestedAndItsFindingsSharedPassEveryCheck() throws IOException {
        TestBundles t = withAudit(requested(A), shared(A, AUDIT_REQUESTED.plusDays(1)));

        Verification verification = verify(t.firstAudit().zip());

        assertThat(failed(verification)).as(verification.print()).isEmpty();
        assertThat(verification.check(Checks.MIRRORED).orElseThrow().detail())
                .startsWith("2 breach, request and audit fact(s)");
        String report = new String(TestBundles.entries(t.firstAudit().zip()).get(BundleWriter.REPORT), StandardCharsets.UTF_8);
        assertThat(report).contains("audit-q1").contains("2026-03-21").contains("K. Visser RE").contains("2026-03-22")
                .contains("two accounts without two-factor sign-in");
    }

    @Test
    void findingsOfAnotherAgreementFailEvenWhenTheirHashesHold() throws IOException {
        TestBundles t = withAudit(requested(A), shared(B, AUDIT_REQUESTED.plusDays(1)));

        Verification verification = verify(t.firstAudit().zip());

        assertThat(failed(verification)).containsExactly(Checks.MIRRORED);
        assertThat(verification.check(Checks.MIRRORED).orElseThrow().failures().get(0)).contains("not agreement-only");
    }

    @Test
    void findingsSharedBeforeTheAuditWasRequestedFail() throws IOException {
        TestBundles t = withAudit(requested(A), shared(A, AUDIT_REQUESTED.minusDays(1)));

        Verification verification = verify(t.firstAudit().zip());

        assertThat(failed(verification)).containsExactly(Checks.MIRRORED);
        assertThat(verification.check(Checks.MIRRORED).orElseThrow().failures().get(0))
                .contains("before the audit was requested");
    }

    @Test
    void findingsWithoutTheAuditsRequestInTheChainFail() throws IOException {
        TestBundles t = withAudit(shared(A, AUDIT_REQUESTED.plusDays(1)));

        Verification verification = verify(t.firstAudit().zip());

        assertThat(failed(verification)).containsExactly(Checks.MIRRORED);
        assertThat(verification.check(Checks.MIRRORED).orElseThrow().failures().get(0))
                .contains("come before the audit's request");
    }

    @Test
    void anAuditFactWhoseSourceIsAnotherStreamFails() throws IOException {
        TestBundles t = TestBundles.standard();
        t.history().append(new AuditFactMirrored(A, new SourceEvent("audit/audit-elsewhere", "src-a0", "AuditRequested",
                "d".repeat(64)), requested(A)), day(23));

        Verification verification = verify(t.firstAudit().zip());

        assertThat(failed(verification)).containsExactly(Checks.MIRRORED);
        assertThat(verification.check(Checks.MIRRORED).orElseThrow().failures().get(0))
                .contains("is not the stream and type of the fact");
    }

    @Test
    void aSecurityMeasureStreamCutShortFailsItsHead() throws IOException {
        TestBundles t = withFacts(reported(List.of(A)), notified(DISCOVERED.plusSeconds(100_000), 100_000, true));
        byte[] zip = TestBundles.resign(t.firstAudit().zip(), TestBundles.KEY, entries -> {
            List<String> lines = new ArrayList<>(TestBundles.lines(entries.get(BundleWriter.EVENTS)));
            lines.remove(lines.size() - 1);
            entries.put(BundleWriter.EVENTS, TestBundles.join(lines));
        });

        Verification verification = verify(zip);

        assertThat(failed(verification)).contains(Checks.HEADS);
    }

    /** The standard history with a breach's facts and a request's in A's chain, and a measure amended once. */
    private static TestBundles withFacts(BreachEvent reported, BreachEvent notified) {
        TestBundles t = TestBundles.standard();
        History history = t.history();
        SecurityMeasureId measure = new SecurityMeasureId("sm-1");
        history.append(new SecurityMeasureRecorded(measure, "Full-disk encryption", LocalDate.of(2026, 1, 1), "ISMS-1"), day(2));
        history.append(new SecurityMeasureRecorded(measure, "Full-disk encryption, TPM-bound", LocalDate.of(2026, 3, 1), "ISMS-2"), day(3));
        history.append(breachFact("src-1", reported), day(23));
        history.append(breachFact("src-2", notified), day(23).plusSeconds(60));
        SubjectRequestId request = new SubjectRequestId("req-1");
        history.append(new SubjectRequestFactMirrored(A, new SourceEvent(request.toString(), "src-3",
                "SubjectRequestForwarded", "c".repeat(64)), new SubjectRequestForwarded(request, A,
                LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 18), false, List.of())), day(23).plusSeconds(120));
        return t;
    }

    /** The standard history with an audit's facts in A's chain, each from its own source event. */
    private static TestBundles withAudit(AuditEvent... facts) {
        TestBundles t = TestBundles.standard();
        for (int i = 0; i < facts.length; i++) {
            AuditEvent fact = facts[i];
            t.history().append(new AuditFactMirrored(A, new SourceEvent(AUDIT.toString(), "src-a" + i,
                    EventTypes.nameOf(fact.getClass()), "d".repeat(64)), fact), day(23).plusSeconds(60L * i));
        }
        return t;
    }

    private static AuditRequested requested(AgreementId agreement) {
        return new AuditRequested(AUDIT, agreement, AUDIT_REQUESTED, "K. Visser RE");
    }

    private static FindingsShared shared(AgreementId agreement, LocalDate on) {
        return new FindingsShared(AUDIT, agreement, "f-1", "Access logs complete; two accounts without two-factor sign-in", on);
    }

    private static BreachFactMirrored breachFact(String sourceEventId, BreachEvent fact) {
        return new BreachFactMirrored(A, new SourceEvent(BREACH.toString(), sourceEventId, EventTypes.nameOf(fact.getClass()),
                "b".repeat(64)), fact);
    }

    private static BreachReported reported(List<AgreementId> agreements) {
        return new BreachReported(BREACH, BreachStatus.CONFIRMED, DISCOVERED, agreements, "laptop lost",
                List.of(DataCategory.of("SURNAME")), 40, DISCOVERED.plusSeconds(86_400), DISCOVERED.plusSeconds(259_200));
    }

    private static BreachNotified notified(Instant at, long delaySeconds, boolean late) {
        return new BreachNotified(BREACH, "n-1", NotificationRecipient.CONTROLLER, A, at, "lost laptop", "remote wipe",
                null, List.of("CONTROLLER"), DISCOVERED.plusSeconds(86_400), delaySeconds, late, late ? List.of(LATE) : List.of());
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line holds " + text);
    }

    private Verification verify(byte[] zip) throws IOException {
        Path file = Files.createTempFile(dir, "bundle", ".zip");
        Files.write(file, zip);
        return BundleVerifier.verify(file, Optional.of(TestBundles.KEY.verificationKey()), Optional.empty());
    }

    private static List<String> failed(Verification verification) {
        return verification.checks().stream().filter(Check::failed).map(Check::name).toList();
    }
}
