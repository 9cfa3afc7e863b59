package nl.evidencestore.shared.model;

import java.util.regex.Pattern;

/** The shapes that identifiers and open vocabulary take on input; checked once, here. */
public final class Token {
    /** Ids travel in URLs and Kafka keys: no slashes, no "..", nothing to escape. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** Categories and purposes are open UPPER_SNAKE tokens (domain.md). */
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Token() {
    }

    public static String id(String value, String what) {
        return require(value, ID, what, "1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
    }

    public static String upperSnake(String value, String what) {
        return require(value, UPPER_SNAKE, what, "an UPPER_SNAKE token of at most 64 characters");
    }

    public static String sha256Hex(String value, String what) {
        return require(value, SHA256_HEX, what, "64 lowercase hexadecimal characters (SHA-256)");
    }

    /** Free text: present, not blank, bounded so that no field can swallow the body limit. */
    public static String text(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    public static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    private static String require(String value, Pattern pattern, String what, String shape) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be " + shape);
        }
        return value;
    }
}
