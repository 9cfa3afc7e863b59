package nl.evidencestore.shared.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.UUID;
import nl.evidencestore.shared.error.ConflictingDuplicate;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.error.InvalidInput.FieldError;
import nl.evidencestore.shared.error.PositionNotReached;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as {@code application/problem+json} (RFC 9457). Details are written by
 * us and name fields and rules, never the values that were sent (api.md, Errors).
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static void install(JavalinConfig config) {
        RoutesConfig routes = config.routes;
        routes.exception(InvalidInput.class, (e, ctx) -> write(ctx, invalid(e)));
        routes.exception(JsonProcessingException.class, (e, ctx) -> write(ctx, invalid(JsonFailures.describe(e))));
        routes.exception(ValidationException.class, (e, ctx) -> write(ctx, invalid(e)));
        routes.exception(RuleViolation.class, (e, ctx) -> write(ctx,
                Problem.of(ProblemType.RULE_VIOLATION, e.getMessage()).with("article", e.article())));
        routes.exception(UnknownResource.class, (e, ctx) -> write(ctx, Problem.of(ProblemType.NOT_FOUND, e.getMessage())));
        routes.exception(ConflictingDuplicate.class, (e, ctx) -> write(ctx,
                Problem.of(ProblemType.CONFLICTING_DUPLICATE, e.getMessage()).with("keys", e.keys())));
        routes.exception(PositionNotReached.class, Problems::positionNotReached);
        routes.exception(HttpResponseException.class, JavalinProblems::write);
        routes.exception(Exception.class, Problems::unexpected);
    }

    public static void write(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(CONTENT_TYPE).result(Json.write(problem.body()));
    }

    private static Problem invalid(InvalidInput e) {
        return Problem.of(ProblemType.INVALID_INPUT, e.getMessage()).withErrors(e.errors());
    }

    /** Javalin's own validators (query and path parameters) name the parameter as the field. */
    private static Problem invalid(ValidationException e) {
        List<FieldError> errors = e.getErrors().entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(error -> new FieldError(entry.getKey(), error.getMessage())))
                .toList();
        return Problem.of(ProblemType.INVALID_INPUT, "invalid parameters").withErrors(errors);
    }

    private static void positionNotReached(PositionNotReached e, Context ctx) {
        ctx.header("Retry-After", "1");
        write(ctx, Problem.of(ProblemType.POSITION_NOT_REACHED, e.getMessage()).with("currentPosition", e.currentPosition()));
    }

    /** A bug, not a client error: the client gets an incident id to quote, the log gets the rest. */
    private static void unexpected(Exception e, Context ctx) {
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {}: unexpected failure in {} {}", incident, ctx.method(), JavalinProblems.route(ctx), e);
        write(ctx, Problem.of(ProblemType.INTERNAL_ERROR, "the request failed unexpectedly; quote the incident id")
                .with("incident", incident));
    }
}
