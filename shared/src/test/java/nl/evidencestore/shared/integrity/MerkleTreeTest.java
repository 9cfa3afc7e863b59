package nl.evidencestore.shared.integrity;

import static nl.evidencestore.shared.integrity.CtVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Roots and proofs of the Certificate Transparency test tree, against the published hashes. */
class MerkleTreeTest {
    private final MerkleTree tree = CtVectors.tree();

    @Test
    void hashesLeavesAndNodesWithTheirRfcPrefixes() {
        // rfc6962_test.go: the empty root, an empty leaf, "L123456" and node("N123", "N456").
        assertThat(hex(TreeHash.empty())).isEqualTo(CtVectors.EMPTY_ROOT);
        assertThat(hex(TreeHash.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(hex(TreeHash.leaf("L123456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(hex(TreeHash.node("N123".getBytes(StandardCharsets.US_ASCII),
                "N456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void hashesTheTestLeavesAsPublished() {
        assertThat(hex(CtVectors.leafHash(1))).isEqualTo(CtVectors.LEAF_1);
        assertThat(hex(CtVectors.leafHash(2))).isEqualTo(CtVectors.LEAF_2);
        assertThat(hex(CtVectors.leafHash(5))).isEqualTo(CtVectors.LEAF_5);
    }

    @Test
    void computesThePublishedRootOfEverySizeFromOneToEight() {
        for (int size = 1; size <= 8; size++) {
            assertThat(hex(tree.root(size))).as("root of size %d", size).isEqualTo(CtVectors.ROOTS.get(size - 1));
        }
        assertThat(hex(tree.root(0))).isEqualTo(CtVectors.EMPTY_ROOT);
    }

    @Test
    void generatesThePublishedInclusionProofs() {
        for (CtVectors.Inclusion vector : CtVectors.INCLUSIONS) {
            assertThat(CtVectors.hex(tree.inclusionProof(vector.index(), vector.size())))
                    .as("leaf %d of %d", vector.index(), vector.size())
                    .isEqualTo(vector.proof());
        }
    }

    @Test
    void provesTheLastLeavesOfAnUnbalancedTreeAlongItsRightEdge() {
        // proof_test.go's tree of 7: leaf 6 needs i = MTH(D[4:6]) and k = MTH(D[0:4]);
        // leaf 4 needs f (leaf 5), j (leaf 6) and k.
        byte[] i = TreeHash.node(CtVectors.leafHash(4), CtVectors.leafHash(5));
        assertThat(CtVectors.hex(tree.inclusionProof(6, 7))).containsExactly(hex(i), CtVectors.ROOTS.get(3));
        assertThat(CtVectors.hex(tree.inclusionProof(4, 7)))
                .containsExactly(CtVectors.LEAF_5, hex(CtVectors.leafHash(6)), CtVectors.ROOTS.get(3));
    }

    @Test
    void generatesThePublishedConsistencyProofs() {
        for (CtVectors.Consistency vector : CtVectors.CONSISTENCIES) {
            assertThat(CtVectors.hex(tree.consistencyProof(vector.oldSize(), vector.newSize())))
                    .as("%d to %d", vector.oldSize(), vector.newSize())
                    .isEqualTo(vector.proof());
        }
    }

    @Test
    void refusesProofsOutsideTheTree() {
        assertThatThrownBy(() -> tree.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(4, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesALeafThatIsNotAHash() {
        MerkleTree broken = new MerkleTree(LeafHashes.of(List.of(CtVectors.leafHash(0), bytes("00"))));

        assertThatThrownBy(() -> broken.root(2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsEachLeafAtMostOnceForARootOrAProof() {
        // A store serves leaves one by one: quadratic reads would not survive a real log.
        long[] reads = new long[1];
        MerkleTree big = new MerkleTree(new LeafHashes() {
            @Override
            public long size() {
                return 1_000;
            }

            @Override
            public byte[] leaf(long index) {
                reads[0]++;
                return TreeHash.leaf(Long.toString(index).getBytes(StandardCharsets.US_ASCII));
            }
        });

        big.root(1_000);
        assertThat(reads[0]).isEqualTo(1_000);
        reads[0] = 0;
        big.inclusionProof(617, 1_000);
        assertThat(reads[0]).isEqualTo(999);
        reads[0] = 0;
        big.consistencyProof(617, 1_000);
        assertThat(reads[0]).isLessThanOrEqualTo(1_000);
    }

    @Test
    void splitsAtTheLargestPowerOfTwoSmallerThanTheSize() {
        assertThat(MerkleTree.largestPowerOfTwoBelow(2)).isEqualTo(1);
        assertThat(MerkleTree.largestPowerOfTwoBelow(5)).isEqualTo(4);
        assertThat(MerkleTree.largestPowerOfTwoBelow(8)).isEqualTo(4);
        assertThat(MerkleTree.largestPowerOfTwoBelow(9)).isEqualTo(8);
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
