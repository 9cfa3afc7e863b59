package nl.evidencestore.shared.model;

/**
 * The shapes that identifiers and open vocabulary take on input; checked once, here. Every
 * access and every event read back passes several of these checks, so they are plain
 * character loops rather than regular expressions (TokenTest holds them to the patterns
 * they replace).
 */
public final class Token {
    private static final String ID_SHAPE =
            "1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
    private static final String UPPER_SNAKE_SHAPE = "an UPPER_SNAKE token of at most 64 characters";
    private static final String SHA256_SHAPE = "64 lowercase hexadecimal characters (SHA-256)";

    private Token() {
    }

    /** Ids travel in URLs and Kafka keys: no slashes, no "..", nothing to escape. */
    public static String id(String value, String what) {
        return require(value, isId(value), what, ID_SHAPE);
    }

    /** Categories and purposes are open UPPER_SNAKE tokens (domain.md). */
    public static String upperSnake(String value, String what) {
        return require(value, isUpperSnake(value), what, UPPER_SNAKE_SHAPE);
    }

    public static String sha256Hex(String value, String what) {
        return require(value, isSha256Hex(value), what, SHA256_SHAPE);
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

    /**
     * A data subject's reference as the controller's system issues it: one shape wherever it
     * arrives (an access, a subject request, an erasure), so that every fact about one subject
     * can be sealed under the same key. The message never quotes it.
     */
    public static String subjectRef(String value) {
        return text(value, "subjectRef", 200);
    }

    public static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    /** {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,127}} */
    static boolean isId(String value) {
        if (value == null || value.isEmpty() || value.length() > 128 || !isAlphanumeric(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Z][A-Z0-9_]{0,63}} */
    static boolean isUpperSnake(String value) {
        if (value == null || value.isEmpty() || value.length() > 64 || !isUpper(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isUpper(c) && !isDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** {@code [0-9a-f]{64}} */
    static boolean isSha256Hex(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!isDigit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return isUpper(c) || (c >= 'a' && c <= 'z') || isDigit(c);
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String require(String value, boolean matches, String what, String shape) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (!matches) {
            throw new IllegalArgumentException(what + " must be " + shape);
        }
        return value;
    }
}
