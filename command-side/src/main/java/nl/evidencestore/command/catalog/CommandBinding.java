package nl.evidencestore.command.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.http.Bodies;
import nl.evidencestore.shared.json.Json;

/** Turns a JSON body (plus the path's parameters, over HTTP) into the route's command record. */
public final class CommandBinding {
    private CommandBinding() {
    }

    public static IdempotentCommand bind(CommandRoute route, byte[] body, Map<String, String> pathParameters) {
        JsonNode parsed = Bodies.parse(body, JsonNode.class);
        if (!(parsed instanceof ObjectNode object)) {
            throw new InvalidInput("$", "the body must be a JSON object");
        }
        pathParameters.forEach((name, value) -> {
            JsonNode given = object.get(name);
            if (given != null && !given.isNull()) {
                if (!given.isTextual()) {
                    throw new InvalidInput(name, "must be a string");
                }
                if (!value.equals(given.textValue())) {
                    throw new InvalidInput(name, "differs from the " + name + " in the path");
                }
            }
            object.put(name, value);
        });
        return Bodies.parse(Json.write(object), route.command());
    }
}
