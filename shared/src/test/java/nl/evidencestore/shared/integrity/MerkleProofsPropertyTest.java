package nl.evidencestore.shared.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random trees, every generated proof verifies and a tampered one does not; roots agree
 * with an independent stack-based computation. The seed is fixed so that a failure repeats.
 */
class MerkleProofsPropertyTest {
    private static final int MAX_SIZE = 300;
    private final Random random = new Random(9162);
    private final List<byte[]> leaves = randomLeaves(MAX_SIZE);
    private final MerkleTree tree = new MerkleTree(LeafHashes.of(leaves));

    @Test
    void rootsAgreeWithAFoldOfPerfectSubtrees() {
        for (int size = 1; size <= MAX_SIZE; size++) {
            assertThat(tree.root(size)).as("root of size %d", size).isEqualTo(foldedRoot(leaves.subList(0, size)));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndATamperedOneDoesNot() {
        for (int size : sizes()) {
            byte[] root = tree.root(size);
            for (int index : indexes(size)) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                byte[] leaf = leaves.get(index);
                String what = "leaf " + index + " of " + size;

                assertThat(MerkleProofs.verifyInclusion(leaf, index, size, proof, root)).as(what).isTrue();
                if (proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyInclusion(flip(leaf), index, size, proof, root)).as(what).isFalse();
                } else {
                    assertThat(MerkleProofs.verifyInclusion(leaf, index, size, tamper(proof), root)).as(what).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(leaf, index, size, proof.subList(1, proof.size()), root))
                            .as(what + ", truncated").isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndATamperedOneDoesNot() {
        for (int newSize : sizes()) {
            byte[] newRoot = tree.root(newSize);
            for (int index : indexes(newSize)) {
                int oldSize = index + 1;
                List<byte[]> proof = tree.consistencyProof(oldSize, newSize);
                byte[] oldRoot = tree.root(oldSize);
                String what = oldSize + " to " + newSize;

                assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof)).as(what).isTrue();
                if (proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, flip(newRoot), proof))
                            .as(what).isFalse();
                } else {
                    assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, tamper(proof)))
                            .as(what).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot,
                            proof.subList(0, proof.size() - 1))).as(what + ", truncated").isFalse();
                }
            }
        }
    }

    // All small sizes, where the edge cases are, and a random sample of the larger ones.
    private List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>();
        for (int size = 1; size <= 40; size++) {
            sizes.add(size);
        }
        for (int i = 0; i < 30; i++) {
            sizes.add(41 + random.nextInt(MAX_SIZE - 40));
        }
        sizes.add(256);
        sizes.add(MAX_SIZE);
        return sizes;
    }

    // Every index of a small tree; the two ends and a sample of a large one.
    private List<Integer> indexes(int size) {
        List<Integer> indexes = new ArrayList<>();
        if (size <= 40) {
            for (int i = 0; i < size; i++) {
                indexes.add(i);
            }
            return indexes;
        }
        indexes.add(0);
        indexes.add(size - 1);
        for (int i = 0; i < 12; i++) {
            indexes.add(random.nextInt(size));
        }
        return indexes;
    }

    private List<byte[]> tamper(List<byte[]> proof) {
        List<byte[]> copy = new ArrayList<>(proof);
        int at = random.nextInt(copy.size());
        copy.set(at, CtVectors.flipBit(copy.get(at), random.nextInt(TreeHash.SIZE * 8)));
        return copy;
    }

    private byte[] flip(byte[] hash) {
        return CtVectors.flipBit(hash, random.nextInt(TreeHash.SIZE * 8));
    }

    private List<byte[]> randomLeaves(int count) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            hashes.add(TreeHash.leaf(data));
        }
        return hashes;
    }

    // A different route to MTH: merge perfect subtrees as leaves arrive, then fold the
    // remaining ones from the right, as an append-only log keeps its compact range.
    private static byte[] foldedRoot(List<byte[]> leafHashes) {
        List<byte[]> hashes = new ArrayList<>();
        List<Integer> heights = new ArrayList<>();
        for (byte[] leaf : leafHashes) {
            byte[] hash = leaf;
            int height = 0;
            while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
                hash = TreeHash.node(hashes.remove(hashes.size() - 1), hash);
                heights.remove(heights.size() - 1);
                height++;
            }
            hashes.add(hash);
            heights.add(height);
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = TreeHash.node(hashes.get(i), root);
        }
        return root;
    }
}
