package nl.evidencestore.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input is a contract: a value of the wrong JSON type is refused, never converted. */
class StrictReadTest {
    record Signature(String signatory, int copies, boolean witnessed) {
    }

    private static Signature read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), Signature.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5.5", "1E+400", "true", "false", "[\"J\"]", "{\"name\":\"J\"}"})
    void aTextFieldTakesOnlyAString(String wrong) {
        assertThatThrownBy(() -> read("{\"signatory\":" + wrong + ",\"copies\":1,\"witnessed\":true}"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "true", "1.5"})
    void aNumberFieldTakesOnlyAnInteger(String wrong) {
        assertThatThrownBy(() -> read("{\"signatory\":\"J\",\"copies\":" + wrong + ",\"witnessed\":true}"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0"})
    void aBooleanFieldTakesOnlyABoolean(String wrong) {
        assertThatThrownBy(() -> read("{\"signatory\":\"J\",\"copies\":1,\"witnessed\":" + wrong + "}"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"J\"", "\"5\"", "\"true\"", "\"\""})
    void aStringIsTakenAsItIs(String text) {
        assertThat(read("{\"signatory\":" + text + ",\"copies\":1,\"witnessed\":true}").signatory())
                .isEqualTo(text.substring(1, text.length() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"signatory\":\"J\",\"signatory\":\"K\",\"copies\":1,\"witnessed\":true}",
            "{\"signatory\":\"J\",\"copies\":1,\"copies\":1,\"witnessed\":true}"})
    void aNameTwiceInOneObjectIsRefused(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(UncheckedIOException.class);
    }

    record Moments(Instant at, LocalDate on) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"at\":1.5,\"on\":\"2026-03-01\"}", "{\"at\":1772323200,\"on\":\"2026-03-01\"}",
            "{\"at\":[2026,3,1],\"on\":\"2026-03-01\"}", "{\"at\":\"2026-03-01T00:00:00Z\",\"on\":20513}",
            "{\"at\":\"2026-03-01T00:00:00Z\",\"on\":[2026,3,1]}"})
    void instantsAndDatesAreTextsNotNumbersOrArrays(String json) {
        assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), Moments.class))
                .isInstanceOf(UncheckedIOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"at\":\"2026-03-01T00:00:00Z\",\"on\":\"2026-03-01\"}",
            "{\"at\":\"2026-03-01T01:00:00+01:00\",\"on\":\"2026-03-01\"}"})
    void instantsAndDatesAsTextAreRead(String json) {
        assertThat(Json.read(json.getBytes(StandardCharsets.UTF_8), Moments.class))
                .isEqualTo(new Moments(Instant.parse("2026-03-01T00:00:00Z"), LocalDate.of(2026, 3, 1)));
    }
}
