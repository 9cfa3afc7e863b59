package nl.evidencestore.shared.model;

import nl.evidencestore.shared.error.FieldRefusal;

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

    private static final boolean[] ALPHANUMERIC = table(range('A', 'Z') + range('a', 'z') + range('0', '9'));
    private static final boolean[] ID = table(range('A', 'Z') + range('a', 'z') + range('0', '9') + "._:-");
    private static final boolean[] UPPER_SNAKE = table(range('A', 'Z') + range('0', '9') + "_");
    private static final boolean[] HEX = table(range('0', '9') + range('a', 'f'));

    private Token() {
    }

    /**
     * A character class as a table of the ASCII characters in it. Ids, hashes and ciphertexts
     * mix letters and digits at random: a range test's branches are mispredicted at nearly every
     * character, and a million lines each check a few hundred.
     */
    public static boolean[] table(String members) {
        boolean[] table = new boolean[128];
        members.chars().forEach(c -> table[c] = true);
        return table;
    }

    /** Whether {@code c} is one of the table's characters. */
    public static boolean in(boolean[] table, char c) {
        return c < table.length && table[c];
    }

    private static String range(char first, char last) {
        StringBuilder range = new StringBuilder();
        for (char c = first; c <= last; c++) {
            range.append(c);
        }
        return range.toString();
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
            throw new FieldRefusal(what, "is required");
        }
        if (value.length() > maxLength) {
            throw new FieldRefusal(what, "is longer than " + maxLength + " characters");
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
            throw new FieldRefusal(what, "is required");
        }
        return value;
    }

    /** {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,127}} */
    static boolean isId(String value) {
        if (value == null || value.isEmpty() || value.length() > 128 || !in(ALPHANUMERIC, value.charAt(0))) {
            return false;
        }
        return all(value, 1, ID);
    }

    /** {@code [A-Z][A-Z0-9_]{0,63}} */
    static boolean isUpperSnake(String value) {
        if (value == null || value.isEmpty() || value.length() > 64 || !isUpper(value.charAt(0))) {
            return false;
        }
        return all(value, 1, UPPER_SNAKE);
    }

    /** {@code [0-9a-f]{64}} */
    static boolean isSha256Hex(String value) {
        return value != null && value.length() == 64 && all(value, 0, HEX);
    }

    /** Whether every character of {@code value} from {@code from} on is in the table. */
    public static boolean all(String value, int from, boolean[] table) {
        for (int i = from; i < value.length(); i++) {
            if (!in(table, value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String require(String value, boolean matches, String what, String shape) {
        if (value == null) {
            throw new FieldRefusal(what, "is required");
        }
        if (!matches) {
            throw new FieldRefusal(what, "must be " + shape);
        }
        return value;
    }
}
