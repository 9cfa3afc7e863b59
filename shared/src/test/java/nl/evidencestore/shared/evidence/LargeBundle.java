package nl.evidencestore.shared.evidence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.EvidenceExported;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.evidence.report.ReportFigures;
import nl.evidencestore.shared.evidence.report.ReportHtml;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.integrity.Checkpoint;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.integrity.HeadsTree;
import nl.evidencestore.shared.integrity.LeafHashes;
import nl.evidencestore.shared.integrity.MerkleTree;
import nl.evidencestore.shared.integrity.SignedCheckpoint;
import nl.evidencestore.shared.integrity.SigningKey;
import nl.evidencestore.shared.integrity.StreamHead;
import nl.evidencestore.shared.integrity.TreeHash;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;

/**
 * A bundle of one agreement with {@code accesses} accesses in the period, written as a stream:
 * lines are made as the writer asks for them and only the log's 32-byte leaves are kept, so its
 * size is not bounded by the heap. For the scale tests (W6, a million events in a small heap).
 */
public final class LargeBundle {
    private static final Purpose SUPPORT = Purpose.of("REMOTE_SUPPORT");
    private static final DataCategory SURNAME = DataCategory.of("SURNAME");
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final BundleScope scope;
    private final int accesses;
    private final Leaves leaves;
    private EventLine agreementHead;
    private EventLine employeeHead;

    private LargeBundle(int accesses) {
        this.accesses = accesses;
        this.leaves = new Leaves(accesses + 8);
        Instant to = START.plusSeconds(accesses + 100L);
        this.scope = new BundleScope("bundle-large", TestBundles.A, TestBundles.PRACTICE, START, to, to.plusSeconds(60),
                "auditor-1");
    }

