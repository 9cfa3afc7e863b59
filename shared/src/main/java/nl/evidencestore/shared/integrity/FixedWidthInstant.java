package nl.evidencestore.shared.integrity;

import java.time.Instant;
import nl.evidencestore.shared.json.IsoInstant;

/**
 * UTC instants of one fixed-width form, {@code 2026-03-01T09:30:00.000000Z} with a given number
 * of fraction digits, read and written by hand ({@link IsoInstant}): every stored event and
 * every bundle line has two, and the JDK's formatter costs more than the rest of an envelope.
 */
public final class FixedWidthInstant {
    private FixedWidthInstant() {
    }

    /** The instant, or null when the text is not of that exact form (let the formatter say why). */
    public static Instant parse(String text, int fractionDigits) {
        return text.length() == 21 + fractionDigits ? IsoInstant.parse(text) : null;
    }

    /**
     * The instant in that form, fraction truncated to the digits given, or null when its year
     * has no four-digit form (let the formatter write it).
     */
    public static String format(Instant instant, int fractionDigits) {
        if (fractionDigits < 1 || fractionDigits > 9) {
            throw new IllegalArgumentException("between 1 and 9 fraction digits, not " + fractionDigits);
        }
        return IsoInstant.withFraction(instant, fractionDigits);
    }
}
