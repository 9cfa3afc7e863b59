package nl.evidencestore.shared.integrity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * UTC instants of one fixed-width form, {@code 2026-03-01T09:30:00.000000Z} with a given number
 * of fraction digits, read by hand: every stored event and every bundle line has two, and the
 * JDK's formatter costs more than the rest of an envelope.
 */
public final class FixedWidthInstant {
    private FixedWidthInstant() {
    }

    /** The instant, or null when the text is not of that exact form (let the formatter say why). */
    public static Instant parse(String text, int fractionDigits) {
        int length = 21 + fractionDigits;
        if (text.length() != length || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = digits(text, 20, 20 + fractionDigits);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, fraction * scale(fractionDigits))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The instant in that form, fraction truncated to the digits given, or null when its year
     * has no four-digit form (let the formatter write it).
     */
    public static String format(Instant instant, int fractionDigits) {
        if (fractionDigits < 1 || fractionDigits > 9) {
            throw new IllegalArgumentException("between 1 and 9 fraction digits, not " + fractionDigits);
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return null;
        }
        char[] text = new char[21 + fractionDigits];
        put(text, 0, 4, time.getYear());
        text[4] = '-';
        put(text, 5, 7, time.getMonthValue());
        text[7] = '-';
        put(text, 8, 10, time.getDayOfMonth());
        text[10] = 'T';
        put(text, 11, 13, time.getHour());
        text[13] = ':';
        put(text, 14, 16, time.getMinute());
        text[16] = ':';
        put(text, 17, 19, time.getSecond());
        text[19] = '.';
        put(text, 20, 20 + fractionDigits, time.getNano() / scale(fractionDigits));
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    private static void put(char[] text, int from, int to, int value) {
        for (int i = to - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int scale(int fractionDigits) {
        int scale = 1;
        for (int i = fractionDigits; i < 9; i++) {
            scale *= 10;
        }
        return scale;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
