package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The values last made from one member's bytes, slot by slot, a few per slot: consecutive
 * accesses mostly share their agreement, country and system, and take their actor, purpose,
 * categories and verdict from a few, and a value made from the same bytes by the same
 * constructor is an equal value. Bytes equal to kept ones give that value again, with no string
 * made and no constructor run; other bytes are made into a value the usual way (a constructor
 * that refuses them throws, as it would have), which then takes the place of the oldest kept.
 * One per thread.
 */
final class RecentValues {
    private final int kept;
    private final byte[][][] bytes;
    private final Object[][] values;
    private final int[] oldest;

    /** {@code kept} values per slot: a handful for the actors or purposes that alternate line by line. */
    RecentValues(int slots, int kept) {
        this.kept = kept;
        bytes = new byte[slots][kept][];
        values = new Object[slots][kept];
        oldest = new int[slots];
    }

    /** The value {@code make} gives for the text of {@code json[from, to)}, plain ASCII. */
    <T> T of(int slot, byte[] json, int from, int to, Function<String, T> make) {
        @SuppressWarnings("unchecked")
        T value = (T) last(slot, json, from, to);
        return value != null ? value : keep(slot, json, from, to, make.apply(text(json, from, to)));
    }

    /** The value made from exactly the bytes {@code json[from, to)} in this slot and kept, or null. */
    Object last(int slot, byte[] json, int from, int to) {
        byte[][] keys = bytes[slot];
        int length = to - from;
        for (int i = 0; i < keys.length; i++) {
            byte[] key = keys[i];
            if (key != null && key.length == length && Arrays.equals(key, 0, length, json, from, to)) {
                return values[slot][i];
            }
        }
        return null;
    }

    /** Keeps {@code value}, made from {@code json[from, to)}, in the place of the oldest kept in its slot. */
    <T> T keep(int slot, byte[] json, int from, int to, T value) {
        int place = oldest[slot];
        oldest[slot] = (place + 1) % kept;
        bytes[slot][place] = Arrays.copyOfRange(json, from, to);
        values[slot][place] = value;
        return value;
    }

    /** A plain ASCII string's text: one copy, no decoding. */
    static String text(byte[] json, int from, int to) {
        return new String(json, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
