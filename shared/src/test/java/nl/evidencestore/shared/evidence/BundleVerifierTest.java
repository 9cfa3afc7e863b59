package nl.evidencestore.shared.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Check;
import nl.evidencestore.shared.evidence.verify.Checks;
import nl.evidencestore.shared.evidence.verify.Verification;
import nl.evidencestore.shared.integrity.SigningKey;
import nl.evidencestore.shared.integrity.VerificationKey;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {
    @TempDir
    Path dir;

    private Verification verify(byte[] zip) throws IOException {
        return verify(zip, Optional.of(TestBundles.KEY.verificationKey()), Optional.empty());
    }

    private Verification verify(byte[] zip, Optional<VerificationKey> key, Optional<byte[]> previous) throws IOException {
        Path file = Files.createTempFile(dir, "bundle", ".zip");
        Files.write(file, zip);
        return BundleVerifier.verify(file, key, previous);
    }

    private static List<String> failed(Verification verification) {
        return verification.checks().stream().filter(Check::failed).map(Check::name).toList();
    }

    @Test
    void passesEveryCheckOfAnUntouchedBundle() throws IOException {
        Verification verification = verify(TestBundles.standard().firstAudit().zip());
        assertThat(failed(verification)).as(verification.print()).isEmpty();
        assertThat(verification.status(Checks.AUTHENTICITY)).isEqualTo(Check.Status.PASS);
        assertThat(verification.status(Checks.APPEND_ONLY)).isEqualTo(Check.Status.NOT_CHECKED);
        assertThat(verification.status(Checks.NO_FORK)).isEqualTo(Check.Status.NOT_CHECKED);
        assertThat(verification.check(Checks.BOUNDARIES).orElseThrow().detail()).contains("1 late arrival(s)");
        assertThat(verification.check(Checks.VERDICTS).orElseThrow().detail()).startsWith("3 verdict(s)");
    }

    @Test
    void withoutAPublicKeyAuthenticityIsNotEstablishedAndNothingSaysVerified() throws IOException {
        Verification verification = verify(TestBundles.standard().firstAudit().zip(), Optional.empty(), Optional.empty());
        assertThat(failed(verification)).isEmpty();
        assertThat(verification.status(Checks.AUTHENTICITY)).isEqualTo(Check.Status.NOT_ESTABLISHED);
        assertThat(verification.summary()).startsWith("INTEGRITY OK — authenticity NOT ESTABLISHED").doesNotContain("VERIFIED");
    }

    @Test
    void failsOnOneByteChangedInAnyFile() throws IOException {
        byte[] zip = TestBundles.standard().firstAudit().zip();
        Map<String, String> expected = Map.of(BundleWriter.EVENTS, Checks.FILES, BundleWriter.PROOF, Checks.FILES,
                BundleWriter.PUBLIC_KEY, Checks.MANIFEST_SIGNATURE, BundleWriter.MANIFEST, Checks.MANIFEST_SIGNATURE,
                BundleWriter.SIGNATURE, Checks.MANIFEST_SIGNATURE, BundleWriter.TIMELINE, Checks.FILES,
                BundleWriter.REPORT, Checks.FILES);
        for (String name : TestBundles.entries(zip).keySet()) {
            Map<String, byte[]> entries = TestBundles.entries(zip);
            byte[] content = entries.get(name);
            content[content.length / 2] ^= 1;
            Verification verification = verify(TestBundles.zip(entries));
            assertThat(failed(verification)).as(name + "\n" + verification.print()).contains(expected.get(name));
        }
        assertThat(TestBundles.entries(zip)).containsOnlyKeys(expected.keySet());
    }

    @Test
    void aLineThatIsNoLongerJsonIsNamedAndEveryCheckStillRuns() throws IOException {
        TestBundles store = TestBundles.standard();
        store.seal(store.firstAudit(), TestBundles.day(25).plusSeconds(10));
        byte[] zip = store.export("bundle-2", TestBundles.day(21), TestBundles.day(35), TestBundles.day(36), null).zip();
        Map<String, byte[]> entries = TestBundles.entries(zip);
        byte[] events = entries.get(BundleWriter.EVENTS);
        int secondLine = new String(events, StandardCharsets.UTF_8).indexOf('\n') + 1;
        events[secondLine] = 'x';

        Verification verification = verify(TestBundles.zip(entries));

        assertThat(verification.print()).contains(BundleWriter.EVENTS + " line 2").doesNotContain("cannot be read");
    }

    @Test
    void namesTheLineAndEventOfAPayloadChangedEvenWhenTheManifestIsResigned() throws IOException {
        byte[] zip = TestBundles.resign(TestBundles.standard().firstAudit().zip(), TestBundles.KEY, entries -> {
            List<String> lines = TestBundles.lines(entries.get(BundleWriter.EVENTS));
            lines.set(0, lines.get(0).replace("Praktijk", "Praktijq"));
            entries.put(BundleWriter.EVENTS, TestBundles.join(lines));
        });
        Verification verification = verify(zip);
        // The report shows the processor's name: rendered from the changed payload, it differs too.
        assertThat(failed(verification)).containsExactly(Checks.PAYLOAD_HASHES, Checks.REPORT);
        assertThat(verification.check(Checks.PAYLOAD_HASHES).orElseThrow().failures())
                .containsExactly("events.jsonl line 1, event evt-1: SHA-256 of the payload differs from payloadSha256");
    }

    @Test
    void failsTheChainWhenAnEventIsRemoved() throws IOException {
        byte[] zip = TestBundles.resign(TestBundles.standard().firstAudit().zip(), TestBundles.KEY, entries -> {
            List<String> lines = new ArrayList<>(TestBundles.lines(entries.get(BundleWriter.EVENTS)));
            lines.remove(7);
            entries.put(BundleWriter.EVENTS, TestBundles.join(lines));
        });
        Verification verification = verify(zip);
        assertThat(failed(verification)).contains(Checks.CHAIN);
        assertThat(verification.check(Checks.CHAIN).orElseThrow().failures().get(0)).startsWith("events.jsonl line 8, event ");
    }

    @Test
    void failsTheChainWhenTwoEventsAreSwapped() throws IOException {
        byte[] zip = TestBundles.resign(TestBundles.standard().firstAudit().zip(), TestBundles.KEY, entries -> {
            List<String> lines = new ArrayList<>(TestBundles.lines(entries.get(BundleWriter.EVENTS)));
            Collections.swap(lines, 6, 7);
            entries.put(BundleWriter.EVENTS, TestBundles.join(lines));
        });
        assertThat(failed(verify(zip))).contains(Checks.CHAIN);
    }

    @Test
    void failsTheBoundariesWhenAnAccessInsideThePeriodIsHiddenAsAStub() throws IOException {
        byte[] zip = TestBundles.resign(TestBundles.standard().firstAudit().zip(), TestBundles.KEY, entries -> {
            List<String> lines = new ArrayList<>(TestBundles.lines(entries.get(BundleWriter.EVENTS)));
            EventLine line = EventLine.parse(lines.get(7).getBytes(StandardCharsets.UTF_8));
            lines.set(7, new String(EventLine.stub(line.envelope(), line.hash()).toJsonl(), StandardCharsets.UTF_8));
            entries.put(BundleWriter.EVENTS, TestBundles.join(lines));
        });
        Verification verification = verify(zip);
        // The hidden access's row and figures are missing from what events.jsonl now gives.
        assertThat(failed(verification)).containsExactly(Checks.BOUNDARIES, Checks.TIMELINE, Checks.REPORT);
        assertThat(verification.check(Checks.BOUNDARIES).orElseThrow().failures().get(0))
                .contains("line 8").contains("recorded inside the period, yet a stub");
    }

    @Test
    void failsTheManifestSignatureWhenResignedWithAnotherKey() throws IOException {
        byte[] zip = TestBundles.resign(TestBundles.standard().firstAudit().zip(), SigningKey.generate(), entries -> {
        });
        assertThat(failed(verify(zip))).containsExactly(Checks.MANIFEST_SIGNATURE, Checks.AUTHENTICITY);
    }

    @Test
    void failsTheCheckpointAndAuthenticityWhenTheWholeBundleIsResignedWithAnotherKey() throws IOException {
        SigningKey other = SigningKey.generate();
        byte[] zip = TestBundles.resign(TestBundles.standard().firstAudit().zip(), other, entries ->
                entries.put(BundleWriter.PUBLIC_KEY, other.verificationKey().toPem().getBytes(StandardCharsets.US_ASCII)));
        Verification verification = verify(zip);
        assertThat(failed(verification)).contains(Checks.CHECKPOINT, Checks.AUTHENTICITY)
                .doesNotContain(Checks.MANIFEST_SIGNATURE);
        assertThat(failed(verify(zip, Optional.empty(), Optional.empty()))).contains(Checks.CHECKPOINT);
    }

    @Test
    void failsTheInclusionWithACheckpointOfAnotherLog() throws IOException {
        TestBundles other = TestBundles.standard();
        other.access(TestBundles.B, "e-1", TestBundles.day(24), TestBundles.day(24));
        ProofFile foreign = ProofFile.parse(TestBundles.entries(other.firstAudit().zip()).get(BundleWriter.PROOF));
        byte[] zip = TestBundles.resign(TestBundles.standard().firstAudit().zip(), TestBundles.KEY, entries -> {
            ProofFile proof = ProofFile.parse(entries.get(BundleWriter.PROOF));
            entries.put(BundleWriter.PROOF, new ProofFile(foreign.checkpoint(), proof.inclusion(), proof.heads(),
                    proof.previous()).toJson());
        });
        Verification verification = verify(zip);
        assertThat(failed(verification)).contains(Checks.INCLUSION).doesNotContain(Checks.CHECKPOINT);
    }

    @Test
    void failsTheTimelineWhenARowIsEditedAndTheManifestResigned() throws IOException {
        byte[] zip = TestBundles.resign(TestBundles.standard().firstAudit().zip(), TestBundles.KEY, entries ->
                entries.put(BundleWriter.TIMELINE, new String(entries.get(BundleWriter.TIMELINE), StandardCharsets.UTF_8)
                        .replaceFirst(",VIOLATION,2.3,", ",COMPLIANT,,").getBytes(StandardCharsets.UTF_8)));
        Verification verification = verify(zip);
        assertThat(failed(verification)).containsExactly(Checks.TIMELINE);
        assertThat(verification.check(Checks.TIMELINE).orElseThrow().failures().get(0))
                .startsWith("events.jsonl line 8, event ").contains("timeline.csv row 3 differs");
    }

    @Test
    void takesTheSubjectFromTheFileButOnlyAsACellTheWriterCouldHaveMade() throws IOException {
        byte[] renamed = TestBundles.resign(TestBundles.standard().firstAudit().zip(), TestBundles.KEY, entries ->
                entries.put(BundleWriter.TIMELINE, new String(entries.get(BundleWriter.TIMELINE), StandardCharsets.UTF_8)
                        .replaceFirst("Jansen", "de Vries").getBytes(StandardCharsets.UTF_8)));
        assertThat(failed(verify(renamed))).isEmpty();
        byte[] formula = TestBundles.resign(TestBundles.standard().firstAudit().zip(), TestBundles.KEY, entries ->
                entries.put(BundleWriter.TIMELINE, new String(entries.get(BundleWriter.TIMELINE), StandardCharsets.UTF_8)
                        .replaceFirst("\"'=Jansen, \"\"P.\"\" (evt-\\d+)\"", "=HYPERLINK(1)")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(failed(verify(formula))).containsExactly(Checks.TIMELINE);
    }

    @Test
    void failsTheReportWhenAFigureIsEditedAndTheManifestResigned() throws IOException {
        byte[] zip = TestBundles.resign(TestBundles.standard().firstAudit().zip(), TestBundles.KEY, entries ->
                entries.put(BundleWriter.REPORT, new String(entries.get(BundleWriter.REPORT), StandardCharsets.UTF_8)
                        .replaceFirst("2\\.3", "1.3").getBytes(StandardCharsets.UTF_8)));
        assertThat(failed(verify(zip))).containsExactly(Checks.REPORT);
    }

    @Test
    void failsOnlyTheVerdictsWhenAVerdictWasRecordedWrongAndEverythingElseIsSigned() throws IOException {
        TestBundles store = TestBundles.standard();
        // Employee e-9 is in no register: the rules give a violation of Art. 2.3, the store wrote "compliant".
        store.recordAccess(TestBundles.A, new Actor("e-9", ActorKind.EMPLOYEE, null), TestBundles.day(23),
                TestBundles.day(23), Verdict.of(List.of()), true);
        Verification verification = verify(store.export("bundle-1", TestBundles.FROM, TestBundles.day(24),
                TestBundles.day(25), null).zip());
        assertThat(failed(verification)).containsExactly(Checks.VERDICTS);
        assertThat(verification.check(Checks.VERDICTS).orElseThrow().failures().get(0))
                .contains("events.jsonl line").contains("recorded as").contains("2.3");
    }

    @Test
    void recomputesAReassessedVerdictAndHoldsItToItsAccess() throws IOException {
        Actor unregistered = new Actor("e-9", ActorKind.EMPLOYEE, null);
        Verdict notBound = Verdict.of(List.of(
                new Violation("2.3", "the employee was not registered as bound to confidentiality at that moment")));
        nl.evidencestore.shared.rules.AccessFacts facts = new nl.evidencestore.shared.rules.AccessFacts(unregistered,
                nl.evidencestore.shared.model.Purpose.of("REMOTE_SUPPORT"), "ins-1",
                List.of(nl.evidencestore.shared.model.DataCategory.of("SURNAME")),
                nl.evidencestore.shared.model.Country.of("NL"), TestBundles.day(23));
        nl.evidencestore.shared.rules.AccessFacts otherFacts = new nl.evidencestore.shared.rules.AccessFacts(
                unregistered, facts.purpose(), facts.instructionRef(), facts.categories(),
                nl.evidencestore.shared.model.Country.of("US"), facts.occurredAt());

        assertThat(failed(reassessed(unregistered, notBound, facts, notBound, notBound))).isEmpty();
        assertThat(failures(reassessed(unregistered, notBound, facts, notBound, Verdict.of(List.of()))))
                .anySatisfy(failure -> assertThat(failure).contains("reassessed as").contains("2.3"));
        assertThat(failures(reassessed(unregistered, notBound, otherFacts, notBound, notBound)))
                .anySatisfy(failure -> assertThat(failure).contains("cites facts that differ"));
        assertThat(failures(reassessed(unregistered, notBound, facts, Verdict.of(List.of()), notBound)))
                .anySatisfy(failure -> assertThat(failure).contains("but it stood at"));
    }

    @Test
    void recomputesTheVerdictOfAnAccessCitingAnotherAgreementsInstructionFromTheFactItCarries() throws IOException {
        Verdict elsewhere = Verdict.of(List.of(new Violation("1.1", "the cited instruction belongs to another agreement")));
        assertThat(failed(citing(true, elsewhere))).isEmpty();
        assertThat(failures(citing(true, Verdict.of(List.of()))))
                .anySatisfy(failure -> assertThat(failure).contains("recorded as").contains("1.1"));
        // Without the fact the same reference is merely unregistered: a 1.1 verdict would be wrong.
        assertThat(failures(citing(false, elsewhere))).anySatisfy(failure -> assertThat(failure).contains("recorded as"));
    }

    /** A bundle with an access citing ticket-of-b, which agreement A never registered. */
    private Verification citing(boolean ofAnotherAgreement, Verdict verdict) throws IOException {
        TestBundles store = TestBundles.standard();
        store.recordAccessCiting("ticket-of-b", ofAnotherAgreement, TestBundles.day(23), verdict);
        return verify(store.export("bundle-1", TestBundles.FROM, TestBundles.day(24), TestBundles.day(25), null).zip());
    }

    /** A bundle whose one access (recorded as {@code recorded}) is reassessed from {@code previous} to {@code current}. */
    private Verification reassessed(Actor actor, Verdict recorded, nl.evidencestore.shared.rules.AccessFacts facts,
                                    Verdict previous, Verdict current) throws IOException {
        TestBundles store = TestBundles.standard();
        String accessId = store.recordAccess(TestBundles.A, actor, TestBundles.day(23), TestBundles.day(23), recorded,
                true).event().map(event -> ((nl.evidencestore.shared.event.access.AccessRecorded) event).accessId())
                .orElseThrow();
        store.history().append(new nl.evidencestore.shared.event.access.VerdictReassessed(TestBundles.A, accessId,
                facts, previous, current, "cause-1"), TestBundles.day(23).plusSeconds(60));
        return verify(store.export("bundle-1", TestBundles.FROM, TestBundles.day(24), TestBundles.day(25), null).zip());
    }

    private static List<String> failures(Verification verification) {
        assertThat(failed(verification)).containsExactly(Checks.VERDICTS);
        return verification.check(Checks.VERDICTS).orElseThrow().failures();
    }

    @Test
    void verifiesASecondBundleAgainstTheFirstOnesCheckpoint() throws IOException {
        TestBundles store = TestBundles.standard();
        TestBundles.Audit first = store.firstAudit();
        store.access(TestBundles.A, "e-1", TestBundles.day(27), TestBundles.day(27));
        store.access(TestBundles.B, "e-1", TestBundles.day(28), TestBundles.day(28));
        TestBundles.Audit second = store.export("bundle-2", TestBundles.day(21), TestBundles.day(35),
                TestBundles.day(36), first.checkpoint());
        Verification verification = verify(second.zip(), Optional.of(TestBundles.KEY.verificationKey()),
                Optional.of(first.checkpoint().json()));
        assertThat(failed(verification)).as(verification.print()).isEmpty();
        assertThat(verification.status(Checks.APPEND_ONLY)).isEqualTo(Check.Status.PASS);
        assertThat(verification.status(Checks.NO_FORK)).isEqualTo(Check.Status.PASS);
        assertThat(verification.summary()).isEqualTo("VERIFIED with the given public key");
    }

    @Test
    void rejectsARewrittenHistoryAppendedLaterAgainstTheEarlierCheckpoint() throws IOException {
        TestBundles store = TestBundles.standard();
        TestBundles.Audit first = store.firstAudit();
        // The operator drops the access of day 13 (a violation) and writes A's history anew.
        store.history().rewrite(TestBundles.A.value(), line -> !line.envelope().occurredAt().equals(TestBundles.day(13)));
        TestBundles.Audit forged = store.export("bundle-2", TestBundles.day(21), TestBundles.day(35),
                TestBundles.day(36), first.checkpoint());
        Verification verification = verify(forged.zip(), Optional.of(TestBundles.KEY.verificationKey()),
                Optional.of(first.checkpoint().json()));
        assertThat(failed(verification)).as(verification.print()).containsExactly(Checks.NO_FORK);
        assertThat(verification.status(Checks.APPEND_ONLY)).isEqualTo(Check.Status.PASS);
        assertThat(failed(verify(forged.zip()))).isEmpty();
    }

    @Test
    void failsAppendOnlyWhenTheBundleCarriesNoProofFromTheGivenCheckpoint() throws IOException {
        TestBundles store = TestBundles.standard();
        TestBundles.Audit first = store.firstAudit();
        TestBundles.Audit second = store.export("bundle-2", TestBundles.day(21), TestBundles.day(35),
                TestBundles.day(36), null);
        Verification verification = verify(second.zip(), Optional.of(TestBundles.KEY.verificationKey()),
                Optional.of(first.checkpoint().json()));
        assertThat(failed(verification)).containsExactly(Checks.APPEND_ONLY, Checks.NO_FORK);
    }

    @Test
    void aLaterBundleCarriesTheSealOfTheEarlierExportAndItsReportShowsTheRoot() throws IOException {
        TestBundles store = TestBundles.standard();
        TestBundles.Audit first = store.firstAudit();
        store.seal(first, TestBundles.day(25).plusSeconds(10));
        TestBundles.Audit second = store.export("bundle-2", TestBundles.day(21), TestBundles.day(35),
                TestBundles.day(36), null);

        Verification verification = verify(second.zip());

        assertThat(failed(verification)).as(verification.print()).isEmpty();
        assertThat(verification.check(Checks.EXPORT).orElseThrow().detail())
                .contains("1 earlier export(s) sealed with their root hash");
        String rootOfFirst = first.checkpoint().signed().checkpoint().rootHash();
        String report = new String(TestBundles.entries(second.zip()).get(BundleWriter.REPORT), StandardCharsets.UTF_8);
        assertThat(report).contains("<th scope=\"row\">bundle-1</th>").contains(rootOfFirst + " (tree size ")
                .contains("bundle-2 (this bundle)").contains("this bundle&#39;s checkpoint (below)");
    }

    @Test
    void failsTheExportCheckOnASealOfABundleNeverExported() throws IOException {
        TestBundles store = TestBundles.standard();
        TestBundles.Audit first = store.firstAudit();
        TestBundles.Audit stray = new TestBundles.Audit(new BundleScope("bundle-9", TestBundles.A, TestBundles.PRACTICE,
                TestBundles.FROM, TestBundles.TO, TestBundles.day(25), "auditor-1"), first.checkpoint(), first.zip());
        store.seal(stray, TestBundles.day(25).plusSeconds(10));
        TestBundles.Audit second = store.export("bundle-2", TestBundles.day(21), TestBundles.day(35),
                TestBundles.day(36), null);

        Verification verification = verify(second.zip());

        assertThat(failed(verification)).as(verification.print()).containsExactly(Checks.EXPORT);
        assertThat(verification.check(Checks.EXPORT).orElseThrow().failures()).singleElement().asString()
                .contains("a seal of bundle bundle-9 without its EvidenceExported before it");
    }
}
