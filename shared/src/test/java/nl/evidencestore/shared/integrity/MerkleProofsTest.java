package nl.evidencestore.shared.integrity;

import static nl.evidencestore.shared.integrity.CtVectors.flipBit;
import static nl.evidencestore.shared.integrity.CtVectors.hashes;
import static nl.evidencestore.shared.integrity.CtVectors.leafHash;
import static nl.evidencestore.shared.integrity.CtVectors.root;
import static nl.evidencestore.shared.integrity.MerkleProofs.verifyConsistency;
import static nl.evidencestore.shared.integrity.MerkleProofs.verifyInclusion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published proofs verify; each mutation from transparency-dev/merkle's testdata does not. */
class MerkleProofsTest {
    private static final byte[] SOME_HASH = CtVectors.bytes(
            "abacaba000000000000000000000000000000000000000000060061e00123456");

    @Test
    void acceptsEveryPublishedInclusionProof() {
        for (CtVectors.Inclusion v : CtVectors.INCLUSIONS) {
            assertThat(verifyInclusion(leafHash(v.index()), v.index(), v.size(), hashes(v.proof()), root(v.size())))
                    .as("leaf %d of %d", v.index(), v.size()).isTrue();
        }
    }

    @Test
    void acceptsEveryPublishedConsistencyProof() {
        for (CtVectors.Consistency v : CtVectors.CONSISTENCIES) {
            assertThat(verifyConsistency(v.oldSize(), v.newSize(), root(v.oldSize()), root(v.newSize()),
                    hashes(v.proof()))).as("%d to %d", v.oldSize(), v.newSize()).isTrue();
        }
    }

    @Test
    void rejectsAMutatedInclusionProof() {
        for (CtVectors.Inclusion v : CtVectors.INCLUSIONS) {
            byte[] leaf = leafHash(v.index());
            long index = v.index();
            long size = v.size();
            List<byte[]> proof = hashes(v.proof());
            byte[] root = root(v.size());
            String what = "leaf " + index + " of " + size;

            assertThat(verifyInclusion(leaf, index, size, proof, flipBit(root, 3))).as(what + ", wrong root").isFalse();
            assertThat(verifyInclusion(flipBit(leaf, 3), index, size, proof, root)).as(what + ", wrong leaf").isFalse();
            assertThat(verifyInclusion(root, index, size, proof, leaf)).as(what + ", swapped").isEqualTo(size == 1);
            assertThat(verifyInclusion(leaf, index + 1, size, proof, root)).as(what + ", index + 1").isFalse();
            assertThat(verifyInclusion(leaf, index - 1, size, proof, root)).as(what + ", index - 1").isFalse();
            assertThat(verifyInclusion(leaf, index ^ 2, size, proof, root)).as(what + ", index ^ 2").isFalse();
            assertThat(verifyInclusion(leaf, index, size * 2, proof, root)).as(what + ", size * 2").isFalse();
            assertThat(verifyInclusion(leaf, index, size / 2, proof, root)).as(what + ", size / 2").isFalse();
            // Not size + 1: a path binds only the tree's shape along it, and leaf 1 of 5 has the
            // shape of leaf 1 of 6 (RFC 9162 §2.1.3.2 verifies against a root, not a size).
            assertThat(verifyInclusion(leaf, index, index, proof, root)).as(what + ", index = size").isFalse();
            assertThat(verifyInclusion(leaf, index, size, with(proof, 0, SOME_HASH), root))
                    .as(what + ", preceding garbage").isFalse();
            assertThat(verifyInclusion(leaf, index, size, with(proof, proof.size(), SOME_HASH), root))
                    .as(what + ", trailing garbage").isFalse();
            assertThat(verifyInclusion(leaf, index, size, with(proof, proof.size(), root), root))
                    .as(what + ", trailing root").isFalse();
            for (int i = 0; i < proof.size(); i++) {
                assertThat(verifyInclusion(leaf, index, size, replaced(proof, i, flipBit(proof.get(i), 3)), root))
                        .as(what + ", bit flipped in proof[%d]", i).isFalse();
                assertThat(verifyInclusion(leaf, index, size, without(proof, i), root))
                        .as(what + ", proof[%d] left out", i).isFalse();
            }
        }
    }

