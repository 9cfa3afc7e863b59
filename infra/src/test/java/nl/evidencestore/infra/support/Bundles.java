package nl.evidencestore.infra.support;

import static nl.evidencestore.infra.support.Principals.ADMIN;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Verification;
import nl.evidencestore.shared.integrity.VerificationKey;

/** An agreement's evidence as an auditor receives it, verified offline with the store's public key. */
public final class Bundles {
    private Bundles() {
    }

    /** A bundle of everything the agreement recorded so far, exported by an admin (of any practice) and verified. */
    public static Verification exportedAndVerified(Api api, String agreementId, Path directory) throws IOException {
        JsonNode events = api.get("/api/v1/agreements/" + agreementId + "/events", SECURITY).json().get("events");
        String from = events.get(0).get("recordedAt").asText();
        String to = events.get(events.size() - 1).get("recordedAt").asText();
        Api.Response exported = api.post("/api/v1/evidence-bundles", ADMIN, """
                {"agreementId":"%s","from":"%s","to":"%s"}""".formatted(agreementId, from, to));
        assertThat(exported.status()).as(exported.body()).isEqualTo(201);
        byte[] zip = api.getBytes("/api/v1/evidence-bundles/" + exported.json().get("bundleId").asText(), ADMIN);
        Path file = Files.createTempFile(directory, "bundle", ".zip");
        Files.write(file, zip);
        VerificationKey key = VerificationKey.fromPem(api.get("/api/v1/public-key", ADMIN).body());
        return BundleVerifier.verify(file, Optional.of(key), Optional.empty());
    }

    /** The files of a bundle by name, in the ZIP's order. */
    public static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The bundle with one file changed, as someone tampering with it would write it. */
    public static byte[] rewrite(byte[] zip, String file, UnaryOperator<byte[]> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries(zip).entrySet()) {
                rewritten.putNextEntry(new ZipEntry(entry.getKey()));
                rewritten.write(entry.getKey().equals(file) ? change.apply(entry.getValue()) : entry.getValue());
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
