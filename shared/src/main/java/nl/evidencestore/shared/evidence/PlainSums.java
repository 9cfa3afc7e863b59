package nl.evidencestore.shared.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * What a bundle file's plain bytes sum to as they pass: the SHA-256 and size the manifest states,
 * and the CRC-32 the ZIP states.
 */
final class PlainSums {
    private final MessageDigest digest;
    private final CRC32 crc = new CRC32();
    private long size;

    PlainSums() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        crc.update(bytes, offset, length);
        size += length;
    }

    long crc() {
        return crc.getValue();
    }

    long size() {
        return size;
    }

    /** The manifest's entry; once only, it ends the digest. */
    Manifest.FileEntry entry(String name) {
        return new Manifest.FileEntry(name, HexFormat.of().formatHex(digest.digest()), size);
    }
}
