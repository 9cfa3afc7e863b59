package nl.evidencestore.shared.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of the RFC 9162 §2.1 Merkle tree over a log's leaf hashes.
 *
 * <p>Every proof consists of roots of disjoint subtrees, and each subtree root is computed
 * recursively from its leaves, so a root or a proof costs O(n) hashes and O(log n) stack.
 */
public final class MerkleTree {
    private final LeafHashes leaves;

    public MerkleTree(LeafHashes leaves) {
        this.leaves = leaves;
    }

    public long size() {
        return leaves.size();
    }

    /** MTH(D[0:size]) — the root the log had when it held {@code size} leaves. */
    public byte[] root(long size) {
        requireSize(size);
        return size == 0 ? TreeHash.empty() : subtreeRoot(0, size);
    }

    /** PATH(m, D[n]), RFC 9162 §2.1.3.1, ordered from the leaf up. */
    public List<byte[]> inclusionProof(long index, long size) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** PROOF(m, D[n]), RFC 9162 §2.1.4.1; empty when the sizes are equal. */
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        requireSize(newSize);
        if (oldSize <= 0 || oldSize > newSize) {
            throw new IllegalArgumentException(
                    "no consistency proof from size " + oldSize + " to size " + newSize + "; need 0 < old ≤ new");
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(oldSize, 0, newSize, true, proof);
        return proof;
    }

    // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) for m < k, else PATH(m - k, D[k:n]) : MTH(D[0:k]).
    private void path(long m, long start, long end, List<byte[]> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, path);
            path.add(subtreeRoot(start + k, end));
        } else {
            path(m - k, start + k, end, path);
            path.add(subtreeRoot(start, start + k));
        }
    }

    // SUBPROOF(m, D[n], b): b says whether D[0:m] is the old tree itself, whose root the
    // verifier already has and so need not be sent.
    private void subproof(long m, long start, long end, boolean whole, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(subtreeRoot(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, proof);
            proof.add(subtreeRoot(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(subtreeRoot(start, start + k));
        }
    }

    // MTH(D[start:end]) for a non-empty range, split at the largest power of two below its size.
    private byte[] subtreeRoot(long start, long end) {
        long n = end - start;
        if (n == 1) {
            return leaf(start);
        }
        if (Long.bitCount(n) == 1) {
            byte[] stored = leaves.completeSubtree(start, n);
            if (stored != null) {
                return stored;
            }
        }
        long k = largestPowerOfTwoBelow(n);
        return TreeHash.node(subtreeRoot(start, start + k), subtreeRoot(start + k, end));
    }

    private byte[] leaf(long index) {
        byte[] hash = leaves.leaf(index);
        if (hash == null || hash.length != TreeHash.SIZE) {
            throw new IllegalStateException("leaf " + index + " is not a " + TreeHash.SIZE + "-byte hash");
        }
        return hash;
    }

    private void requireSize(long size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("tree size " + size + " is outside 0.." + leaves.size());
        }
    }

    /** The k of RFC 9162 §2.1.1: the largest power of two smaller than n, for n > 1. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
