package nl.evidencestore.shared.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.json.Json;

/**
 * The API principals (api.md, "Tokens file"). Only SHA-256 hashes of tokens are kept, on disk
 * and in memory; a presented token is hashed and compared in constant time with every entry.
 */
public final class TokensFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(byte[] tokenSha256, Principal principal) {
    }

    private final List<Entry> entries;

    private TokensFile(TokensDocument document) {
        this.entries = document.principals().stream()
                .map(grant -> new Entry(HexFormat.of().parseHex(grant.tokenSha256()), grant.toPrincipal()))
                .toList();
    }

    /**
     * Reads the file, or on first start creates it with one ADMIN named "admin" and hands that
     * admin's token to {@code announceOnce}: the only time it exists outside its holder's hands.
     */
    public static TokensFile openOrInitialise(Path file, Consumer<String> announceOnce) {
        if (Files.exists(file)) {
            return new TokensFile(read(file));
        }
        String token = newToken();
        TokensDocument document = TokensDocument.firstAdmin(sha256Hex(token));
        OwnerOnlyFile.write(file, Json.write(document));
        // Announced only once the hash is safely stored: a token that was never stored opens nothing.
        announceOnce.accept(token);
        return new TokensFile(document);
    }

    /** Principals keyed by plaintext token, for tests and tools that start the HTTP edge without a file. */
    public static TokensFile of(Map<String, Principal> principalsByToken) {
        return new TokensFile(TokensDocument.of(principalsByToken));
    }

    public Optional<Principal> authenticate(String bearerToken) {
        byte[] presented = sha256(bearerToken);
        Principal found = null;
        // Every entry is compared, also after a match, so timing says nothing about which one matched.
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.tokenSha256(), presented)) {
                found = entry.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The lowercase hex SHA-256 of a token's UTF-8 bytes, as the file stores it. */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** 32 random bytes, URL-safe base64: fits an Authorization header without escaping. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static TokensDocument read(Path file) {
        try {
            return Bodies.parse(Files.readAllBytes(file), TokensDocument.class);
        } catch (InvalidInput e) {
            throw new IllegalStateException("tokens file " + file + " is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokens file " + file, e);
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
