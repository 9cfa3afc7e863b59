package nl.evidencestore.shared.integrity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second tree of a checkpoint: one leaf per stream's head, sorted by stream id, so that a
 * bundle proves each stream it carries ends where the log says (docs/evidence-format.md §2).
 */
public final class HeadsTree {
    private final List<StreamHead> heads;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final MerkleTree tree;

    private HeadsTree(List<StreamHead> heads) {
        this.heads = heads;
        for (int i = 0; i < heads.size(); i++) {
            indexOf.put(heads.get(i).streamId(), i);
        }
        this.tree = new MerkleTree(LeafHashes.of(heads.stream().map(StreamHead::leafHash).toList()));
    }

    public static HeadsTree of(Collection<StreamHead> heads) {
        List<StreamHead> sorted = new ArrayList<>(heads);
        sorted.sort(Comparator.comparing(StreamHead::streamId));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).streamId().equals(sorted.get(i - 1).streamId())) {
                throw new IllegalArgumentException("two heads for stream " + sorted.get(i).streamId());
            }
        }
        return new HeadsTree(List.copyOf(sorted));
    }

    /** The streams this tree has a head for, in the tree's order. */
    public List<String> streamIds() {
        return heads.stream().map(StreamHead::streamId).toList();
    }

    public long size() {
        return heads.size();
    }

    public byte[] root() {
        return tree.root(heads.size());
    }

    /** One stream's head with its leaf index and inclusion path in this tree. */
    public record Inclusion(StreamHead head, long leafIndex, List<byte[]> path) {
    }

    public Inclusion inclusion(String streamId) {
        Integer index = indexOf.get(streamId);
        if (index == null) {
            throw new IllegalArgumentException("no head for stream " + streamId);
        }
        return new Inclusion(heads.get(index), index, tree.inclusionProof(index, heads.size()));
    }

    /** A stream's head, without the proof. */
    public StreamHead head(String streamId) {
        Integer index = indexOf.get(streamId);
        if (index == null) {
            throw new IllegalArgumentException("no head for stream " + streamId);
        }
        return heads.get(index);
    }

    /** {@link ProofRejected} unless {@code head} is leaf {@code leafIndex} of a heads tree with this size and root. */
    public static void requireHead(StreamHead head, long leafIndex, long size, List<byte[]> path, byte[] root) {
        MerkleProofs.requireInclusion(head.leafHash(), leafIndex, size, path, root);
    }
}
