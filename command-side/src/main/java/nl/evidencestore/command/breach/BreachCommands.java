package nl.evidencestore.command.breach;

import java.util.List;
import nl.evidencestore.command.catalog.CommandRoute;

/** The breach commands as internal systems send them (api.md, Commands). */
public final class BreachCommands {
    private BreachCommands() {
    }

    public static List<CommandRoute> routes() {
        return List.of(
                // Art. 6.1, 6.2
                CommandRoute.of("breaches", "/api/v1/breaches", ReportBreach.class),
                CommandRoute.of("breaches/confirmation", "/api/v1/breaches/{breachId}/confirmation", ConfirmBreach.class),
                CommandRoute.of("breaches/dismissal", "/api/v1/breaches/{breachId}/dismissal", DismissBreach.class),
                CommandRoute.of("breaches/closure", "/api/v1/breaches/{breachId}/closure", CloseBreach.class),
                // Art. 6.1, 6.3
                CommandRoute.of("breaches/notifications", "/api/v1/breaches/{breachId}/notifications",
                        NotifyBreach.class));
    }
}
