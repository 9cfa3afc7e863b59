package nl.evidencestore.shared.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The RFC 9162 §2.1.1 hashes: distinct prefixes keep a leaf from passing for an inner node. */
public final class TreeHash {
    public static final int SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /**
     * One digest per thread: the log appender hashes the inner nodes of every tile it completes,
     * and looking the algorithm up for each node cost it a fifth of its thread under W1. Each
     * method below uses it start to finish without calling out, and digest() resets it.
     */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(TreeHash::sha256);

    private TreeHash() {
    }

    /** MTH({}) = SHA-256() — the root of a tree without leaves. */
    public static byte[] empty() {
        return sha256().digest();
    }

    /** MTH({d}) = SHA-256(0x00 ‖ d). */
    public static byte[] leaf(byte[] data) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        return digest.digest(data);
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
