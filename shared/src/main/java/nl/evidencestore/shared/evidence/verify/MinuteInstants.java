package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import nl.evidencestore.shared.json.IsoInstant;

/**
 * {@link IsoInstant#parse} of an instant's text in a line's bytes (an access's occurredAt, an
 * envelope's instants), with the minute of the last text it took kept: lines read one after
 * another mostly fall in the same minute, and then only the seconds and the fraction are read,
 * with the checks the parser makes of them (two digits up to 59, the fraction's digits). The
 * other texts go to the parser. One per member and thread; a test holds it to the parser on
 * random texts.
 */
final class MinuteInstants {
    /** {@code yyyy-MM-ddTHH:mm:}, the part of the text that names the minute. */
    private static final int MINUTE = 17;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};
    private final byte[] minute = new byte[MINUTE];
    private long minuteStart;
    private boolean known;

    /** The instant of {@code json[from, to)}, a plain string's text; null where the parser refuses it. */
    Instant parse(byte[] json, int from, int to) {
        Instant sameMinute = known ? inMinute(json, from, to) : null;
        if (sameMinute != null) {
            return sameMinute;
        }
        Instant parsed = IsoInstant.parse(new String(json, from, to - from, StandardCharsets.ISO_8859_1));
        if (parsed != null) {
            System.arraycopy(json, from, minute, 0, MINUTE);
            minuteStart = parsed.getEpochSecond() - Math.floorMod(parsed.getEpochSecond(), 60);
            known = true;
        }
        return parsed;
    }

    /** The instant when the text is {@code ss[.f…]Z} after the kept minute, as the parser reads it; else null. */
    private Instant inMinute(byte[] json, int from, int to) {
        int length = to - from;
        if (length < 20 || length > 30 || length == 21 || json[to - 1] != 'Z' || length > 20 && json[from + 19] != '.'
                || !Arrays.equals(json, from, from + MINUTE, minute, 0, MINUTE)) {
            return null;
        }
        int tens = json[from + 17] - '0';
        int ones = json[from + 18] - '0';
        if (tens < 0 || tens > 5 || ones < 0 || ones > 9) {
            return null;
        }
        int fraction = 0;
        for (int i = from + 20; i < to - 1; i++) {
            int digit = json[i] - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            fraction = fraction * 10 + digit;
        }
        int nanos = fraction * POWERS[9 - Math.max(0, length - 21)];
        return Instant.ofEpochSecond(minuteStart + tens * 10 + ones, nanos);
    }
}
