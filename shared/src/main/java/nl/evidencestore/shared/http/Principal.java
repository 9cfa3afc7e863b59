package nl.evidencestore.shared.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import nl.evidencestore.shared.model.ControllerId;

/** An authenticated caller: a name for the record, its roles, and for auditors their controllers. */
public record Principal(String name, Set<Role> roles, Set<ControllerId> controllers) {
    private static final String ATTRIBUTE = "evidence.principal";

    public Principal {
        roles = Set.copyOf(roles);
        controllers = Set.copyOf(controllers);
    }

    /**
     * Whether this caller may see the data of that controller. Auditors are limited to their
     * own controllers; everyone else who may read at all sees every controller.
     */
    public boolean maySee(ControllerId controller) {
        if (roles.contains(Role.ADMIN) || roles.contains(Role.SECURITY)) {
            return true;
        }
        return roles.contains(Role.AUDITOR) && controllers.contains(controller);
    }

    /** True when reads must be narrowed to {@link #controllers()}. */
    public boolean scopedToControllers() {
        return !roles.contains(Role.ADMIN) && !roles.contains(Role.SECURITY);
    }

    public void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The principal the auth filter attached, if it has run. */
    static Optional<Principal> attached(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The principal the auth filter attached; every /api/ handler runs after it. */
    public static Principal of(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("no principal: route registered outside the auth filter");
        }
        return principal;
    }
}
