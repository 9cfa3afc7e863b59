package nl.evidencestore.shared.integrity;

import java.util.List;

/**
 * The leaf hashes of a log by position, so that a persistent store can serve them from its
 * table instead of holding the whole log in memory.
 */
public interface LeafHashes {
    long size();

    /** The leaf hash (already SHA-256(0x00 ‖ data)) at {@code index}, 0 ≤ index < size. */
    byte[] leaf(long index);

    /**
     * The root of the complete subtree of {@code size} leaves (a power of two) from
     * {@code start} (a multiple of it), when the store keeps it; null to compute it from the
     * leaves. Lets a log of millions of leaves serve proofs without reading every leaf.
     */
    default byte[] completeSubtree(long start, long size) {
        return null;
    }

    static LeafHashes of(List<byte[]> hashes) {
        List<byte[]> copy = List.copyOf(hashes);
        return new LeafHashes() {
            @Override
            public long size() {
                return copy.size();
            }

            @Override
            public byte[] leaf(long index) {
                return copy.get(Math.toIntExact(index)).clone();
            }
        };
    }
}
