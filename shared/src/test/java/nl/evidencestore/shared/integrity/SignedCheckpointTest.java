package nl.evidencestore.shared.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.Test;

class SignedCheckpointTest {
    private static final SigningKey KEY = SigningKey.generate();
    private static final Checkpoint CHECKPOINT = new Checkpoint("evidence-store", 12, "ab".repeat(32), 3,
            "cd".repeat(32), Instant.parse("2026-03-01T09:30:00Z"));

    @Test
    void writesTheBodyAsFiveLines() {
        assertThat(CHECKPOINT.body()).isEqualTo("evidence-store\n12\nq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=\n"
                + "heads 3 zc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc0=\ntime 2026-03-01T09:30:00.000000Z\n");
        assertThat(Checkpoint.parseBody(CHECKPOINT.body())).isEqualTo(CHECKPOINT);
    }

    @Test
    void roundTripsThroughItsJsonForm() {
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, KEY);
        byte[] json = Json.write(signed.toJson());
        assertThat(new String(json)).contains("\"time\":\"2026-03-01T09:30:00.000000Z\"");
        assertThat(SignedCheckpoint.parse(json, KEY.verificationKey())).isEqualTo(signed);
    }

    @Test
    void refusesJsonWhoseFieldsDifferFromTheNote() {
        SignedCheckpoint.Form form = SignedCheckpoint.sign(CHECKPOINT, KEY).toJson();
        SignedCheckpoint.Form lying = new SignedCheckpoint.Form(form.origin(), 13, form.rootHash(), form.headsCount(),
                form.headsRoot(), form.time(), form.note());
        assertThatThrownBy(() -> SignedCheckpoint.parse(lying, KEY.verificationKey()))
                .isInstanceOf(ProofRejected.class).hasMessageContaining("treeSize");
    }

    @Test
    void refusesACheckpointSignedByAnotherKeyOrChanged() {
        SignedCheckpoint.Form form = SignedCheckpoint.sign(CHECKPOINT, SigningKey.generate()).toJson();
        assertThatThrownBy(() -> SignedCheckpoint.parse(form, KEY.verificationKey())).isInstanceOf(ProofRejected.class);
        SignedCheckpoint.Form mine = SignedCheckpoint.sign(CHECKPOINT, KEY).toJson();
        SignedCheckpoint.Form changed = new SignedCheckpoint.Form(mine.origin(), 12, mine.rootHash(), 3,
                mine.headsRoot(), mine.time(), mine.note().replaceFirst("\n12\n", "\n13\n"));
        assertThatThrownBy(() -> SignedCheckpoint.parse(changed, KEY.verificationKey()))
                .isInstanceOf(ProofRejected.class).hasMessageContaining("does not verify");
    }
}
