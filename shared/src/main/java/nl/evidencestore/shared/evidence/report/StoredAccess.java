package nl.evidencestore.shared.evidence.report;

import static nl.evidencestore.shared.evidence.AccessMembers.ACCESS;
import static nl.evidencestore.shared.evidence.AccessMembers.ACTOR;
import static nl.evidencestore.shared.evidence.AccessMembers.SUBJECT;
import static nl.evidencestore.shared.evidence.AccessMembers.VERDICT;
import static nl.evidencestore.shared.evidence.AccessMembers.VIOLATION;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.evidencestore.shared.evidence.LineBytes;
import nl.evidencestore.shared.evidence.verify.MemberNames;
import nl.evidencestore.shared.json.Swar;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * An access's stored payload read in place, for its timeline.csv row and its share of the
 * report: the exporter's path for nearly every line of a bundle, without the
 * {@code AccessRecorded} record, its validated parts, or a string per cell. The payload was
 * validated when it was recorded, and the verifier makes every row again from the record
 * ({@link TimelineCsv#appendRow}), which a test holds this class to on random accesses.
 *
 * <p>Only the plain shape is read: canonical members as the store writes them, every string
 * ASCII from 0x20 to 0x7f without an escape. Anything else (an escape, non-ASCII text, a member it does
 * not know, a null) makes {@link #read} say no, and the caller decodes the line as before.
 * Not thread-safe: one per thread, reused line after line.
 */
public final class StoredAccess {
    private static final byte[] COMPLIANT = "COMPLIANT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VIOLATION_OUTCOME = "VIOLATION".getBytes(StandardCharsets.US_ASCII);
    /** {@code DataCategory.sensitive()}'s names. */
    private static final byte[][] SENSITIVE = {"BSN".getBytes(StandardCharsets.US_ASCII),
            "DENTAL_NOTES".getBytes(StandardCharsets.US_ASCII), "DENTAL_PHOTOS".getBytes(StandardCharsets.US_ASCII)};

    // The string members a row or the report reads, by slot (SCRATCH: the rest): where each value's text starts and ends.
    private static final int ACCESS_ID = 0;
    private static final int ACTOR_ID = 1;
    private static final int ACTOR_KIND = 2;
    private static final int SUB_PROCESSOR = 3;
    private static final int AGREEMENT = 4;
    private static final int COUNTRY = 5;
    private static final int INSTRUCTION = 6;
    private static final int OCCURRED_AT = 7;
    private static final int PURPOSE = 8;
    private static final int SCRATCH = 9;
    private static final int CIPHERTEXT = 10;
    private static final int KEY_ID = 11;
    private static final int SYSTEM = 12;
    private static final int OUTCOME = 13;
    private static final int SLOTS = 14;

    private final int[] from = new int[SLOTS];
    private final int[] to = new int[SLOTS];
    private final int[] single = new int[2];
    /** Each category's and each violation's article's text, as (from, to) pairs. */
    private int[] categories = new int[8];
    private int categoryCount;
    private int[] articles = new int[8];
    private int articleCount;
    private boolean categoriesRead;
    private boolean violationsRead;
    /** -1 while not read, else 0 or 1. */
    private int instructionVerified;
    private int recordedLate;
    private long keyHigh;
    private long keyLow;
    private byte[] json;
    private int at;

    /**
     * Reads the payload; false, with nothing to be asked of this reader, when it is not of the
     * plain shape or lacks a member a row needs: then the caller decodes the line as before.
     */
    public boolean read(byte[] payload) {
        json = payload;
        at = 0;
        Arrays.fill(from, -1);
        categoryCount = 0;
        articleCount = 0;
        categoriesRead = false;
        violationsRead = false;
        instructionVerified = -1;
        recordedLate = -1;
        try {
            return access() && at == payload.length && complete();
        } catch (ArrayIndexOutOfBoundsException e) {
            // Truncated bytes: not the plain shape.
            return false;
        }
    }

    /** Everything a row and the report take from an access is there, as the record would have it. */
    private boolean complete() {
        return from[ACCESS_ID] >= 0 && from[ACTOR_ID] >= 0 && from[ACTOR_KIND] >= 0 && from[AGREEMENT] >= 0
                && from[OCCURRED_AT] >= 0 && from[PURPOSE] >= 0 && from[CIPHERTEXT] >= 0 && from[KEY_ID] >= 0
                && (is(OUTCOME, COMPLIANT) || is(OUTCOME, VIOLATION_OUTCOME)) && categoriesRead && violationsRead
                && instructionVerified >= 0 && recordedLate >= 0 && occurredAtPlain();
    }

    /** Whether the access names this agreement. */
    public boolean ofAgreement(String agreementId) {
        int length = to[AGREEMENT] - from[AGREEMENT];
        if (length != agreementId.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (json[from[AGREEMENT] + i] != agreementId.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The subject's key id, which names its cell. */
    public String keyId() {
        return text(KEY_ID);
    }

    /**
     * Whether the key id is a UUID as the store makes them (lower-case, hyphenated); then its
     * two halves are {@link #keyIdHigh} and {@link #keyIdLow}, which name the cell without a string.
     */
    public boolean keyIdIsUuid() {
        int start = from[KEY_ID];
        if (to[KEY_ID] - start != 36) {
            return false;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 36; i++) {
            byte c = json[start + i];
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
                continue;
            }
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return false;
            }
            if (i < 18) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
        }
        keyHigh = high;
        keyLow = low;
        return true;
    }

    public long keyIdHigh() {
        return keyHigh;
    }

    public long keyIdLow() {
        return keyLow;
    }

    /** The sealed subject reference, for a cell not opened before. */
    public SealedSubject subject() {
        return new SealedSubject(text(KEY_ID), text(CIPHERTEXT));
    }

    /** The access's share of the report. */
    public AccessFigures figures() {
        boolean sensitive = false;
        for (int i = 0; i < categoryCount && !sensitive; i++) {
            for (byte[] name : SENSITIVE) {
                sensitive |= same(categories[2 * i], categories[2 * i + 1], name);
            }
        }
        if (articleCount == 0) {
            return AccessFigures.of(is(OUTCOME, COMPLIANT), recordedLate == 1, sensitive, instructionVerified == 1);
        }
        List<String> violated = new ArrayList<>(articleCount);
        for (int i = 0; i < articleCount; i++) {
            violated.add(new String(json, articles[2 * i], articles[2 * i + 1] - articles[2 * i], StandardCharsets.ISO_8859_1));
        }
        return new AccessFigures(is(OUTCOME, COMPLIANT), recordedLate == 1, sensitive, instructionVerified == 1,
                text(ACCESS_ID), violated);
    }

    /**
     * The row's bytes up to its last cell, the subject's, which is opened later for a run of rows
     * at once: the same bytes as {@link TimelineCsv#appendRow} writes before it.
     * {@code recordedAt} is the envelope's, as {@code EventHash.format} writes it.
     */
    public void appendRowBeforeSubject(LineBytes out, String recordedAt) {
        occurredAt(out);
        out.ascii(',');
        TimelineCsv.appendCell(out, recordedAt);
        out.ascii(',');
        cell(out, ACCESS_ID);
        cell(out, ACTOR_ID);
        cell(out, ACTOR_KIND);
        cell(out, SUB_PROCESSOR);
        cell(out, PURPOSE);
        cell(out, INSTRUCTION);
        joined(out, categories, categoryCount);
        cell(out, COUNTRY);
        cell(out, SYSTEM);
        cell(out, OUTCOME);
        joined(out, articles, articleCount);
        out.ascii(recordedLate == 1 ? "true," : "false,");
    }

    /** {@code EventHash.format(occurredAt)}: the text Jackson wrote, its fraction cut or padded to six digits. */
    private void occurredAt(LineBytes out) {
        int start = from[OCCURRED_AT];
        int fraction = to[OCCURRED_AT] - start - 21;
        out.bytes(json, start, 19).ascii('.');
        if (fraction >= 6) {
            out.bytes(json, start + 20, 6);
        } else {
            if (fraction > 0) {
                out.bytes(json, start + 20, fraction);
            }
            for (int i = Math.max(fraction, 0); i < 6; i++) {
                out.ascii('0');
            }
        }
        out.ascii('Z');
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, 1 to 9 fraction digits: {@code Instant.toString}'s form for
     * the years a row writes with four digits. Any other form goes the record's way.
     */
    private boolean occurredAtPlain() {
        int start = from[OCCURRED_AT];
        int length = to[OCCURRED_AT] - start;
        if (length != 20 && (length < 22 || length > 30) || json[start + length - 1] != 'Z') {
            return false;
        }
        for (int i = 0; i < length - 1; i++) {
            byte c = json[start + i];
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                case 19 -> c == '.';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A cell as {@link CsvCells#append} writes it, and its comma. */
    private void cell(LineBytes out, int slot) {
        if (from[slot] >= 0) {
            single[0] = from[slot];
            single[1] = to[slot];
            textCell(out, single, 1);
        }
        out.ascii(',');
    }

    /** Texts joined by semicolons into one cell, as the row joins a list, and its comma. */
    private void joined(LineBytes out, int[] pairs, int count) {
        textCell(out, pairs, count);
        out.ascii(',');
    }

    /**
     * The texts of {@code count} (from, to) pairs joined by semicolons, written as one cell: an
     * apostrophe before what a spreadsheet would read as a formula, quotes around a comma. The
     * texts read hold no quote, CR or LF (those come escaped, which this reader leaves alone).
     */
    private void textCell(LineBytes out, int[] pairs, int count) {
        if (count == 0 || count == 1 && pairs[0] == pairs[1]) {
            return;
        }
        boolean formula = pairs[0] < pairs[1] && CsvCells.formulaStart(json[pairs[0]]);
        boolean quoted = false;
        for (int i = 0; i < count && !quoted; i++) {
            for (int j = pairs[2 * i]; j < pairs[2 * i + 1] && !quoted; j++) {
                quoted = json[j] == ',';
            }
        }
        if (quoted) {
            out.ascii('"');
        }
        if (formula) {
            out.ascii('\'');
        }
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.ascii(';');
            }
            out.bytes(json, pairs[2 * i], pairs[2 * i + 1] - pairs[2 * i]);
        }
        if (quoted) {
            out.ascii('"');
        }
    }

    private boolean access() {
        if (!expect('{')) {
            return false;
        }
        int last = -1;
        do {
            last = name(ACCESS, last);
            if (last < 0 || !accessMember(last)) {
                return false;
            }
        } while (json[at++] == ',');
        return json[at - 1] == '}';
    }

    private boolean accessMember(int name) {
        return switch (name) {
            case 0 -> string(ACCESS_ID);
            case 1 -> actor();
            case 2 -> string(AGREEMENT);
            case 3 -> categories();
            case 4 -> string(COUNTRY);
            case 5 -> string(INSTRUCTION);
            case 6 -> (instructionVerified = bool()) >= 0;
            case 7 -> string(OCCURRED_AT);
            case 8 -> string(PURPOSE);
            case 9 -> (recordedLate = bool()) >= 0;
            case 10 -> string(-1);
            case 11 -> subjectMember();
            case 12 -> string(SYSTEM);
            default -> verdict();
        };
    }

    private boolean actor() {
        if (!expect('{')) {
            return false;
        }
        int last = -1;
        do {
            last = name(ACTOR, last);
            if (last < 0 || !string(last == 0 ? ACTOR_ID : last == 1 ? ACTOR_KIND : SUB_PROCESSOR)) {
                return false;
            }
        } while (json[at++] == ',');
        return json[at - 1] == '}';
    }

    private boolean subjectMember() {
        if (!expect('{')) {
            return false;
        }
        int last = -1;
        do {
            last = name(SUBJECT, last);
            if (last < 0 || !string(last == 0 ? CIPHERTEXT : KEY_ID)) {
                return false;
            }
        } while (json[at++] == ',');
        return json[at - 1] == '}';
    }

    private boolean verdict() {
        if (!expect('{')) {
            return false;
        }
        int last = -1;
        do {
            last = name(VERDICT, last);
            if (last < 0 || !(last == 0 ? string(OUTCOME) : violations())) {
                return false;
            }
        } while (json[at++] == ',');
        return json[at - 1] == '}';
    }

    private boolean categories() {
        if (!expect('[')) {
            return false;
        }
        categoriesRead = true;
        if (json[at] == ']') {
            at++;
            return true;
        }
        do {
            if (!string(-1)) {
                return false;
            }
            categories = pair(categories, categoryCount++, from[SCRATCH], to[SCRATCH]);
        } while (json[at++] == ',');
        return json[at - 1] == ']';
    }

    private boolean violations() {
        if (!expect('[')) {
            return false;
        }
        violationsRead = true;
        if (json[at] == ']') {
            at++;
            return true;
        }
        do {
            if (!violation()) {
                return false;
            }
        } while (json[at++] == ',');
        return json[at - 1] == ']';
    }

    /** A violation of the plain shape has its article: the row joins it. */
    private boolean violation() {
        if (!expect('{')) {
            return false;
        }
        int last = -1;
        boolean article = false;
        do {
            last = name(VIOLATION, last);
            if (last < 0 || !string(-1)) {
                return false;
            }
            if (last == 0) {
                articles = pair(articles, articleCount++, from[SCRATCH], to[SCRATCH]);
                article = true;
            }
        } while (json[at++] == ',');
        return json[at - 1] == '}' && article;
    }

    private static int[] pair(int[] pairs, int index, int start, int end) {
        int[] grown = pairs.length < 2 * index + 2 ? Arrays.copyOf(pairs, pairs.length * 2) : pairs;
        grown[2 * index] = start;
        grown[2 * index + 1] = end;
        return grown;
    }

    /** A member's name and its colon: the name's index among {@code names} after {@code last}, or -1. */
    private int name(MemberNames names, int last) {
        if (!expect('"')) {
            return -1;
        }
        int start = at;
        while (json[at] != '"') {
            at++;
        }
        int found = names.find(json, start, at++, last);
        return found >= 0 && expect(':') ? found : -1;
    }

    /**
     * A string of ASCII from 0x20 to 0x7f without an escape (what JSON and the CSV cells take as
     * they are) into {@code slot} (-1: into the scratch slot,
     * where referenceData and lists' elements pass through); false for any other value.
     */
    private boolean string(int slot) {
        if (!expect('"')) {
            return false;
        }
        int start = at;
        at = Swar.plainAscii(json, at, json.length);
        for (byte c = json[at]; c != '"'; c = json[++at]) {
            if (c < 0x20 || c == '\\') {
                return false;
            }
        }
        int target = slot < 0 ? SCRATCH : slot;
        from[target] = start;
        to[target] = at++;
        return true;
    }

    /** 1 for true, 0 for false, -1 for anything else. */
    private int bool() {
        if (json[at] == 't' && json[at + 1] == 'r' && json[at + 2] == 'u' && json[at + 3] == 'e') {
            at += 4;
            return 1;
        }
        if (json[at] == 'f' && json[at + 1] == 'a' && json[at + 2] == 'l' && json[at + 3] == 's' && json[at + 4] == 'e') {
            at += 5;
            return 0;
        }
        return -1;
    }

    private boolean expect(char c) {
        return json[at++] == c;
    }

    private boolean is(int slot, byte[] text) {
        return from[slot] >= 0 && same(from[slot], to[slot], text);
    }

    private boolean same(int start, int end, byte[] text) {
        return end - start == text.length && Arrays.equals(json, start, end, text, 0, text.length);
    }

    private String text(int slot) {
        return new String(json, from[slot], to[slot] - from[slot], StandardCharsets.ISO_8859_1);
    }
}
