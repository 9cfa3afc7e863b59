package nl.evidencestore.query.timeline;

import java.nio.ByteBuffer;
import java.util.Base64;
import nl.evidencestore.shared.error.InvalidInput;

/**
 * Where a page ended: the last hit's sort values (occurredAt, then the event's unique log
 * position), so the next page starts right after it whatever was added meanwhile. Opaque to
 * clients: base64url of a version byte and the two longs.
 */
public record TimelineCursor(long occurredAtMillis, long position) {
    private static final byte VERSION = 1;
    private static final int LENGTH = 1 + 2 * Long.BYTES;

    public String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH).put(VERSION).putLong(occurredAtMillis).putLong(position);
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
