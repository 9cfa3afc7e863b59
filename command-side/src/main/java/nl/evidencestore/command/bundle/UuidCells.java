package nl.evidencestore.command.bundle;

/**
 * Subject cells (their CSV bytes) by the two halves of their UUID key id, for one preparing
 * thread: an open-addressing table of longs, so a row that meets a subject again costs one
 * probe, not a key id string, its hash, and the four objects a concurrent map's look-up visits
 * (which, with the cache shared by the neighbours, cost about a quarter of the preparing threads).
 * Up to {@value #MOST} cells; later ones are not remembered.
 */
final class UuidCells {
    static final int MOST = 20_000;
    private static final int SLOTS = 1 << 15;

    private final long[] keys = new long[2 * SLOTS];
    private final byte[][] cells = new byte[SLOTS][];
    private int size;

    /** The cell of this key id, or null when it was not met on this thread. */
    byte[] get(long high, long low) {
        for (int slot = slot(high, low); cells[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
            if (keys[2 * slot] == high && keys[2 * slot + 1] == low) {
                return cells[slot];
            }
        }
        return null;
    }

    void put(long high, long low, byte[] cell) {
        if (size >= MOST) {
            return;
        }
        int slot = slot(high, low);
        while (cells[slot] != null) {
            if (keys[2 * slot] == high && keys[2 * slot + 1] == low) {
                return;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        keys[2 * slot] = high;
        keys[2 * slot + 1] = low;
        cells[slot] = cell;
        size++;
    }

    /** The top bits of a multiplicative hash of both halves: spreads key ids that share a half. */
    private static int slot(long high, long low) {
        return (int) (((high * 31 + low) * 0x9E3779B97F4A7C15L) >>> (64 - 15));
    }
}
