package nl.evidencestore.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.Test;

class KeyedDigestTest {
    private static final byte[] SECRET = filled(7);
    private static final byte[] CONTENT = "{\"accessId\":\"a-1\",\"subjectRef\":\"patient-42\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSameContentGivesTheSameDigestSoARepeatIsRecognised() {
        assertThat(new KeyedDigest(SECRET).of(CONTENT)).isEqualTo(new KeyedDigest(SECRET).of(CONTENT.clone()));
    }

    @Test
    void otherContentGivesAnotherDigestSoItIsAConflict() {
        byte[] other = "{\"accessId\":\"a-1\",\"subjectRef\":\"patient-43\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(new KeyedDigest(SECRET).of(other)).isNotEqualTo(new KeyedDigest(SECRET).of(CONTENT));
    }

    @Test
    void aGuessedSubjectReferenceCannotBeConfirmedWithoutTheSecret() {
        String stored = new KeyedDigest(SECRET).of(CONTENT);

        assertThat(stored).hasSize(64).isNotEqualTo(Json.sha256Hex(CONTENT));
        assertThat(new KeyedDigest(filled(8)).of(CONTENT)).isNotEqualTo(stored);
    }

    private static byte[] filled(int value) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) value);
        return secret;
    }
}
