package nl.evidencestore.shared.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadsTreeTest {
    private static final List<StreamHead> HEADS = List.of(
            new StreamHead("employee/e-2", 0, "22".repeat(32)),
            new StreamHead("agreement-1", 41, "11".repeat(32)),
            new StreamHead("employee/e-1", 1, "33".repeat(32)));

    @Test
    void sortsHeadsByStreamIdAndHashesTheirCanonicalJson() {
        HeadsTree tree = HeadsTree.of(HEADS);
        assertThat(new String(HEADS.get(1).leafData()))
                .isEqualTo("{\"hash\":\"" + "11".repeat(32) + "\",\"sequence\":41,\"streamId\":\"agreement-1\"}");
        assertThat(tree.inclusion("agreement-1").leafIndex()).isZero();
        assertThat(tree.inclusion("employee/e-2").leafIndex()).isEqualTo(2);
        MerkleTree expected = new MerkleTree(LeafHashes.of(List.of(HEADS.get(1).leafHash(), HEADS.get(2).leafHash(),
                HEADS.get(0).leafHash())));
        assertThat(tree.root()).isEqualTo(expected.root(3));
        assertThat(HeadsTree.of(List.of()).root()).isEqualTo(TreeHash.empty());
    }

    @Test
    void provesEachStreamsHead() {
        HeadsTree tree = HeadsTree.of(HEADS);
        for (StreamHead head : HEADS) {
            HeadsTree.Inclusion inclusion = tree.inclusion(head.streamId());
            HeadsTree.requireHead(head, inclusion.leafIndex(), tree.size(), inclusion.path(), tree.root());
        }
    }

    @Test
    void refusesATamperedHead() {
        HeadsTree tree = HeadsTree.of(HEADS);
        HeadsTree.Inclusion inclusion = tree.inclusion("agreement-1");
        StreamHead older = new StreamHead("agreement-1", 40, "11".repeat(32));
        assertThatThrownBy(() -> HeadsTree.requireHead(older, inclusion.leafIndex(), tree.size(), inclusion.path(),
                tree.root())).isInstanceOf(ProofRejected.class);
    }

    @Test
    void refusesTwoHeadsForOneStream() {
        assertThatThrownBy(() -> HeadsTree.of(List.of(HEADS.get(0), HEADS.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