    /** Writes the bundle to {@code file}; the number of event lines. */
    public static long write(Path file, int accesses, SigningKey key) throws IOException {
        LargeBundle bundle = new LargeBundle(accesses);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             BundleWriter writer = new BundleWriter(out, bundle.scope, key)) {
            writer.writeEvents(bundle::lines);
            SignedCheckpoint checkpoint = bundle.checkpoint(key);
            writer.writeProof(bundle.proof(checkpoint));
            writer.writeFile(BundleWriter.TIMELINE, csv -> {
                csv.write(TimelineCsv.header());
                Iterator<EventLine> lines = bundle.replay();
                while (lines.hasNext()) {
                    Optional<byte[]> row = TimelineCsv.row(lines.next(), bundle.scope, "[erased]");
                    if (row.isPresent()) {
                        csv.write(row.get());
                    }
                }
            });
            ReportFigures figures = new ReportFigures(bundle.scope);
            bundle.replay().forEachRemaining(figures::accept);
            writer.writeFile(BundleWriter.REPORT, ReportHtml.render(figures, bundle.scope,
                    checkpoint.checkpoint().treeSize(), checkpoint.checkpoint().rootHash()));
            writer.finish();
        }
        return accesses + 6L;
    }

    /** The lines again, for the derived files: made anew, never kept. */
    private Iterator<EventLine> replay() {
        return new LargeBundle(accesses).lines();
    }

    private Iterator<EventLine> lines() {
        return new Iterator<>() {
            private int index;
            private EventLine previous;
            private final int total = accesses + 6;

            @Override
            public boolean hasNext() {
                return index < total;
            }

            @Override
            public EventLine next() {
                int i = index++;
                if (i == accesses + 5) {
                    EventLine line = line(new EmployeeRegistered(EmployeeId.of("e-1"), "Employee e-1",
                            LocalDate.of(2026, 3, 1)), START, null);
                    employeeHead = line;
                    return line;
                }
                previous = line(event(i), recordedAt(i), previous);
                agreementHead = previous;
                return previous;
            }
        };
    }

    private Instant recordedAt(int i) {
        return i < 3 ? START : i < accesses + 3 ? START.plusSeconds(i) : scope.createdAt().minusSeconds(1);
    }

    private EvidenceEvent event(int i) {
        if (i == 0) {
            return new AgreementDrafted(TestBundles.A, new ControllerParty(TestBundles.PRACTICE, "Praktijk", "Straat 1",
                    "J. Jansen"), new ProcessorParty("Citodent Imaging B.V.", "Amstel 312", "P. Reijers"), "0".repeat(64),
                    "1", List.of(SURNAME), List.of(SUPPORT), List.of(), false);
        } else if (i == 1) {
            return new AgreementTookEffect(TestBundles.A, LocalDate.of(2026, 2, 1));
        } else if (i == 2) {
            return new InstructionRegistered(TestBundles.A, "ins-1", "TICKET", LocalDate.of(2026, 2, 1), null,
                    List.of(SUPPORT), List.of(SURNAME));
        } else if (i < accesses + 3) {
            return new AccessRecorded(TestBundles.A, "acc-" + i, new Actor("e-1", ActorKind.EMPLOYEE, null), SUPPORT,
                    "ins-1", List.of(SURNAME), new nl.evidencestore.shared.subject.SealedSubject("key-" + (i % 5000), "c1phertextOfTheSubjectReference" + i), Country.of("NL"), "pacs",
                    START.plusSeconds(i), Verdict.of(List.of()), true, false, "eea-adequacy-2025-06");
        } else if (i == accesses + 3) {
            return new AgreementTookEffect(TestBundles.A, LocalDate.of(2026, 2, 1));
        }
        return new EvidenceExported(TestBundles.A, scope.bundleId(), scope.from(), scope.to(), "auditor-1", null);
    }

    private EventLine line(EvidenceEvent event, Instant recordedAt, EventLine previous) {
        byte[] payload = Json.canonical(event);
        Instant occurredAt = event instanceof AccessRecorded access ? access.occurredAt() : recordedAt;
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.VERSION, "evt-" + leaves.size(),
                EventTypes.nameOf(event.getClass()), event.streamId(), previous == null ? 0 : previous.envelope().sequence() + 1,
                occurredAt, recordedAt, previous == null ? EventHash.GENESIS : previous.hash(), EventHash.payloadSha256(payload));
        EventLine line = new EventLine(envelope, EventHash.of(envelope), payload);
        leaves.add(TreeHash.leaf(EventHash.bytes(line.hash())));
        return line;
    }

    private SignedCheckpoint checkpoint(SigningKey key) {
        HeadsTree heads = heads();
        MerkleTree log = new MerkleTree(leaves);
        return SignedCheckpoint.sign(new Checkpoint(Checkpoint.DEFAULT_ORIGIN, leaves.size(),
                HexFormat.of().formatHex(log.root(leaves.size())), heads.size(), HexFormat.of().formatHex(heads.root()),
                scope.createdAt().plusSeconds(1)), key);
    }

    private HeadsTree heads() {
        return HeadsTree.of(List.of(
                new StreamHead(agreementHead.envelope().streamId(), agreementHead.envelope().sequence(), agreementHead.hash()),
                new StreamHead(employeeHead.envelope().streamId(), 0, employeeHead.hash())));
    }

    private ProofFile proof(SignedCheckpoint checkpoint) {
        long size = leaves.size();
        long index = size - 2;
        HeadsTree heads = heads();
        return new ProofFile(checkpoint.toJson(), new ProofFile.Inclusion(agreementHead.envelope().eventId(),
                agreementHead.hash(), index, size, ProofFile.hex(new MerkleTree(leaves).inclusionProof(index, size))),
                List.of(ProofFile.Head.of(heads.inclusion(TestBundles.A.value())),
                        ProofFile.Head.of(heads.inclusion("employee/e-1"))), null);
    }

    /** Leaf hashes in one array: 32 bytes a leaf, no object per leaf. */
    private static final class Leaves implements LeafHashes {
        private final byte[] hashes;
        private int size;

        Leaves(int capacity) {
            hashes = new byte[capacity * TreeHash.SIZE];
        }

        void add(byte[] hash) {
            System.arraycopy(hash, 0, hashes, size * TreeHash.SIZE, TreeHash.SIZE);
            size++;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public byte[] leaf(long index) {
            byte[] leaf = new byte[TreeHash.SIZE];
            System.arraycopy(hashes, Math.toIntExact(index) * TreeHash.SIZE, leaf, 0, TreeHash.SIZE);
            return leaf;
        }
    }

    /** {@code LargeBundle <file> <accesses>}: writes a bundle with the test key, for benchmarks. */
    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        long lines = write(Path.of(args[0]), Integer.parseInt(args[1]), TestBundles.KEY);
        System.out.printf("%d lines written in %.1f s%n", lines, (System.nanoTime() - started) / 1e9);
    }
}
