package nl.evidencestore.shared.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import nl.evidencestore.shared.json.JcsText;

/**
 * A growing byte buffer that bundle lines are written into in place (UTF-8): a million lines
 * are written without a string, a builder or an array of their own per line. Not thread-safe;
 * one run of lines on one thread.
 */
public final class LineBytes {
    private byte[] bytes;
    private int length;
    private char[] chars = new char[128];

    public LineBytes(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    public int length() {
        return length;
    }

    /** What has been written, as stored deflate blocks ({@link DeflatedRun#stored}): the buffer is handed on, not copied. */
    public DeflatedRun stored() {
        return DeflatedRun.stored(bytes, length);
    }

    /** Bytes written so far, a copy (for tests and small files). */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** What has been written, deflated as one run of a ZIP entry; the buffer is handed on, not copied. */
    public DeflatedRun deflate(Deflater deflater) {
        return DeflatedRun.of(bytes, length, deflater);
    }

    /** Copies bytes {@code [from, to)} written here onto the end of {@code out}. */
    public void copyTo(LineBytes out, int from, int to) {
        out.bytes(bytes, from, to - from);
    }

    public LineBytes bytes(byte[] source, int from, int count) {
        room(count);
        System.arraycopy(source, from, bytes, length, count);
        length += count;
        return this;
    }

    public LineBytes bytes(byte[] source) {
        return bytes(source, 0, source.length);
    }

    /** Text of the caller's own, known to be ASCII (names, instants, hex): copied byte for byte. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) copies ASCII without an encoder, as meant here.
    public LineBytes ascii(String text) {
        room(text.length());
        text.getBytes(0, text.length(), bytes, length);
        length += text.length();
        return this;
    }

    /** One ASCII character. */
    public LineBytes ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    public LineBytes decimal(long value) {
        return ascii(Long.toString(value));
    }

    /** A JSON string as RFC 8785 writes it ({@link JcsText#string}), with its quotes, in UTF-8. */
    public LineBytes jsonString(String value) {
        if (!plainAscii(value)) {
            StringBuilder escaped = new StringBuilder(value.length() + 8);
            JcsText.string(escaped, value);
            return bytes(escaped.toString().getBytes(StandardCharsets.UTF_8));
        }
        return plainString(value);
    }

    /** A JSON string of a value known to need no escaping (hex digests the envelope has checked): no scan. */
    LineBytes plainString(String value) {
        room(value.length() + 2);
        bytes[length++] = '"';
        ascii(value);
        bytes[length++] = '"';
        return this;
    }

    /**
     * Printable ASCII without a quote or a backslash: nothing to escape, one byte per char. The
     * chars are copied out in bulk first: a loop over {@code charAt} costs a bounds check a char.
     */
    private boolean plainAscii(String value) {
        int count = value.length();
        if (chars.length < count) {
            chars = new char[Math.max(count, chars.length * 2)];
        }
        value.getChars(0, count, chars, 0);
        for (int i = 0; i < count; i++) {
            char c = chars[i];
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
