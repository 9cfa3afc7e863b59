package nl.evidencestore.command.store;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * HMAC-SHA256 under a secret the store keeps in a one-row table of its own, in lower-case hex.
 * Equal input gives equal digests, so a lookup or a repeat still matches; but unlike a plain
 * hash, nobody without the secret can confirm a guessed input (a subject reference) from it.
 * The key store's lookups and the command ledger's content digests each have their own secret.
 */
public final class KeyedDigest {
    private static final int SECRET_BYTES = 32;

    /** One Mac per thread: a batch of 10,000 accesses digests 10,000 inputs. */
    private final ThreadLocal<Mac> macs;

    KeyedDigest(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });
    }

    /**
     * The digest under the secret in {@code secretTable} (columns {@code id, secret}), made on
     * first use; the table must exist. Two stores starting at once keep the first one written.
     */
    public static KeyedDigest withSecretIn(ConnectionProvider connections, String secretTable) {
        byte[] fresh = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(fresh);
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + secretTable + " (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING");
             PreparedStatement select = connection.prepareStatement(
                     "SELECT secret FROM " + secretTable + " WHERE id = 1")) {
            insert.setBytes(1, fresh);
            insert.executeUpdate();
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new KeyedDigest(row.getBytes(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the secret in " + secretTable, e);
        }
    }

    public String of(byte[] input) {
        return HexFormat.of().formatHex(macs.get().doFinal(input));
    }
}
