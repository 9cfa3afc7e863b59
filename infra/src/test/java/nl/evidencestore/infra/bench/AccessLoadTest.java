package nl.evidencestore.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The load reads only the answer's top-level position. */
class AccessLoadTest {

    @Test
    void readsTheTopLevelPositionWhereverItStands() throws Exception {
        assertThat(AccessLoad.position(bytes("{\"position\":42,\"results\":[{\"accessId\":\"a\"}]}"))).isEqualTo(42);
        assertThat(AccessLoad.position(bytes("{\"results\":[{\"position\":7,\"x\":{\"position\":8}}],\"position\":43}")))
                .isEqualTo(43);
    }

    @Test
    void anAnswerWithoutPositionIsAnError() {
        assertThatThrownBy(() -> AccessLoad.position(bytes("{\"results\":[{\"position\":7}]}")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
