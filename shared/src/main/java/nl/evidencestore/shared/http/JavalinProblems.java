package nl.evidencestore.shared.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;

/** Javalin's own responses (404, 405, 413, and the 401/403 that {@link Auth} throws) as problems. */
final class JavalinProblems {
    private JavalinProblems() {
    }

    static void write(HttpResponseException e, Context ctx) {
        Problems.write(ctx, problem(e, ctx));
    }

    private static Problem problem(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 401 -> {
                ctx.header(Header.WWW_AUTHENTICATE, Auth.CHALLENGE);
                yield Problem.of(ProblemType.UNAUTHENTICATED, e.getMessage());
            }
            case 403 -> Problem.of(ProblemType.FORBIDDEN, e.getMessage());
            // Javalin's message repeats the requested path; ours does not.
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "no such resource");
            case 405 -> methodNotAllowed(e, ctx);
            case 413 -> Problem.of(ProblemType.BODY_TOO_LARGE,
                    "the body is larger than " + HttpEdge.MAX_BODY_BYTES + " bytes");
            default -> Problem.ofStatus(e.getStatus(), e.getMessage());
        };
    }

    private static Problem methodNotAllowed(HttpResponseException e, Context ctx) {
        String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
        if (allowed != null) {
            ctx.header(Header.ALLOW, allowed);
        }
        return Problem.of(ProblemType.METHOD_NOT_ALLOWED, "this resource does not answer that method; Allow lists those it does");
    }

    /** The route pattern, not the path: logs name routes and ids, nothing a caller typed freely. */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "(no route)" : endpoint.path;
    }
}
