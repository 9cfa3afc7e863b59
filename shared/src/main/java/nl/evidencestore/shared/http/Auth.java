package nl.evidencestore.shared.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Header;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import java.util.Set;

/**
 * api.md Auth: every {@code /api/} call needs a bearer token (else 401) and one of the roles
 * the route was registered with (else 403); ADMIN may do everything. A route registered
 * without roles is open to ADMIN only, so a forgotten role fails closed.
 */
final class Auth {
    static final String CHALLENGE = "Bearer realm=\"evidence-store\"";
    private static final String API = "/api/";
    private static final String SCHEME = "bearer ";

    private final TokensFile tokens;

    private Auth(TokensFile tokens) {
        this.tokens = tokens;
    }

    /**
     * The token is checked before anything else answers: a call without one gets 401, never the
     * 404 of an unknown path, the 405 of a wrong method or the 413 of a large body, which would
     * tell a caller without a token which routes exist. The roles are checked before the matched
     * handler, where Javalin has resolved the route's roles; keyed on the route that will run
     * rather than on the raw path, so no spelling of a path slips past.
     */
    static void install(RoutesConfig routes, TokensFile tokens) {
        Auth auth = new Auth(tokens);
        routes.before(auth::authenticateApiCall);
        routes.beforeMatched(auth::check);
    }

    private void authenticateApiCall(Context ctx) {
        if (ctx.path().startsWith(API)) {
            authenticate(ctx.header(Header.AUTHORIZATION)).attachTo(ctx);
        }
    }

    private void check(Context ctx) {
        if (!underApi(ctx)) {
            return;
        }
        Principal principal = Principal.attached(ctx)
                .orElseGet(() -> authenticate(ctx.header(Header.AUTHORIZATION)));
        authorise(principal, ctx.routeRoles());
        principal.attachTo(ctx);
    }

    /** A HEAD request answered by a GET route has no matched endpoint of its own: fall back to the path. */
    private static boolean underApi(Context ctx) {
        Endpoint route = ctx.endpoints().matchedHttpEndpoint();
        return route == null ? ctx.path().startsWith(API) : route.path.startsWith(API);
    }

    private Principal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new UnauthorizedResponse("an Authorization: Bearer token is required");
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return tokens.authenticate(token)
                .orElseThrow(() -> new UnauthorizedResponse("the bearer token is not valid"));
    }

    private static void authorise(Principal principal, Set<RouteRole> allowed) {
        if (principal.roles().contains(Role.ADMIN)) {
            return;
        }
        if (principal.roles().stream().noneMatch(allowed::contains)) {
            throw new ForbiddenResponse("this route is open to " + (allowed.isEmpty() ? Set.of(Role.ADMIN) : allowed));
        }
    }
}
