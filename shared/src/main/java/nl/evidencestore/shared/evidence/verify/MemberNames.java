package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The member names one JSON object of a known shape may have, in JCS order, matched against a
 * name's bytes in place: canonical members come in that order, so each is looked for after the
 * one before, and no name is ever made into a string.
 */
public final class MemberNames {
    private final byte[][] names;

    public MemberNames(String... names) {
        this.names = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            this.names[i] = names[i].getBytes(StandardCharsets.UTF_8);
            if (i > 0 && Arrays.compare(this.names[i - 1], this.names[i]) >= 0) {
                throw new IllegalArgumentException("names in JCS order: " + names[i]);
            }
        }
    }

    /** Names are short: a plain loop beats the vectorised compare's set-up. */
    private static boolean same(byte[] json, int from, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (json[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** The index of the name in {@code json[from, to)}, looked for from index {@code after + 1}; -1 when it is none of them. */
    public int find(byte[] json, int from, int to, int after) {
        int length = to - from;
        for (int i = after + 1; i < names.length; i++) {
            byte[] name = names[i];
            if (name.length == length && same(json, from, name)) {
                return i;
            }
        }
        return -1;
    }
}
