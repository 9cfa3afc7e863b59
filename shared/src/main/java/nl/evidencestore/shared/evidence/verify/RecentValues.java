package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The value last made from one member's bytes, slot by slot: consecutive accesses mostly share
 * their agreement, actor, purpose, categories, country, system and verdict, and a value made
 * from the same bytes by the same constructor is an equal value. Bytes equal to the last ones
 * give that value again, with no string made and no constructor run; other bytes are made into
 * a value the usual way, and a constructor that refuses them throws, as it would have. One per
 * thread.
 */
final class RecentValues {
    private final byte[][] bytes;
    private final Object[] values;

    RecentValues(int slots) {
        bytes = new byte[slots][];
        values = new Object[slots];
    }

    /** The value {@code make} gives for the text of {@code json[from, to)}, plain ASCII. */
    <T> T of(int slot, byte[] json, int from, int to, Function<String, T> make) {
        @SuppressWarnings("unchecked")
        T value = (T) last(slot, json, from, to);
        return value != null ? value : keep(slot, json, from, to, make.apply(text(json, from, to)));
    }

    /** The value made last from exactly the bytes {@code json[from, to)} in this slot, or null. */
    Object last(int slot, byte[] json, int from, int to) {
        byte[] last = bytes[slot];
        return last != null && Arrays.equals(last, 0, last.length, json, from, to) ? values[slot] : null;
    }

    /** Keeps {@code value}, made from {@code json[from, to)}, for the next line. */
    <T> T keep(int slot, byte[] json, int from, int to, T value) {
        bytes[slot] = Arrays.copyOfRange(json, from, to);
        values[slot] = value;
        return value;
    }

    /** A plain ASCII string's text: one copy, no decoding. */
    static String text(byte[] json, int from, int to) {
        return new String(json, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
