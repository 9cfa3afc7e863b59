package nl.evidencestore.query.timeline;

import java.nio.ByteBuffer;
import java.util.Base64;
import nl.evidencestore.shared.error.InvalidInput;

/**
 * Where a page ended: the last hit's sort values (occurredAt, then the offset of its event's
 * record, unique per document), so the next page starts right after it whatever was added
 * meanwhile. Opaque to clients: base64url of a version byte and the two longs.
 */
public record TimelineCursor(long occurredAtMillis, long offset) {
    /**
     * Version 1 held the event's log position, which two events can share; such a cursor cannot
     * be mapped to an offset, so it is refused like any other cursor that is not ours.
     */
    private static final byte VERSION = 2;
    private static final int LENGTH = 1 + 2 * Long.BYTES;

    public String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH).put(VERSION).putLong(occurredAtMillis).putLong(offset);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    public static TimelineCursor decode(String value) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            if (bytes.length == LENGTH && bytes[0] == VERSION) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
                return new TimelineCursor(buffer.getLong(), buffer.getLong());
            }
        } catch (IllegalArgumentException e) {
            // answered below, as for a cursor of the wrong length
        }
        throw new InvalidInput("cursor", "must be the nextCursor of a previous page");
    }
}
