package nl.evidencestore.infra.support;

import static nl.evidencestore.infra.support.OpenApiDocument.names;
import static nl.evidencestore.infra.support.OpenApiDocument.operation;
import static nl.evidencestore.infra.support.OpenApiDocument.pointer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import nl.evidencestore.shared.json.Json;

/**
 * openapi.json as the oracle of every HTTP exchange in the tests. {@link #check} holds a response
 * against its operation: a documented status, a documented content type, and a JSON body valid
 * against the documented schema. {@link #exchanged}, the hook {@link Api} calls, finds the
 * operation of a concrete path, and holds what the server accepted (2xx) against what the
 * document accepts: the request body and the query parameter names.
 */
public final class Contract {
    private static final String PROBLEM = "/components/schemas/Problem";
    private static final byte[] BYTES = resource();
    private static final OpenApiDocument DOCUMENT = new OpenApiDocument(parse(text(), "openapi.json"));
    private static final DocumentSchemas SCHEMAS = new DocumentSchemas(text());
    private static final AtomicLong EXCHANGES = new AtomicLong();

    private Contract() {
    }

    /** openapi.json exactly as packaged: what {@code GET /openapi.json} must serve. */
    public static byte[] document() {
        return BYTES.clone();
    }

    /** How many exchanges {@link #exchanged} has held against the contract in this JVM. */
    public static long exchangesChecked() {
        return EXCHANGES.get();
    }

    public static void check(String method, String pathTemplate, Api.Response response) {
        String at = method + " " + pathTemplate + " answered " + response.status();
        String operation = operation(method, pathTemplate);
        require(DOCUMENT.at(operation).isObject(), at, "the operation is not in openapi.json");
        String answer = DOCUMENT.resolve(operation + pointer("responses", String.valueOf(response.status())));
        require(DOCUMENT.has(answer), at, "the status is not documented; documented are "
                + names(DOCUMENT.at(operation + "/responses")));
        JsonNode content = DOCUMENT.at(answer + "/content");
        if (content.isEmpty()) {
            require(response.body().isEmpty(), at, "a body where the document has none");
            return;
        }
        String mediaType = mediaType(response.contentType());
        require(content.has(mediaType), at, "content type '" + response.contentType()
                + "' is not documented; documented are " + names(content));
        String schema = answer + pointer("content", mediaType, "schema");
        if (isJson(mediaType) && DOCUMENT.has(schema)) {
            holds(schema, response.body(), at);
        }
    }

    /** A request body that the server accepted must be one that the document accepts. */
    public static void checkRequest(String method, String pathTemplate, String body) {
        String at = method + " " + pathTemplate + " request";
        String request = DOCUMENT.resolve(operation(method, pathTemplate) + "/requestBody");
        String schema = request + pointer("content", "application/json", "schema");
        require(DOCUMENT.has(schema), at, "a JSON body where the document has none");
        holds(schema, body, at);
    }

    /** The {@link Api.Observer} of the store under test. */
    public static void exchanged(String method, String path, String requestBody, Api.Response response) {
        EXCHANGES.incrementAndGet();
        URI uri = URI.create(path);
        Optional<String> template = DOCUMENT.template(method, uri.getRawPath());
        if (template.isEmpty()) {
            String at = method + " " + uri.getRawPath() + " (not in openapi.json) answered " + response.status();
            require(response.status() >= 400 && response.status() < 500, at, "an undocumented operation must be refused");
            require(mediaType(response.contentType()).equals("application/problem+json"), at, "a refusal is a problem");
            holds(PROBLEM, response.body(), at);
            return;
        }
        check(method, template.get(), response);
        if (response.status() >= 200 && response.status() < 300) {
            if (requestBody != null) {
                checkRequest(method, template.get(), requestBody);
            }
            queryParameters(method, template.get(), uri.getRawQuery());
        }
    }

    /** The pointer to the JSON schema of an operation's request body, its {@code $ref}s followed. */
    public static String requestSchema(String method, String pathTemplate) {
        String request = DOCUMENT.resolve(operation(method, pathTemplate) + "/requestBody");
        return DOCUMENT.resolve(request + pointer("content", "application/json", "schema"));
    }

    /** The schema at a pointer into openapi.json, after following its {@code $ref}s: what a test generates from. */
    public static JsonNode schema(String pointer) {
        return DOCUMENT.at(DOCUMENT.resolve(pointer));
    }

    /** The pointer a schema's {@code $ref} leads to, or {@code pointer} itself when it has none. */
    public static String resolved(String pointer) {
        return DOCUMENT.resolve(pointer);
    }

    /** What is wrong with {@code instance} under the schema at a JSON pointer into openapi.json. */
    public static List<String> violations(String schemaPointer, JsonNode instance) {
        if (!DOCUMENT.has(schemaPointer)) {
            throw new IllegalArgumentException("openapi.json has nothing at " + schemaPointer);
        }
        return SCHEMAS.violations(schemaPointer, instance);
    }

    private static void queryParameters(String method, String template, String rawQuery) {
        if (rawQuery == null) {
            return;
        }
        Set<String> documented = DOCUMENT.queryParameters(method, template);
        for (String pair : rawQuery.split("&")) {
            String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            require(documented.contains(name), method + " " + template,
                    "query parameter '" + name + "' is not documented; documented are " + documented);
        }
    }

    private static void holds(String schema, String body, String at) {
        List<String> violations = SCHEMAS.violations(schema, parse(body, at));
        require(violations.isEmpty(), at, "the body does not match " + schema + ": " + violations + "\n" + body);
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static JsonNode parse(String json, String at) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            require(!node.isMissingNode(), at, "an empty body where JSON is documented");
            return node;
        } catch (IOException e) {
            throw new AssertionError(at + ": not JSON: " + json, e);
        }
    }

    private static void require(boolean condition, String at, String complaint) {
        if (!condition) {
            throw new AssertionError(at + ": " + complaint);
        }
    }

    private static String text() {
        return new String(BYTES, StandardCharsets.UTF_8);
    }

    private static byte[] resource() {
        try (InputStream in = Contract.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
