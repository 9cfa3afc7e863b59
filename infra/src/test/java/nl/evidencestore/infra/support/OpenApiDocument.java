package nl.evidencestore.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Finding one's way in openapi.json by JSON pointer (RFC 6901), following its {@code $ref}s. */
final class OpenApiDocument {
    private final JsonNode root;

    OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** A JSON pointer made of these tokens, each escaped. */
    static String pointer(String... tokens) {
        return Arrays.stream(tokens).map(t -> "/" + t.replace("~", "~0").replace("/", "~1")).collect(Collectors.joining());
    }

    static List<String> names(JsonNode object) {
        return StreamSupport.stream(((Iterable<String>) object::fieldNames).spliterator(), false).toList();
    }

    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    boolean has(String pointer) {
        return !root.at(pointer).isMissingNode();
    }

    /** The pointer to what a pointer leads to once its {@code $ref}s are followed. */
    String resolve(String pointer) {
        JsonNode node = root.at(pointer);
        while (node.path("$ref").asText().startsWith("#")) {
            pointer = node.path("$ref").asText().substring(1);
            node = root.at(pointer);
        }
        return pointer;
    }

    static String operation(String method, String pathTemplate) {
        return pointer("paths", pathTemplate, method.toLowerCase(Locale.ROOT));
    }

    /** The documented path of this method that a concrete path matches; literal segments win over templates. */
    Optional<String> template(String method, String path) {
        String[] segments = path.split("/", -1);
        return names(root.path("paths")).stream()
                .filter(template -> matches(template.split("/", -1), segments))
                .filter(template -> at(operation(method, template)).isObject())
                .max(Comparator.comparingLong(OpenApiDocument::literalSegments));
    }

    /** The names of the query parameters of an operation, its path's included. */
    Set<String> queryParameters(String method, String pathTemplate) {
        return Stream.concat(elements(pointer("paths", pathTemplate, "parameters")),
                        elements(operation(method, pathTemplate) + "/parameters"))
                .map(parameter -> at(resolve(parameter)))
                .filter(parameter -> parameter.path("in").asText().equals("query"))
                .map(parameter -> parameter.path("name").asText())
                .collect(Collectors.toSet());
    }

    private Stream<String> elements(String array) {
        return IntStream.range(0, at(array).size()).mapToObj(i -> array + "/" + i);
    }

    private static boolean matches(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith("{") && !segments[i].isEmpty();
            if (!parameter && !template[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static long literalSegments(String template) {
        return Arrays.stream(template.split("/")).filter(segment -> !segment.startsWith("{")).count();
    }
}
