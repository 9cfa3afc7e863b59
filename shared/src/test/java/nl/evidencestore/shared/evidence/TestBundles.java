package nl.evidencestore.shared.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.EvidenceBundleSealed;
import nl.evidencestore.shared.event.agreement.EvidenceExported;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.event.employee.EmployeeEvent;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.integrity.SigningKey;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.rules.AccessFacts;
import nl.evidencestore.shared.rules.AccessRules;
import nl.evidencestore.shared.rules.RegisteredEmployees;
import nl.evidencestore.shared.terms.AgreementTerms;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * Small synthetic histories and their bundles, for the writer's and the verifier's tests:
 * agreement A with accesses before, inside and after a ten-day period, a second agreement B
 * interleaved in the log, two employees, and A's export at the end.
 */
public final class TestBundles {
    public static final SigningKey KEY = SigningKey.generate();
    public static final AgreementId A = AgreementId.of("agr-a");
    public static final AgreementId B = AgreementId.of("agr-b");
    public static final ControllerId PRACTICE = ControllerId.of("practice-1");
    public static final Instant FROM = Instant.parse("2026-03-10T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-03-20T00:00:00Z");
    private static final Purpose SUPPORT = Purpose.of("REMOTE_SUPPORT");
    private static final DataCategory SURNAME = DataCategory.of("SURNAME");

    private final History history;
    private final AgreementTerms termsOfA = new AgreementTerms();
    private final RegisteredEmployees register = new RegisteredEmployees();
    private int accesses;

    private TestBundles(SigningKey key) {
        this.history = new History(key);
    }

    public History history() {
        return history;
    }

    /** The first audit's bundle: A's history up to its export of [FROM, TO], and its checkpoint. */
    public record Audit(BundleScope scope, History.Snapshot checkpoint, byte[] zip) {
    }

    /** The standard history, signed with {@link #KEY}, up to and including the first export. */
    public static TestBundles standard() {
        return standard(KEY);
    }

    public static TestBundles standard(SigningKey key) {
        TestBundles t = new TestBundles(key);
        t.agreement(A, day(1));
        t.agreement(B, day(1).plusSeconds(60));
        t.employee("e-1", LocalDate.of(2026, 3, 1), day(1).plusSeconds(120));
        t.access(A, "e-1", day(5), day(5));
        t.access(B, "e-1", day(11), day(11));
        t.access(A, "e-1", day(12), day(12));
        // Not registered yet: a verdict of Art. 2.3, recorded as such.
        t.access(A, "e-2", day(13), day(13));
        t.employee("e-2", LocalDate.of(2026, 3, 14), day(14));
        t.access(A, "e-2", day(15), day(15));
        // Occurred inside the period, reported after it: a late arrival.
        t.access(A, "e-1", day(18), day(22));
        return t;
    }

    /** A's export of {@code [from, to]} as {@code bundleId}, checkpointed just after. */
    public Audit export(String bundleId, Instant from, Instant to, Instant at, History.Snapshot previous) {
        BundleScope scope = new BundleScope(bundleId, A, PRACTICE, from, to, at, "auditor-1");
        history.append(new EvidenceExported(A, bundleId, from, to, "auditor-1",
                previous == null ? null : previous.signed().checkpoint().rootHash()), at);
        History.Snapshot checkpoint = history.checkpoint(at.plusSeconds(5));
        return new Audit(scope, checkpoint, history.bundle(scope, checkpoint, java.util.Optional.ofNullable(previous)));
    }

    /** The seal that follows an export once its checkpoint is chosen (Art. 9): the root it was exported with. */
    public EventLine seal(Audit audit, Instant at) {
        var checkpoint = audit.checkpoint().signed().checkpoint();
        return history.append(new EvidenceBundleSealed(A, audit.scope().bundleId(), checkpoint.treeSize(),
                checkpoint.rootHash(), checkpoint.time()), at);
    }

    public Audit firstAudit() {
        return export("bundle-1", FROM, TO, day(25), null);
    }

    public static Instant day(int day) {
        return Instant.parse("2026-03-01T10:00:00Z").plusSeconds((day - 1) * 86_400L);
    }

    private void agreement(AgreementId id, Instant at) {
        apply(id, new AgreementDrafted(id, new ControllerParty(PRACTICE, "Praktijk", "Straat 1", "J. Jansen"),
                new ProcessorParty("Citodent Imaging B.V.", "Amstel 312", "P. Reijers"), "0".repeat(64), "1",
                List.of(SURNAME), List.of(SUPPORT), List.of(), false), at);
        apply(id, new AgreementSigned(id, Party.CONTROLLER, "J. Jansen", "Utrecht", LocalDate.of(2026, 3, 1), "0".repeat(64)), at);
        apply(id, new AgreementSigned(id, Party.PROCESSOR, "P. Reijers", "Amsterdam", LocalDate.of(2026, 3, 1), "0".repeat(64)), at);
        apply(id, new AgreementTookEffect(id, LocalDate.of(2026, 3, 1)), at);
        apply(id, new InstructionRegistered(id, "ins-1", "TICKET", LocalDate.of(2026, 3, 1), null, List.of(SUPPORT),
                List.of(SURNAME)), at);
    }

