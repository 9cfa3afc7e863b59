package nl.evidencestore.command.access;

import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.json.Json;

/** {@code POST /api/v1/access-events}: one access, or a batch of up to 10,000 in one transaction. */
public final class AccessEndpoints {
    private final AccessSubmitter submitter;

    public AccessEndpoints(AccessSubmitter submitter) {
        this.submitter = submitter;
    }

    public EndpointGroup routes() {
        return () -> post("/api/v1/access-events", this::record, Role.PUBLISHER, Role.ADMIN);
    }

    private void record(Context ctx) {
        AccessResult.Batch batch = submitter.submit(ReportedAccesses.parse(ctx.bodyAsBytes()));
        // The answer's bytes straight from Jackson: ctx.json would write a String and encode it again.
        ctx.status(batch.allRepeated() ? 200 : 201).contentType(ContentType.APPLICATION_JSON).result(Json.write(batch));
    }
}
