package nl.evidencestore.shared.integrity;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verification of inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2
 * describe it. It needs nothing but the proof, so the offline verifier trusts no store.
 *
 * <p>{@code verify…} answers yes or no; {@code require…} throws {@link ProofRejected} naming the
 * failed check, for a verifier that must say what failed.
 */
public final class MerkleProofs {
    private MerkleProofs() {
    }

    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
        try {
            requireInclusion(leafHash, index, treeSize, proof, root);
            return true;
        } catch (ProofRejected e) {
            return false;
        }
    }

    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
                                            List<byte[]> proof) {
        try {
            requireConsistency(oldSize, newSize, oldRoot, newRoot, proof);
            return true;
        } catch (ProofRejected e) {
            return false;
        }
    }

    public static void requireInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
        requireHash("leaf hash", leafHash);
        requireHash("root", root);
        requireHashes(proof);
        if (index < 0 || index >= treeSize) {
            throw new ProofRejected("leaf index " + index + " is outside a tree of size " + treeSize);
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            // A path longer than the tree is high must not be absorbed silently.
            if (sn == 0) {
                throw new ProofRejected("inclusion proof has more hashes than a tree of size " + treeSize + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHash.node(p, r);
                // Skip the levels where this node has no right sibling (the tree's right edge).
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = TreeHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofRejected("inclusion proof has too few hashes (" + proof.size() + ") for leaf "
                    + index + " of " + treeSize);
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new ProofRejected("inclusion proof of leaf " + index + " does not lead to the root of tree size "
                    + treeSize);
        }
    }

    public static void requireConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
                                          List<byte[]> proof) {
        requireHash("old root", oldRoot);
        requireHash("new root", newRoot);
        requireHashes(proof);
        // RFC 9162 §2.1.4.2 starts from 0 < first < second; an empty tree is consistent with
        // anything, so a "proof" from it proves nothing and is refused rather than passed.
        if (oldSize <= 0 || newSize < oldSize) {
            throw new ProofRejected("no consistency between tree sizes " + oldSize + " and " + newSize);
        }
        if (oldSize == newSize) {
            if (!proof.isEmpty()) {
                throw new ProofRejected("equal tree sizes take an empty consistency proof");
            }
            if (!MessageDigest.isEqual(oldRoot, newRoot)) {
                throw new ProofRejected("two different roots for the same tree size " + oldSize);
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofRejected("empty consistency proof from size " + oldSize + " to " + newSize);
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        // When the old tree is a complete subtree its root is a node of the new tree, and the
        // proof leaves it out because the verifier has it.
        if (Long.bitCount(oldSize) == 1) {
            path.add(oldRoot);
        }
        path.addAll(proof);
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofRejected("consistency proof has more hashes than it needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.node(c, fr);
                sr = TreeHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = TreeHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofRejected("consistency proof has too few hashes (" + proof.size() + ") from size "
                    + oldSize + " to " + newSize);
        }
        if (!MessageDigest.isEqual(fr, oldRoot)) {
            throw new ProofRejected("consistency proof does not lead to the old root of size " + oldSize);
        }
        if (!MessageDigest.isEqual(sr, newRoot)) {
            throw new ProofRejected("consistency proof does not lead to the new root of size " + newSize);
        }
    }

    private static void requireHashes(List<byte[]> proof) {
        if (proof == null) {
            throw new ProofRejected("proof is missing");
        }
        for (int i = 0; i < proof.size(); i++) {
            requireHash("proof hash " + i, proof.get(i));
        }
    }

    private static void requireHash(String what, byte[] hash) {
        if (hash == null || hash.length != TreeHash.SIZE) {
            throw new ProofRejected(what + " is not a " + TreeHash.SIZE + "-byte SHA-256 hash");
        }
    }
}
