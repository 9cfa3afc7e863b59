package nl.evidencestore.shared.evidence.verify;

import java.time.Instant;
import java.util.Arrays;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.JcsScanner;

/**
 * The texts of the last line read on this thread, member by member: a bundle's lines come a
 * stream at a time, so consecutive lines share their type and stream id, and lines recorded in
 * the same millisecond their instants. A text whose bytes are the last one's is that string
 * again (and that instant again), not decoded, parsed and checked once more.
 */
final class RecentTexts {
    private static final int MEMBERS = 16;
    private static final ThreadLocal<RecentTexts> RECENT = ThreadLocal.withInitial(RecentTexts::new);
    private final byte[][] bytes = new byte[MEMBERS][];
    private final String[] texts = new String[MEMBERS];
    private final String[] instantTexts = new String[MEMBERS];
    private final Instant[] instants = new Instant[MEMBERS];

    static RecentTexts ofThisThread() {
        return RECENT.get();
    }

    /** {@link JcsScanner#text} of {@code json[from, to)}, a string's bytes between its quotes that passed the scan. */
    String text(int member, byte[] json, int from, int to) {
        byte[] last = bytes[member];
        if (last != null && Arrays.equals(last, 0, last.length, json, from, to)) {
            return texts[member];
        }
        String text = JcsScanner.text(json, from, to);
        bytes[member] = Arrays.copyOfRange(json, from, to);
        texts[member] = text;
        return text;
    }

    /** {@link EventHash#parse} of {@code text}, a string {@link #text} gave for {@code member}; null where it refuses it. */
    Instant instant(int member, String text) {
        if (text == null) {
            return null;
        }
        if (text == instantTexts[member]) {
            return instants[member];
        }
        Instant instant;
        try {
            instant = EventHash.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
        instantTexts[member] = text;
        instants[member] = instant;
        return instant;
    }
}
