package nl.evidencestore.infra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.evidencestore.infra.EvidenceStore;
import nl.evidencestore.infra.Settings;
import nl.evidencestore.shared.http.TokensFile;
import nl.evidencestore.shared.json.Json;

/** A whole store for a benchmark: embedded broker and PostgreSQL in {@code dir}, any free ports, one ADMIN token. */
final class BenchStore {
    private BenchStore() {
    }

    static EvidenceStore start(Path dir, String adminToken) throws IOException {
        return EvidenceStore.start(settings(dir, adminToken));
    }

    /** The settings such a store runs with; writes its tokens file. */
    static Settings settings(Path dir, String adminToken) throws IOException {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("EVIDENCE_DATA_DIR", dir.toString());
        environment.put("EVIDENCE_HTTP_PORT", "0");
        environment.put("EVIDENCE_KAFKA_PORT", "0");
        environment.put("EVIDENCE_TOKENS_FILE", tokensFile(dir, adminToken).toString());
        return Settings.from(environment);
    }

    /** {@code dir/tokens.json} with one principal: ADMIN, holding {@code adminToken}. */
    static Path tokensFile(Path dir, String adminToken) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("tokens.json");
        Files.write(file, Json.write(Map.of("principals", List.of(Map.of("name", "bench",
                "tokenSha256", TokensFile.sha256Hex(adminToken), "roles", List.of("ADMIN"), "controllers", List.of())))));
        return file;
    }
}
