package nl.evidencestore.shared.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of a byte array tested at once (SIMD within a register): a verifier looks at every
 * byte of a gigabyte of lines, and almost all of them are plain ASCII it only steps over. Each
 * test may report a byte that is not there (the caller then looks byte by byte), never miss one.
 */
public final class Swar {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Swar() {
    }

    /** The index of the first {@code \n} in {@code bytes[from, to)}, or {@code to}. Exact. */
    public static int newline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long equal = zeroBytes((long) LONGS.get(bytes, i) ^ ('\n' * ONES));
            if (equal != 0) {
                // Below the first zero byte the test is exact: its lowest flag is the first newline.
                return i + (Long.numberOfTrailingZeros(equal) >>> 3);
            }
        }
        while (i < to && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The index of the first {@code "} or {@code \n} in {@code bytes[from, to)}, or {@code to}. Exact. */
    public static int quoteOrNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            // Each test is exact up to its own first match, so the lowest flag of either is the first of both.
            long found = zeroBytes(word ^ ('"' * ONES)) | zeroBytes(word ^ ('\n' * ONES));
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        while (i < to && bytes[i] != '"' && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    /**
     * Where to look byte by byte for the first byte in {@code bytes[from, to)} that JSON does
     * not write as it is (below 0x20, above 0x7f, {@code "} or {@code \}; 0x7f passes): up to
     * seven bytes before it (or before {@code to}), never after it.
     */
    public static int plainAscii(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            if (notPlain((long) LONGS.get(bytes, i)) != 0) {
                return i;
            }
        }
        return i;
    }

    /**
     * The index of the first byte in {@code bytes[from, to)} that JSON does not write as it is
     * (below 0x20, above 0x7f, {@code "} or {@code \}; 0x7f passes), or {@code to}. Exact: a
     * reader of strings that must be plain finds the closing quote, or what is not plain, in one step.
     */
    public static int firstNotPlain(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long special = notPlain((long) LONGS.get(bytes, i));
            if (special != 0) {
                return i + (Long.numberOfTrailingZeros(special) >>> 3);
            }
        }
        while (i < to && bytes[i] >= 0x20 && bytes[i] != '"' && bytes[i] != '\\') {
            i++;
        }
        return i;
    }

    /**
     * A high bit set for each byte of {@code word} that JSON does not write as it is; each test
     * flags its lowest match exactly (a borrow only runs upwards from a match), bytes above it maybe.
     */
    private static long notPlain(long word) {
        return (word & HIGHS) | ((word - 0x20 * ONES) & ~word & HIGHS)
                | zeroBytes(word ^ ('"' * ONES)) | zeroBytes(word ^ ('\\' * ONES));
    }

    /** A high bit set for each zero byte of {@code word} (and possibly for bytes above the first zero). */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }
}
