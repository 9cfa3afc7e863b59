package nl.evidencestore.command.access;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.http.Bodies;

/** Reads access-events as HTTP and Kafka receive them: one access object, or an array of up to 10,000. */
public final class ReportedAccesses {
    public static final int MAX_BATCH = 10_000;
    private static final TypeReference<List<ReportedAccess>> BATCH = new TypeReference<>() {
    };

    private ReportedAccesses() {
    }

    /** Field errors name the item, e.g. {@code [17].categories[2]}. */
    public static List<ReportedAccess> parse(byte[] json) {
        JsonNode parsed = Bodies.parse(json, JsonNode.class);
        if (parsed.isObject()) {
            return List.of(Bodies.parse(json, ReportedAccess.class));
        }
        if (!parsed.isArray()) {
            throw new InvalidInput("$", "the body must be an access object or an array of them");
        }
        if (parsed.isEmpty() || parsed.size() > MAX_BATCH) {
            throw new InvalidInput("$", "a batch holds 1 to " + MAX_BATCH + " accesses");
        }
        return Bodies.parse(json, Bodies.type(BATCH));
    }
}
