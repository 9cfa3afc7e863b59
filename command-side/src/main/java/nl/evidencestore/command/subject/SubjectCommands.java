package nl.evidencestore.command.subject;

import java.util.List;
import java.util.Set;
import nl.evidencestore.command.catalog.CommandRoute;
import nl.evidencestore.shared.http.Role;

/**
 * The erasure as an admin sends it (api.md, Commands). ADMIN only, so it is not taken from
 * the Kafka command topic either, where publishers write.
 */
public final class SubjectCommands {
    private SubjectCommands() {
    }

    public static List<CommandRoute> routes() {
        return List.of(new CommandRoute("subject-erasures", "/api/v1/subject-erasures", EraseSubject.class,
                Set.of(Role.ADMIN)));
    }
}
