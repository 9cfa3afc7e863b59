package nl.evidencestore.command.catalog;

import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.evidencestore.command.submit.CommandSubmitter;
import nl.evidencestore.command.submit.Receipts;

/** Every catalogued command as a POST route (api.md, Commands). */
public final class CommandEndpoints {
    private final CommandCatalog catalog;
    private final CommandSubmitter submitter;

    public CommandEndpoints(CommandCatalog catalog, CommandSubmitter submitter) {
        this.catalog = catalog;
        this.submitter = submitter;
    }

    public EndpointGroup routes() {
        return () -> catalog.routes().forEach(route ->
                post(route.path(), ctx -> submit(route, ctx), route.roles().toArray(RouteRole[]::new)));
    }

    private void submit(CommandRoute route, Context ctx) {
        Map<String, String> parameters = new LinkedHashMap<>();
        route.pathParameters().forEach(name -> parameters.put(name, ctx.pathParam(name)));
        Receipts.answer(ctx, submitter.submit(CommandBinding.bind(route, ctx.bodyAsBytes(), parameters)));
    }
}
