package nl.evidencestore.shared.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes on while hashing and counting them, so a bundle file's SHA-256 and size are known
 * without holding it. Closing it leaves the stream below open: that is the ZIP's other entries.
 */
final class DigestingOutput extends FilterOutputStream {
    private final MessageDigest digest;
    private long size;

    DigestingOutput(OutputStream out) {
        super(out);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        digest.update(bytes, offset, length);
        size += length;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    Manifest.FileEntry entry(String name) {
        return new Manifest.FileEntry(name, HexFormat.of().formatHex(digest.digest()), size);
    }
}
