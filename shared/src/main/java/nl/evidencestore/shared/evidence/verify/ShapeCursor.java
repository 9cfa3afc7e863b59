package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nl.evidencestore.shared.json.Swar;

/**
 * Steps through JSON bytes that must be of one known shape, written without whitespace: fixed
 * runs of bytes (a member's comma, name and colon, as JCS writes them) and values between them.
 * Only values that are their own canonical form whatever the shape are taken: strings of ASCII
 * from 0x20 to 0x7f without a quote or backslash, integers without a leading zero below 10^15
 * (so below 2^53), {@code true} and {@code false}. Whatever else is met stops the walk (false),
 * and the caller leaves the bytes to the general scanner, which knows every form.
 */
final class ShapeCursor {
    private static final long MOST_DIGITS = 15;
    private byte[] json;
    private int end;
    /** The next byte to read. */
    int at;
    /** The last string's bytes are {@code json[from, to)}, between its quotes. */
    int from;
    int to;
    /** The last integer read. */
    long integer;
    /** The last boolean read. */
    boolean bool;

    void reset(byte[] json, int at, int end) {
        this.json = json;
        this.at = at;
        this.end = end;
    }

    /** Steps over {@code expected} when the bytes at hand are exactly it. */
    boolean literal(byte[] expected) {
        if (!startsWith(expected)) {
            return false;
        }
        at += expected.length;
        return true;
    }

    /** Whether the bytes at hand begin with {@code expected}, without stepping over them. */
    boolean startsWith(byte[] expected) {
        int n = expected.length;
        return at + n <= end && Arrays.equals(json, at, at + n, expected, 0, n);
    }

    /** A plain string's text up to its closing quote, which is stepped over; its opening quote was the literal before. */
    boolean string() {
        int i = Swar.firstNotPlain(json, at, end);
        if (i == end || json[i] != '"') {
            return false;
        }
        from = at;
        to = i;
        at = i + 1;
        return true;
    }

    /** A non-negative integer as JCS writes it, small enough that its form is beyond doubt. */
    boolean integer() {
        int start = at;
        long value = 0;
        while (at < end && json[at] >= '0' && json[at] <= '9') {
            value = value * 10 + (json[at] - '0');
            at++;
        }
        int digits = at - start;
        integer = value;
        return digits > 0 && digits <= MOST_DIGITS && (digits == 1 || json[start] != '0');
    }

    boolean bool() {
        if (literal(TRUE)) {
            bool = true;
            return true;
        }
        bool = false;
        return literal(FALSE);
    }

    /** Steps over the byte at hand when it is {@code expected}. */
    boolean next(char expected) {
        if (at < end && json[at] == expected) {
            at++;
            return true;
        }
        return false;
    }

    /** The byte at hand, or 0 past the end. */
    byte peek() {
        return at < end ? json[at] : 0;
    }

    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");

    static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
