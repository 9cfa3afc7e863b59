package nl.evidencestore.shared.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
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

/**
 * An in-memory store for tests: per-stream hash chains, one global RFC 9162 log over every
 * event hash, signed checkpoints, and bundles built from them exactly as the format says.
 */
public final class History {
    private final SigningKey key;
    private final Map<String, List<Logged>> streams = new LinkedHashMap<>();
    private final List<byte[]> leaves = new ArrayList<>();
    private int nextEventId;

    /** A line and its place in the global log. */
    private record Logged(EventLine line, long leafIndex) {
    }

    /** A signed checkpoint and every stream's head at its tree size. */
    public record Snapshot(SignedCheckpoint signed, Map<String, StreamHead> heads) {
        public byte[] json() {
            return Json.write(signed.toJson());
        }
    }

    public History(SigningKey key) {
        this.key = key;
    }

    public EventLine append(EvidenceEvent event, Instant recordedAt) {
        String streamId = event.streamId();
        List<Logged> chain = streams.computeIfAbsent(streamId, id -> new ArrayList<>());
        EventLine previous = chain.isEmpty() ? null : chain.get(chain.size() - 1).line();
        byte[] payload = Json.canonical(event);
        Instant occurredAt = event instanceof AccessRecorded access ? access.occurredAt() : recordedAt;
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.VERSION, "evt-" + (++nextEventId),
                EventTypes.nameOf(event.getClass()), streamId, chain.size(), occurredAt, recordedAt,
                previous == null ? EventHash.GENESIS : previous.hash(), EventHash.payloadSha256(payload));
        EventLine line = new EventLine(envelope, EventHash.of(envelope), payload);
        chain.add(new Logged(line, leaves.size()));
        leaves.add(TreeHash.leaf(EventHash.bytes(line.hash())));
        return line;
    }

    /**
     * Rewrites a stream as an operator with the key could: its history again from sequence 0,
     * keeping only the events {@code keep} accepts, appended to the log as new leaves.
     */
    public void rewrite(String streamId, Predicate<EventLine> keep) {
        List<Logged> old = streams.remove(streamId);
        for (Logged logged : old) {
            if (keep.test(logged.line())) {
                append(logged.line().event().orElseThrow(), logged.line().envelope().recordedAt());
            }
        }
    }

    public Snapshot checkpoint(Instant time) {
        Map<String, StreamHead> heads = new LinkedHashMap<>();
        streams.forEach((id, chain) -> {
            EventLine head = chain.get(chain.size() - 1).line();
            heads.put(id, new StreamHead(id, head.envelope().sequence(), head.hash()));
        });
        HeadsTree tree = HeadsTree.of(heads.values());
        Checkpoint checkpoint = new Checkpoint(Checkpoint.DEFAULT_ORIGIN, leaves.size(), hex(log().root(leaves.size())),
                tree.size(), hex(tree.root()), time);
        return new Snapshot(SignedCheckpoint.sign(checkpoint, key), heads);
    }

    /** The lines of a bundle of {@code scope} at {@code at}: the agreement's chain, then the streams carried whole. */
    public List<EventLine> lines(BundleScope scope, Snapshot at) {
        List<EventLine> lines = new ArrayList<>();
        chain(scope.agreementId().value(), at).forEach(line -> lines.add(
                isAccess(line) && !scope.covers(line.envelope().recordedAt())
                        ? EventLine.stub(line.envelope(), line.hash()) : line));
        streams.keySet().stream().filter(WholeStreams::carriedWhole).sorted()
                .forEach(id -> lines.addAll(chain(id, at)));
        return lines;
    }

    public ProofFile proof(BundleScope scope, Snapshot at, Optional<Snapshot> previous, List<EventLine> lines) {
        long size = at.signed().checkpoint().treeSize();
        String agreement = scope.agreementId().value();
        Logged head = logged(agreement, at).get(logged(agreement, at).size() - 1);
        ProofFile.Inclusion inclusion = new ProofFile.Inclusion(head.line().envelope().eventId(), head.line().hash(),
                head.leafIndex(), size, ProofFile.hex(log().inclusionProof(head.leafIndex(), size)));
        HeadsTree heads = HeadsTree.of(at.heads().values());
        List<ProofFile.Head> carried = lines.stream().map(line -> line.envelope().streamId()).distinct()
                .map(id -> ProofFile.Head.of(heads.inclusion(id))).toList();
        ProofFile.Previous before = previous.map(p -> new ProofFile.Previous(p.signed().toJson(),
                ProofFile.hex(log().consistencyProof(p.signed().checkpoint().treeSize(), size)),
                ProofFile.Head.of(HeadsTree.of(p.heads().values()).inclusion(agreement)))).orElse(null);
        return new ProofFile(at.signed().toJson(), inclusion, carried, before);
    }

    /** The bundle ZIP's bytes, written by {@link BundleWriter}. */
    public byte[] bundle(BundleScope scope, Snapshot at, Optional<Snapshot> previous) {
        List<EventLine> lines = lines(scope, at);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BundleWriter writer = new BundleWriter(out, scope, key)) {
            writer.writeEvents(lines);
            writer.writeProof(proof(scope, at, previous, lines));
            writer.writeFile(BundleWriter.TIMELINE, csv -> {
                csv.write(TimelineCsv.header());
                for (EventLine line : lines) {
                    TimelineCsv.row(line, scope, subjectCell(line)).ifPresent(row -> write(csv, row));
                }
            });
            ReportFigures figures = new ReportFigures(scope);
            lines.forEach(figures::accept);
            writer.writeFile(BundleWriter.REPORT, ReportHtml.render(figures, scope, at.signed().checkpoint().treeSize(),
                    at.signed().checkpoint().rootHash()));
            writer.finish();
        }
        return out.toByteArray();
    }

    /** What the store would decrypt: quotes, a comma and a leading "=" test the CSV's escaping. */
    static String subjectCell(EventLine line) {
        return "=Jansen, \"P.\" " + line.envelope().eventId();
    }

    private static void write(OutputStream out, byte[] row) {
        try {
            out.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<EventLine> chain(String streamId) {
        return streams.get(streamId).stream().map(Logged::line).toList();
    }

    private List<EventLine> chain(String streamId, Snapshot at) {
        return logged(streamId, at).stream().map(Logged::line).toList();
    }

    private List<Logged> logged(String streamId, Snapshot at) {
        long size = at.signed().checkpoint().treeSize();
        return streams.getOrDefault(streamId, List.of()).stream().filter(l -> l.leafIndex() < size)
                .sorted(Comparator.comparingLong(l -> l.line().envelope().sequence())).toList();
    }

    private static boolean isAccess(EventLine line) {
        return line.envelope().type().equals(EventTypes.nameOf(AccessRecorded.class));
    }

    private MerkleTree log() {
        return new MerkleTree(LeafHashes.of(leaves));
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
