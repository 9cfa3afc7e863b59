package nl.evidencestore.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Base64;
import nl.evidencestore.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

class TimelineCursorTest {
    @Test
    void readsBackTheOccurredAtAndOffsetItWrote() {
        for (TimelineCursor cursor : new TimelineCursor[] {new TimelineCursor(1_775_030_400_000L, 0),
                new TimelineCursor(Long.MIN_VALUE, Long.MAX_VALUE), new TimelineCursor(-1, 42)}) {
            assertThat(TimelineCursor.decode(cursor.encode())).isEqualTo(cursor);
        }
    }

    @Test
    void refusesACursorOfTheFormerVersionWhichHeldAPositionLikeAnyCursorNotOurs() {
        byte[] version1 = ByteBuffer.allocate(1 + 2 * Long.BYTES).put((byte) 1).putLong(1_775_030_400_000L)
                .putLong(200).array();

        for (String cursor : new String[] {Base64.getUrlEncoder().withoutPadding().encodeToString(version1),
                "not-a-cursor", ""}) {
            assertThatThrownBy(() -> TimelineCursor.decode(cursor)).as(cursor).isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).errors()).extracting("field")
                            .containsExactly("cursor"));
        }
    }
}
