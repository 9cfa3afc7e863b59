package nl.evidencestore.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.evidencestore.shared.json.Json;

/**
 * A plain HTTP client for a running store, as an internal system or a person would call it.
 * An {@link Observer} sees every exchange: {@link StoreUnderTest} holds each against the contract.
 */
public final class Api {
    /** One exchange: status, content type and body, parsed when it is JSON. */
    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** Sees each exchange after it completed; {@code requestBody} is null for a GET. */
    @FunctionalInterface
    public interface Observer {
        void exchanged(String method, String path, String requestBody, Response response);
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Observer observer;

    public Api(int port) {
        this(port, (method, path, requestBody, response) -> {
        });
    }

    public Api(int port, Observer observer) {
        this.base = "http://127.0.0.1:" + port;
        this.observer = observer;
    }

    public Response get(String path, String token) {
        Response response = send(request(path, token).GET());
        observer.exchanged("GET", path, null, response);
        return response;
    }

    public Response post(String path, String token, String json) {
        Response response = send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        observer.exchanged("POST", path, json, response);
        return response;
    }

    /** The body of a GET exactly as the server sent it, for comparisons byte for byte. */
    public byte[] getBytes(String path) {
        return getBytes(path, null);
    }

    public byte[] getBytes(String path, String token) {
        return exchange(request(path, token).GET(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