    private void apply(AgreementId id, nl.evidencestore.shared.event.agreement.AgreementEvent event, Instant at) {
        if (id.equals(A)) {
            termsOfA.apply(event);
        }
        history.append(event, at);
    }

    private void employee(String id, LocalDate signedOn, Instant at) {
        EmployeeEvent event = new EmployeeRegistered(EmployeeId.of(id), "Employee " + id, signedOn);
        register.apply(event);
        history.append(event, at);
    }

    /** An access judged as the command side judges it, unless a verdict is forced. */
    public EventLine access(AgreementId agreement, String employee, Instant occurredAt, Instant recordedAt) {
        Actor actor = new Actor(employee, ActorKind.EMPLOYEE, null);
        AccessRules.Judgement judgement = AccessRules.judge(new AccessFacts(actor, SUPPORT, "ins-1", List.of(SURNAME),
                Country.of("NL"), occurredAt), termsOfA, register);
        return recordAccess(agreement, actor, occurredAt, recordedAt, judgement.verdict(), judgement.instructionVerified());
    }

    /** An access recorded with the verdict given, right or wrong. */
    public EventLine recordAccess(AgreementId agreement, Actor actor, Instant occurredAt, Instant recordedAt,
                                  Verdict verdict, boolean instructionVerified) {
        return history.append(new AccessRecorded(agreement, "acc-" + (++accesses), actor, SUPPORT, "ins-1",
                List.of(SURNAME), new SealedSubject("key-subject-1", "c3ViamVjdC1jaXBoZXJ0ZXh0"), Country.of("NL"), "pacs", occurredAt, verdict,
                instructionVerified, false, "eea-adequacy-2025-06"), recordedAt);
    }

    /**
     * An access by registered employee e-1 citing {@code instructionRef}, recorded with the
     * store's finding whether only another agreement registered it, and with the verdict given.
     */
    public EventLine recordAccessCiting(String instructionRef, boolean ofAnotherAgreement, Instant at, Verdict verdict) {
        return history.append(new AccessRecorded(A, "acc-" + (++accesses), new Actor("e-1", ActorKind.EMPLOYEE, null),
                SUPPORT, instructionRef, List.of(SURNAME), new SealedSubject("key-subject-1", "c3ViamVjdC1jaXBoZXJ0ZXh0"),
                Country.of("NL"), "pacs", at, verdict, false, false, "eea-adequacy-2025-06", ofAnotherAgreement), at);
    }

    /** The entries of a ZIP, in order. */
    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A ZIP of exactly these entries, as a tamperer would write it. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The bundle with its entries changed and then made consistent again as an operator holding
     * {@code key} could: the manifest's file list recomputed and re-signed.
     */
    public static byte[] resign(byte[] zip, SigningKey key, Consumer<Map<String, byte[]>> change) {
        Map<String, byte[]> entries = entries(zip);
        change.accept(entries);
        Manifest old = Manifest.parse(entries.get(BundleWriter.MANIFEST));
        List<Manifest.FileEntry> files = new ArrayList<>();
        entries.forEach((name, bytes) -> {
            if (!name.equals(BundleWriter.MANIFEST) && !name.equals(BundleWriter.SIGNATURE)) {
                files.add(new Manifest.FileEntry(name, Json.sha256Hex(bytes), bytes.length));
            }
        });
        ProofFile proof = ProofFile.parse(entries.get(BundleWriter.PROOF));
        Manifest manifest = new Manifest(old.format(), old.bundleId(), old.createdAt(), old.createdBy(), old.scope(),
                old.counts(), new Manifest.CheckpointRef(proof.checkpoint().treeSize(), proof.checkpoint().rootHash()), files);
        byte[] json = manifest.toJson();
        entries.put(BundleWriter.MANIFEST, json);
        entries.put(BundleWriter.SIGNATURE,
                (Base64.getEncoder().encodeToString(key.sign(json)) + "\n").getBytes(StandardCharsets.US_ASCII));
        return zip(entries);
    }

    /** events.jsonl's lines, each with its newline. */
    public static List<String> lines(byte[] events) {
        String text = new String(events, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            lines.add(text.substring(start, i + 1));
            start = i + 1;
        }
        return lines;
    }

    public static byte[] join(List<String> lines) {
        return String.join("", lines).getBytes(StandardCharsets.UTF_8);
    }
}
