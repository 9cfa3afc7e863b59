package nl.evidencestore.shared.evidence;

import java.util.HexFormat;
import java.util.List;
import nl.evidencestore.shared.integrity.HeadsTree;
import nl.evidencestore.shared.integrity.SignedCheckpoint;
import nl.evidencestore.shared.integrity.StreamHead;
import nl.evidencestore.shared.json.Json;

/**
 * {@code proof.json}: the signed checkpoint, the agreement's head event proven in its log, every
 * carried stream's head proven in its heads tree, and optionally the proof from an earlier
 * checkpoint (docs/evidence-format.md §3). Hashes are lower-case hex.
 */
public record ProofFile(SignedCheckpoint.Form checkpoint, Inclusion inclusion, List<Head> heads, Previous previous) {
    public ProofFile {
        heads = heads == null ? null : List.copyOf(heads);
    }

    /** The agreement's head event as leaf {@code leafIndex} of the log at {@code treeSize}. */
    public record Inclusion(String eventId, String hash, long leafIndex, long treeSize, List<String> path) {
    }

    /** A stream's head as leaf {@code leafIndex} of a checkpoint's heads tree. */
    public record Head(String streamId, long sequence, String hash, long leafIndex, List<String> path) {
        public static Head of(HeadsTree.Inclusion inclusion) {
            StreamHead head = inclusion.head();
            return new Head(head.streamId(), head.sequence(), head.hash(), inclusion.leafIndex(), hex(inclusion.path()));
        }

        public StreamHead streamHead() {
            return new StreamHead(streamId, sequence, hash);
        }
    }

    /** The earlier checkpoint, the consistency proof from it to this one, and the agreement's head then. */
    public record Previous(SignedCheckpoint.Form checkpoint, List<String> consistency, Head head) {
    }

    public byte[] toJson() {
        return Json.canonical(this);
    }

    public static ProofFile parse(byte[] json) {
        try {
            return Json.read(json, ProofFile.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("proof.json is not a proof: " + e.getMessage());
        }
    }

    public static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }

    /** Hex hashes back to bytes; {@link IllegalArgumentException} for anything but hex. */
    public static List<byte[]> bytes(List<String> hashes) {
        if (hashes == null) {
            throw new IllegalArgumentException("a proof path is missing");
        }
        return hashes.stream().map(HexFormat.of()::parseHex).toList();
    }
}
