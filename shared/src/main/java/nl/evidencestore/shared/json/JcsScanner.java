package nl.evidencestore.shared.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Whether UTF-8 bytes are already their own RFC 8785 form, in one pass over the bytes that
 * builds nothing: no whitespace, members sorted by their names' UTF-16 code units (so no name
 * twice), strings with exactly the escapes §3.2.2.2 writes and well-formed UTF-8 otherwise, and
 * integers up to 2^53 without a leading zero or a minus zero. Any other number form
 * (a fraction, an exponent, a larger integer) is printed by the ECMAScript algorithm, which only
 * the general canonicaliser knows: such a text is {@link Form#UNDECIDED} here and
 * {@link #isCanonical} hands it on. A verifier reads a million lines through this; parsing each
 * into a tree and writing it again costs ten times more.
 */
public final class JcsScanner {
    /** More nesting than any event has: left to the general canonicaliser, as its parser's own limit applies. */
    private static final int MAX_DEPTH = 256;
    /** Integers up to 2^53 fit a double exactly, so ECMAScript prints them as they are. */
    private static final long EXACT = 1L << 53;
    private static final Stop NOT_CANONICAL = new Stop(Form.NOT_CANONICAL);
    private static final Stop UNDECIDED = new Stop(Form.UNDECIDED);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    public enum Form { CANONICAL, NOT_CANONICAL, UNDECIDED }

    /** Told each member of the outermost object: its name's bytes between the quotes, and its value's bytes. */
    @FunctionalInterface
    public interface Members {
        void member(int nameFrom, int nameTo, int valueFrom, int valueTo);
    }

    private final byte[] json;
    private final int end;
    private final Members members;
    private int at;

    private JcsScanner(byte[] json, int from, int to, Members members) {
        this.json = json;
        this.at = from;
        this.end = to;
        this.members = members;
    }

    /** The form of {@code json[from, to)}; {@code members} (may be null) hears the outermost object's members. */
    public static Form scan(byte[] json, int from, int to, Members members) {
        JcsScanner scanner = new JcsScanner(json, from, to, members);
        try {
            // The canonicaliser, like the lines it is for, takes an object or an array only.
            if (from >= to || (json[from] != '{' && json[from] != '[')) {
                return Form.NOT_CANONICAL;
            }
            scanner.value(0);
            return scanner.at == to ? Form.CANONICAL : Form.NOT_CANONICAL;
        } catch (Stop stop) {
            return stop.form;
        }
    }

    /** Whether {@code json[from, to)} is exactly its RFC 8785 form; the general canonicaliser decides what the scan cannot. */
    public static boolean isCanonical(byte[] json, int from, int to) {
        Form form = scan(json, from, to, null);
        if (form != Form.UNDECIDED) {
            return form == Form.CANONICAL;
        }
        byte[] text = Arrays.copyOfRange(json, from, to);
        try {
            return Arrays.equals(new JsonCanonicalizer(text).getEncodedUTF8(), text);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The text of a string's bytes between its quotes, escapes resolved; the bytes must have
     * passed {@link #scan}, which is why only the escapes it allows are read here.
     */
    public static String text(byte[] json, int from, int to) {
        int i = Swar.plainAscii(json, from, to);
        while (i < to && json[i] >= 0x20 && json[i] != '\\') {
            i++;
        }
        if (i == to) {
            return new String(json, from, to - from, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(to - from);
        int run = from;
        for (int j = from; j < to; j++) {
            if (json[j] == '\\') {
                text.append(new String(json, run, j - run, StandardCharsets.UTF_8));
                j = unescape(json, j, text);
                run = j + 1;
            }
        }
        return text.append(new String(json, run, to - run, StandardCharsets.UTF_8)).toString();
    }

    /** Appends the character escaped at {@code json[i]}; the index of the escape's last byte. */
    private static int unescape(byte[] json, int i, StringBuilder text) {
        switch (json[i + 1]) {
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case 'u' -> {
                text.append((char) Integer.parseInt(new String(json, i + 2, 4, StandardCharsets.US_ASCII), 16));
                return i + 5;
            }
            default -> text.append((char) json[i + 1]);
        }
        return i + 1;
    }

    private void value(int depth) {
        if (at >= end) {
            throw NOT_CANONICAL;
        }
        byte c = json[at];
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            default -> number();
        }
    }

    private void object(int depth) {
        if (depth > MAX_DEPTH) {
            throw UNDECIDED;
        }
        at++;
        if (next() == '}') {
            at++;
            return;
        }
        int previousFrom = -1;
        int previousTo = -1;
        boolean previousSimple = false;
        while (true) {
            if (next() != '"') {
                throw NOT_CANONICAL;
            }
            int nameFrom = at + 1;
            boolean simple = string();
            int nameTo = at - 1;
            if (previousFrom >= 0 && !sortsAfter(previousFrom, previousTo, previousSimple, nameFrom, nameTo, simple)) {
                throw NOT_CANONICAL;
            }
            if (next() != ':') {
                throw NOT_CANONICAL;
            }
            at++;
            int valueFrom = at;
            value(depth);
            if (depth == 1 && members != null) {
                members.member(nameFrom, nameTo, valueFrom, at);
            }
            previousFrom = nameFrom;
            previousTo = nameTo;
            previousSimple = simple;
            if (!more('}')) {
                return;
            }
        }
    }

    private void array(int depth) {
        if (depth > MAX_DEPTH) {
            throw UNDECIDED;
        }
        at++;
        if (next() == ']') {
            at++;
            return;
        }
        do {
            value(depth);
        } while (more(']'));
    }

    /** After a member or element: true at a comma (stepped over), false at the closing bracket (stepped over). */
    private boolean more(char close) {
        byte c = next();
        at++;
        if (c == ',') {
            return true;
        }
        if (c != close) {
            throw NOT_CANONICAL;
        }
        return false;
    }

    private byte next() {
        if (at >= end) {
            throw NOT_CANONICAL;
        }
        return json[at];
    }

    /**
     * JCS orders names by UTF-16 code units. UTF-8 bytes sort as code points do, which is the
     * same order except between characters above U+FFFF and those from U+E000 on, and except
     * where an escape stands for a character: only then are the names decoded to compare.
     */
    private boolean sortsAfter(int aFrom, int aTo, boolean aSimple, int bFrom, int bTo, boolean bSimple) {
        if (aSimple && bSimple) {
            // Names are short and differ early: a plain loop beats the vectorised compare's set-up.
            int length = Math.min(aTo - aFrom, bTo - bFrom);
            for (int i = 0; i < length; i++) {
                int a = json[aFrom + i] & 0xff;
                int b = json[bFrom + i] & 0xff;
                if (a != b) {
                    return a < b;
                }
            }
            return aTo - aFrom < bTo - bFrom;
        }
        return text(json, aFrom, aTo).compareTo(text(json, bFrom, bTo)) < 0;
    }

    /** Steps over a string; whether its bytes sort as its UTF-16 code units do (no escape, nothing from U+E000 on). */
    private boolean string() {
        int i = Swar.plainAscii(json, at + 1, end);
        boolean simple = true;
        while (true) {
            if (i >= end) {
                throw NOT_CANONICAL;
            }
            byte c = json[i];
            // Printable ASCII, nearly every byte of a line: bytes from 0x80 on are negative here.
            if (c >= 0x20 && c != '"' && c != '\\') {
                i++;
                continue;
            }
            at = i;
            if (c == '"') {
                at++;
                return simple;
            }
            if (c == '\\') {
                escape();
                simple = false;
            } else if (c >= 0) {
                throw NOT_CANONICAL;
            } else {
                simple &= (c & 0xff) < 0xEE;
                utf8(c & 0xff);
            }
            i = Swar.plainAscii(json, at, end);
        }
    }

    /** Only what §3.2.2.2 writes: the short escapes, and {@code \\u00xx} in lower case for the other controls. */
    private void escape() {
        if (at + 1 >= end) {
            throw NOT_CANONICAL;
        }
        switch (json[at + 1]) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't' -> at += 2;
            case 'u' -> {
                if (at + 5 >= end || json[at + 2] != '0' || json[at + 3] != '0' || (json[at + 4] != '0' && json[at + 4] != '1')) {
                    throw NOT_CANONICAL;
                }
                int low = lowerHex(json[at + 5]);
                int code = (json[at + 4] - '0') * 16 + low;
                if (low < 0 || code == '\b' || code == '\t' || code == '\n' || code == '\f' || code == '\r') {
                    throw NOT_CANONICAL;
                }
                at += 6;
            }
            default -> throw NOT_CANONICAL;
        }
    }

    private static int lowerHex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** Well-formed UTF-8 only (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
    private void utf8(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation(1, 0x80, 0xBF);
            at += 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation(1, lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF);
            continuation(2, 0x80, 0xBF);
            at += 3;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation(1, lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF);
            continuation(2, 0x80, 0xBF);
            continuation(3, 0x80, 0xBF);
            at += 4;
        } else {
            throw NOT_CANONICAL;
        }
    }

    private void continuation(int offset, int min, int max) {
        if (at + offset >= end) {
            throw NOT_CANONICAL;
        }
        int c = json[at + offset] & 0xff;
        if (c < min || c > max) {
            throw NOT_CANONICAL;
        }
    }

    private void literal(byte[] word) {
        if (at + word.length > end) {
            throw NOT_CANONICAL;
        }
        for (int i = 0; i < word.length; i++) {
            if (json[at + i] != word[i]) {
                throw NOT_CANONICAL;
            }
        }
        at += word.length;
    }

    private void number() {
        int start = at;
        boolean negative = json[at] == '-';
        if (negative) {
            at++;
        }
        byte first = next();
        if (first == '0') {
            at++;
            if (negative) {
                throw NOT_CANONICAL;
            }
        } else if (first >= '1' && first <= '9') {
            while (at < end && json[at] >= '0' && json[at] <= '9') {
                at++;
            }
        } else {
            throw NOT_CANONICAL;
        }
        if (at < end && (json[at] == '.' || json[at] == 'e' || json[at] == 'E')) {
            throw UNDECIDED;
        }
        int digits = at - start - (negative ? 1 : 0);
        if (digits > 16 || digits == 16 && Math.abs(Long.parseLong(new String(json, start, at - start, StandardCharsets.US_ASCII))) > EXACT) {
            throw UNDECIDED;
        }
    }

    /** Ends the scan with its outcome; shared and without a stack trace, since it is how most tampered lines end. */
    private static final class Stop extends RuntimeException {
        private final transient Form form;

        Stop(Form form) {
            super(form.name(), null, false, false);
            this.form = form;
        }
    }
}
