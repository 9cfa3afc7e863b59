package nl.evidencestore.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.evidencestore.shared.http.TokensFile;
import nl.evidencestore.shared.json.Json;

/** One token per role, written into a tokens file before the store starts. */
public final class Principals {
    public static final String ADMIN = "admin-token-for-tests-only-000000000000";
    public static final String PUBLISHER = "publisher-token-for-tests-only-00000000";
    public static final String SECURITY = "security-token-for-tests-only-000000000";
    /** An auditor of {@link #AUDITED_CONTROLLER} only. */
    public static final String AUDITOR = "auditor-token-for-tests-only-0000000000";
    public static final String AUDITED_CONTROLLER = "practice-audited";

    private Principals() {
    }

    public static Path writeTokensFile(Path file) {
        List<Map<String, Object>> principals = List.of(
                principal("admin", ADMIN, "ADMIN", List.of()),
                principal("remote-support-tool", PUBLISHER, "PUBLISHER", List.of()),
                principal("privacy-officer", SECURITY, "SECURITY", List.of()),
                principal("auditor", AUDITOR, "AUDITOR", List.of(AUDITED_CONTROLLER)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Json.write(Map.of("principals", principals)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> principal(String name, String token, String role, List<String> controllers) {
        return Map.of("name", name, "tokenSha256", TokensFile.sha256Hex(token), "roles", List.of(role),
                "controllers", controllers);
    }
}
