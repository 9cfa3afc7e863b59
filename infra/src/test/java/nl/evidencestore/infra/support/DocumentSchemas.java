package nl.evidencestore.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of openapi.json read in OpenAPI 3.1's own dialect: JSON Schema 2020-12 plus
 * annotations such as {@code discriminator}. Each is found by its JSON pointer, and its
 * {@code #/components/…} references resolve inside the same document.
 */
final class DocumentSchemas {
    /** The name the document is registered under; .invalid, so nothing can ever be fetched from it. */
    private static final String IRI = "https://evidence-store.invalid/openapi.json";
    /** The document's own members: the document is the root of every schema in it, but none of them validates. */
    private static final List<String> DOCUMENT_MEMBERS = List.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags", "externalDocs");

    private final SchemaRegistry registry;
    private final Map<String, Schema> byPointer = new ConcurrentHashMap<>();

    DocumentSchemas(String document) {
        Dialect openApi31 = Dialect.builder(Dialects.getOpenApi31())
                .keywords(DOCUMENT_MEMBERS.stream().map(NonValidationKeyword::new).toList())
                .build();
        registry = SchemaRegistry.withDefaultDialect(openApi31, builder -> builder
                .schemas(Map.of(IRI, document))
                // 2020-12 only annotates "format" unless told to assert it; a date must be a date.
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** What is wrong with {@code instance} under the schema at {@code pointer}; empty when it is valid. */
    List<String> violations(String pointer, JsonNode instance) {
        Schema schema = byPointer.computeIfAbsent(pointer,
                p -> registry.getSchema(SchemaLocation.of(IRI + "#" + fragment(p))));
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    /** Path templates put braces in pointers; a URI fragment may not hold them unescaped. */
    private static String fragment(String pointer) {
        return pointer.replace("{", "%7B").replace("}", "%7D");
    }
}
