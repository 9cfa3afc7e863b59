package nl.evidencestore.command.access;

import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.http.Bodies;
import nl.evidencestore.shared.http.Role;

/** {@code POST /api/v1/access-events}: one access, or a batch of up to 10,000 in one transaction. */
public final class AccessEndpoints {
    public static final int MAX_BATCH = 10_000;
    private static final TypeReference<List<ReportedAccess>> BATCH = new TypeReference<>() {
    };

    private final AccessSubmitter submitter;

    public AccessEndpoints(AccessSubmitter submitter) {
        this.submitter = submitter;
    }

    public EndpointGroup routes() {
        return () -> post("/api/v1/access-events", this::record, Role.PUBLISHER, Role.ADMIN);
    }

    private void record(Context ctx) {
        AccessResult.Batch batch = submitter.submit(parse(ctx.bodyAsBytes()));
        ctx.status(batch.allRepeated() ? 200 : 201).json(batch);
    }

    /** A JSON object is one access, an array a batch; field errors name the item, e.g. {@code [17].categories[2]}. */
    public static List<ReportedAccess> parse(byte[] body) {
        JsonNode parsed = Bodies.parse(body, JsonNode.class);
        if (parsed.isObject()) {
            return List.of(Bodies.parse(body, ReportedAccess.class));
        }
        if (!parsed.isArray()) {
            throw new InvalidInput("$", "the body must be an access object or an array of them");
        }
        if (parsed.isEmpty() || parsed.size() > MAX_BATCH) {
            throw new InvalidInput("$", "a batch holds 1 to " + MAX_BATCH + " accesses");
        }
        return Bodies.parse(body, Bodies.type(BATCH));
    }
}
