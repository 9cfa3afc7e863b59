package nl.evidencestore.shared.json;

/**
 * RFC 8785 strings written directly, for the few fixed shapes (an event envelope, a bundle
 * line) whose canonical form is built field by field instead of by the general canonicaliser:
 * they are on every event's path. Tests hold every such shape to {@link Json#canonical}.
 */
public final class JcsText {
    private JcsText() {
    }

    /** §3.2.2.2: quote and backslash, the short escapes, {@code \\u00xx} for other controls, all else as is. */
    public static void string(StringBuilder json, String value) {
        json.append('"');
        int plain = plainPrefix(value);
        if (plain == value.length()) {
            // Almost every string (ids, hashes, type names) needs no escape: one copy, not a char at a time.
            json.append(value).append('"');
            return;
        }
        json.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** How many leading characters are written as they are. */
    private static int plainPrefix(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
        }
        return value.length();
    }
}
