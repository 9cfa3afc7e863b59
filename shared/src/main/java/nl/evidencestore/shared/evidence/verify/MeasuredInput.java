package nl.evidencestore.shared.evidence.verify;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes and counts what is read through it, so a file read once for its lines is measured too. */
final class MeasuredInput extends FilterInputStream {
    private final MessageDigest digest;
    private long size;

    MeasuredInput(InputStream in) {
        super(in);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update((byte) b);
            size++;
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = in.read(bytes, offset, length);
        if (n > 0) {
            digest.update(bytes, offset, n);
            size += n;
        }
        return n;
    }

    /** Reads what is left, so the measure covers the whole stream. */
    Measure finish() throws IOException {
        byte[] rest = new byte[1 << 16];
        while (read(rest, 0, rest.length) >= 0) {
            // Only hashed and counted.
        }
        return new Measure(HexFormat.of().formatHex(digest.digest()), size);
    }

    record Measure(String sha256, long size) {
    }
}
