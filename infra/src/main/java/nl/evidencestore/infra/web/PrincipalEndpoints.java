package nl.evidencestore.infra.web;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.model.ControllerId;

/**
 * {@code GET /api/v1/principal}: who the token belongs to. The page checks a pasted token with it
 * and shows what its role may do, instead of guessing from refusals.
 */
public final class PrincipalEndpoints {
    /** The caller as the page shows it; roles and controllers sorted, so the answer is stable. */
    record SignedIn(String name, List<Role> roles, List<String> controllers) {
    }

    public EndpointGroup routes() {
        return () -> get("/api/v1/principal", PrincipalEndpoints::principal,
                Role.PUBLISHER, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
    }

    private static void principal(Context ctx) {
        Principal principal = Principal.of(ctx);
        ctx.json(new SignedIn(principal.name(), principal.roles().stream().sorted().toList(),
                principal.controllers().stream().map(ControllerId::value).sorted().toList()));
    }
}
