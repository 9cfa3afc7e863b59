package nl.evidencestore.shared.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import nl.evidencestore.shared.error.PositionNotReached;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.model.DataCategory;

/** Routes standing in for the real endpoints: one per role set and one per kind of failure. */
final class StandInRoutes {
    record Thing(String name, List<DataCategory> categories, long count) {
        Thing {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is required");
            }
        }
    }

    private StandInRoutes() {
    }

    static void routes() {
        get("/health", ctx -> ctx.result("UP"));
        path("/api/v1", () -> {
            post("/things", ctx -> {
                List<Thing> things = Bodies.read(ctx, new TypeReference<List<Thing>>() {
                });
                ctx.status(201).json(Map.of("stored", things.size(), "by", Principal.of(ctx).name()));
            }, Role.PUBLISHER);
            get("/things/{id}", ctx -> {
                throw new UnknownResource("thing " + ctx.pathParam("id"));
            }, Role.SECURITY, Role.AUDITOR);
            post("/refusals", ctx -> {
                throw new RuleViolation("Art. 11.1", "the agreement is not signed by both parties");
            }, Role.PUBLISHER);
            get("/slow", ctx -> {
                throw new PositionNotReached(57, 41);
            }, Role.SECURITY);
            get("/broken", ctx -> {
                throw new IllegalStateException("internal detail with personal data");
            }, Role.SECURITY);
            get("/unassigned", ctx -> ctx.result("reached"));
        });
    }

}
