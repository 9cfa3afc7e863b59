package nl.evidencestore.shared.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import nl.evidencestore.shared.json.IsoInstant;
import nl.evidencestore.shared.json.RawJson;

/**
 * Reads a forwarded event in exactly the form {@link ForwardedEvents#write} gives it, by hand:
 * its members in that order, strings without escapes, whole numbers without a sign, the payload
 * last. The query side reads every event the store appends; a parser tokenising the envelope and
 * skipping through the payload took a tenth of its feed's thread under W1.
 */
final class WrittenForm {
    private final byte[] value;
    private int at;
    private boolean fits = true;

    private WrittenForm(byte[] value) {
        this.value = value;
    }

    /** The event, or null when the bytes are in any other form. The payload is sliced, not checked. */
    static ForwardedEvent read(byte[] value) {
        WrittenForm form = new WrittenForm(value);
        String eventId = form.string("{\"eventId\":");
        String type = form.string(",\"type\":");
        String streamId = form.string(",\"streamId\":");
        long sequence = form.number(",\"sequence\":");
        long position = form.number(",\"position\":");
        String recordedAt = form.string(",\"recordedAt\":");
        form.member(",\"payload\":");
        int payload = form.at;
        int end = value.length - 1;
        if (!form.fits || payload >= end - 1 || value[payload] != '{' || value[end - 1] != '}' || value[end] != '}') {
            return null;
        }
        Instant instant = IsoInstant.parse(recordedAt);
        return instant == null ? null : new ForwardedEvent(eventId, type, streamId, sequence, position, instant,
                RawJson.of(Arrays.copyOfRange(value, payload, end)));
    }

    private void member(String name) {
        int length = name.length();
        if (!fits || at + length > value.length) {
            fits = false;
            return;
        }
        for (int i = 0; i < length; i++) {
            if (value[at + i] != name.charAt(i)) {
                fits = false;
                return;
            }
        }
        at += length;
    }

    /** A string of printable ASCII without a quote or a backslash, as write() puts one in as it is. */
    private String string(String name) {
        member(name);
        if (!fits || at >= value.length || value[at] != '"') {
            fits = false;
            return null;
        }
        int start = ++at;
        while (at < value.length && value[at] != '"') {
            byte b = value[at++];
            if (b < 0x20 || b > 0x7e || b == '\\') {
                fits = false;
                return null;
            }
        }
        if (at >= value.length) {
            fits = false;
            return null;
        }
        return new String(value, start, at++ - start, StandardCharsets.ISO_8859_1);
    }

    /** 0, or up to 18 digits without a leading zero: what write() writes for a position or a sequence. */
    private long number(String name) {
        member(name);
        int start = at;
        long number = 0;
        while (fits && at < value.length && value[at] >= '0' && value[at] <= '9' && at - start < 18) {
            number = number * 10 + (value[at++] - '0');
        }
        int digits = at - start;
        if (digits == 0 || digits > 1 && value[start] == '0' || at < value.length && value[at] >= '0' && value[at] <= '9') {
            fits = false;
        }
        return number;
    }
}
