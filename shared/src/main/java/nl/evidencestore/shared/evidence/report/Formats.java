package nl.evidencestore.shared.evidence.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.evidencestore.shared.model.DataCategory;

/**
 * The report's one way of printing each kind of value. The verifier renders the report again
 * and compares bytes, so nothing here may depend on the machine's locale or time zone.
 */
final class Formats {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String NONE = "\u2014";

    private Formats() {
    }

    static String instant(Instant instant) {
        return instant == null ? NONE : INSTANT.format(instant);
    }

    static String date(LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** Whole percent with one decimal, from integers only, so that no rounding mode can differ. */
    static String percent(long part, long whole) {
        if (whole == 0) {
            return "0.0 %";
        }
        long tenths = (part * 1000 + whole / 2) / whole;
        return (tenths / 10) + "." + (tenths % 10) + " %";
    }

    /** A delay as a person reads it, with the exact seconds the store recorded beside it. */
    static String delay(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return String.format(Locale.ROOT, "%d h %02d min (%s s)", hours, minutes, count(seconds));
    }

    /** An enum constant as words: NOT_YET_EFFECTIVE → "not yet effective". */
    static String words(String constant) {
        return constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    static String names(Collection<?> values) {
        return values == null || values.isEmpty() ? NONE
                : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Categories in the agreement's order as given; special categories (GDPR Art. 9, BSN) marked. */
    static String categories(Collection<DataCategory> categories) {
        if (categories == null || categories.isEmpty()) {
            return NONE;
        }
        return categories.stream()
                .map(c -> c.sensitive() ? c.name() + " (special category)" : c.name())
                .collect(Collectors.joining(", "));
    }
}
