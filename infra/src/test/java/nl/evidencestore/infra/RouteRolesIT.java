package nl.evidencestore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.Principals;
import nl.evidencestore.infra.support.StoreUnderTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * quality.md, Security: every role tried on every route of the API. The table below is api.md's
 * Auth section (and the README's few narrower choices) written out; the routes come from the
 * running store, so a route added without a row here fails. A caller without a token gets 401,
 * a role the table does not allow 403, and a role it allows neither of those nor a 5xx. The body
 * is empty and the ids are unknown, so no command a role may send succeeds: it is refused (4xx).
 */
class RouteRolesIT {
    private static final Api api = StoreUnderTest.api();

    private enum Caller {
        NOBODY(null), PUBLISHER(Principals.PUBLISHER), SECURITY(Principals.SECURITY), AUDITOR(Principals.AUDITOR),
        ADMIN(Principals.ADMIN);

        final String token;

        Caller(String token) {
            this.token = token;
        }
    }

    private static final Set<Caller> PUBLISHING = EnumSet.of(Caller.PUBLISHER, Caller.ADMIN);
    private static final Set<Caller> READING = EnumSet.of(Caller.SECURITY, Caller.AUDITOR, Caller.ADMIN);
    private static final Set<Caller> VERIFYING = EnumSet.of(Caller.AUDITOR, Caller.ADMIN);

    /** Who may call a route, by api.md. */
    private static Set<Caller> allowed(String method, String path) {
        if (path.equals("/api/v1/principal")) {
            return EnumSet.complementOf(EnumSet.of(Caller.NOBODY));
        }
        if (path.equals("/api/v1/subject-erasures")) {
            return EnumSet.of(Caller.ADMIN); // api.md: ADMIN, one controller's subject
        }
        if (path.startsWith("/api/v1/evidence-bundles") || path.startsWith("/api/v1/checkpoints/")
                || path.equals("/api/v1/public-key")) {
            return VERIFYING; // api.md: "Evidence bundles (AUDITOR within their controllers, ADMIN)"
        }
        if (method.equals("GET") && path.equals("/api/v1/employees")) {
            return EnumSet.of(Caller.SECURITY, Caller.ADMIN); // README: the register names staff of no one controller
        }
        return method.equals("GET") ? READING : PUBLISHING;
    }

    private static List<String[]> apiRoutes() {
        return StoreUnderTest.store().routes().stream()
                .map(route -> route.split(" ", 2))
                .filter(route -> route[1].startsWith("/api/"))
                .toList();
    }

    @Test
    void everyMethodOfTheApiIsOneTheTableKnows() {
        assertThat(apiRoutes()).isNotEmpty().allSatisfy(route -> assertThat(route[0]).isIn("GET", "POST"));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleOnEveryRoute() {
        return apiRoutes().stream().flatMap(route -> Stream.of(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                route[0] + " " + route[1] + " as " + caller, () -> {
                    int status = call(route[0], concrete(route[1]), caller.token).status();
                    if (caller == Caller.NOBODY) {
                        assertThat(status).isEqualTo(401);
                    } else if (allowed(route[0], route[1]).contains(caller)) {
                        assertThat(status).isNotIn(401, 403).isLessThan(500);
                        if (route[0].equals("POST")) {
                            assertThat(status).as("an empty command changes nothing").isBetween(400, 499);
                        }
                    } else {
                        assertThat(status).isEqualTo(403);
                    }
                })));
    }

    private static Api.Response call(String method, String path, String token) {
        return method.equals("GET") ? api.get(path, token) : api.post(path, token, "{}");
    }

    /** Path parameters as ids no test ever creates. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}/]+}", "roles-unknown");
    }
}
