package nl.evidencestore.command.securitymeasure;

import java.util.List;
import nl.evidencestore.command.catalog.CommandRoute;

/** The security measures' commands (api.md, Commands). */
public final class SecurityMeasureCommands {
    private SecurityMeasureCommands() {
    }

    public static List<CommandRoute> routes() {
        return List.of(
                // Art. 5
                CommandRoute.of("security-measures", "/api/v1/security-measures", RecordSecurityMeasure.class));
    }
}
