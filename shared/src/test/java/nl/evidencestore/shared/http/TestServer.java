package nl.evidencestore.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.ControllerId;

/** A real Javalin on a free port with the common edge and a few stand-in routes, one per role set. */
final class TestServer implements AutoCloseable {
    static final String PUBLISHER = "publisher-token";
    static final String SECURITY = "security-token";
    static final String AUDITOR = "auditor-token";
    static final String ADMIN = "admin-token";

    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Javalin app) {
        this.app = app;
    }

    static TestServer start() {
        TokensFile tokens = TokensFile.of(Map.of(
                PUBLISHER, principal("ingest", Role.PUBLISHER),
                SECURITY, principal("soc", Role.SECURITY),
                AUDITOR, principal("audit-firm", Role.AUDITOR),
                ADMIN, principal("admin", Role.ADMIN)));
        return new TestServer(Javalin.create(config -> {
            HttpEdge.configure(config, tokens);
            config.routes.apiBuilder(StandInRoutes::routes);
        }).start(0));
    }

    private static Principal principal(String name, Role role) {
        return new Principal(name, Set.of(role), Set.of(ControllerId.of("C-1")));
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return post(path, token, BodyPublishers.ofString(json));
    }

    HttpResponse<String> post(String path, String token, BodyPublisher body) {
        return send(request(path, token).POST(body).header("Content-Type", "application/json"));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return app.port();
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
