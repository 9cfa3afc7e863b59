package nl.evidencestore.command.audit;

import java.util.List;
import nl.evidencestore.command.catalog.CommandRoute;

/** The audits' commands (api.md, Commands). */
public final class AuditCommands {
    private AuditCommands() {
    }

    public static List<CommandRoute> routes() {
        return List.of(
                // Art. 9
                CommandRoute.of("audits", "/api/v1/audits", RequestAudit.class),
                CommandRoute.of("audits/findings", "/api/v1/audits/{auditId}/findings", ShareFindings.class));
    }
}