    @Test
    void rejectsAMutatedConsistencyProof() {
        for (CtVectors.Consistency v : CtVectors.CONSISTENCIES) {
            long m = v.oldSize();
            long n = v.newSize();
            byte[] r1 = root(v.oldSize());
            byte[] r2 = root(v.newSize());
            List<byte[]> proof = hashes(v.proof());
            String what = m + " to " + n;

            assertThat(verifyConsistency(m, n, flipBit(r1, 4), r2, proof)).as(what + ", wrong old root").isFalse();
            assertThat(verifyConsistency(m, n, r1, flipBit(r2, 4), proof)).as(what + ", wrong new root").isFalse();
            assertThat(verifyConsistency(m + 1, n, r1, r2, proof)).as(what + ", old size + 1").isFalse();
            assertThat(verifyConsistency(m - 1, n, r1, r2, proof)).as(what + ", old size - 1").isFalse();
            assertThat(verifyConsistency(m ^ 2, n, r1, r2, proof)).as(what + ", old size ^ 2").isFalse();
            assertThat(verifyConsistency(m, n * 2, r1, r2, proof)).as(what + ", new size * 2").isFalse();
            assertThat(verifyConsistency(m, n / 2, r1, r2, proof)).as(what + ", new size / 2").isFalse();
            assertThat(verifyConsistency(m, n, r1, r2, with(proof, 0, SOME_HASH))).as(what + ", preceding garbage")
                    .isFalse();
            assertThat(verifyConsistency(m, n, r1, r2, with(proof, proof.size(), SOME_HASH)))
                    .as(what + ", trailing garbage").isFalse();
            assertThat(verifyConsistency(m, n, r1, r2, with(proof, 0, r1))).as(what + ", preceding old root").isFalse();
            if (m != n) {
                assertThat(verifyConsistency(m, n, r2, r1, proof)).as(what + ", swapped roots").isFalse();
                assertThat(verifyConsistency(n, m, r2, r1, proof)).as(what + ", swapped sizes").isFalse();
                assertThat(verifyConsistency(m, n, r1, r2, List.of())).as(what + ", empty proof").isFalse();
            }
            for (int i = 0; i < proof.size(); i++) {
                assertThat(verifyConsistency(m, n, r1, r2, replaced(proof, i, flipBit(proof.get(i), 4))))
                        .as(what + ", bit flipped in proof[%d]", i).isFalse();
                assertThat(verifyConsistency(m, n, r1, r2, without(proof, i)))
                        .as(what + ", proof[%d] left out", i).isFalse();
            }
        }
    }

    @Test
    void rejectsInclusionInAnEmptyTreeOrAtANegativeIndex() {
        byte[] empty = CtVectors.bytes(CtVectors.EMPTY_ROOT);

        assertThat(verifyInclusion(SOME_HASH, 0, 0, List.of(), empty)).isFalse();
        assertThat(verifyInclusion(SOME_HASH, 1, 0, List.of(), empty)).isFalse();
        assertThat(verifyInclusion(SOME_HASH, 2, 1, List.of(), SOME_HASH)).isFalse();
        assertThat(verifyInclusion(SOME_HASH, -1, 1, List.of(), SOME_HASH)).isFalse();
        assertThat(verifyInclusion(SOME_HASH, 0, 1, List.of(), SOME_HASH)).isTrue();
    }

    @Test
    void rejectsConsistencyFromAnEmptyTreeOrBetweenDifferentRootsOfOneSize() {
        byte[] empty = CtVectors.bytes(CtVectors.EMPTY_ROOT);

        assertThat(verifyConsistency(0, 0, empty, empty, List.of())).isFalse();
        assertThat(verifyConsistency(0, 1, empty, root(1), List.of())).isFalse();
        assertThat(verifyConsistency(0, 1, empty, empty, List.of(empty))).isFalse();
        assertThat(verifyConsistency(1, 1, root(1), root(2), List.of())).isFalse();
        assertThat(verifyConsistency(1, 1, root(1), root(1), List.of(root(1)))).isFalse();
        assertThat(verifyConsistency(2, 1, root(2), root(1), List.of())).isFalse();
        assertThat(verifyConsistency(1, 2, root(1), root(2), List.of())).isFalse();
        assertThat(verifyConsistency(3, 3, root(3), root(3), List.of())).isTrue();
    }

    @Test
    void rejectsHashesOfTheWrongLengthOrMissingParts() {
        byte[] shortHash = new byte[31];

        assertThat(verifyInclusion(shortHash, 0, 1, List.of(), shortHash)).isFalse();
        assertThat(verifyInclusion(leafHash(0), 0, 2, List.of(new byte[33]), root(2))).isFalse();
        assertThat(verifyInclusion(null, 0, 1, List.of(), root(1))).isFalse();
        assertThat(verifyInclusion(leafHash(0), 0, 1, null, root(1))).isFalse();
        assertThat(verifyConsistency(1, 1, shortHash, shortHash, List.of())).isFalse();
        assertThat(verifyConsistency(1, 2, root(1), null, List.of(CtVectors.leafHash(1)))).isFalse();
    }

    @Test
    void namesTheCheckThatFailed() {
        CtVectors.Inclusion v = CtVectors.INCLUSIONS.get(1);

        assertThatThrownBy(() -> MerkleProofs.requireInclusion(leafHash(0), 0, 8, hashes(v.proof()), root(7)))
                .isInstanceOf(ProofRejected.class).hasMessageContaining("does not lead to the root");
        assertThatThrownBy(() -> MerkleProofs.requireInclusion(leafHash(0), 8, 8, hashes(v.proof()), root(8)))
                .isInstanceOf(ProofRejected.class).hasMessageContaining("outside a tree of size 8");
        assertThatThrownBy(() -> MerkleProofs.requireConsistency(6, 8, root(6), root(8), List.of()))
                .isInstanceOf(ProofRejected.class).hasMessageContaining("empty consistency proof");
    }

    private static List<byte[]> with(List<byte[]> proof, int at, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(at, extra);
        return copy;
    }

    private static List<byte[]> replaced(List<byte[]> proof, int at, byte[] hash) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(at, hash);
        return copy;
    }

    private static List<byte[]> without(List<byte[]> proof, int at) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.remove(at);
        return copy;
    }
}
