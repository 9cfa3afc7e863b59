package nl.evidencestore.command.subjectrequest;

import java.util.List;
import nl.evidencestore.command.catalog.CommandRoute;

/** The subject-request commands as internal systems send them (api.md, Commands). */
public final class SubjectRequestCommands {
    private SubjectRequestCommands() {
    }

    public static List<CommandRoute> routes() {
        return List.of(
                // Art. 7.1
                CommandRoute.of("subject-requests", "/api/v1/subject-requests", ReceiveSubjectRequest.class),
                CommandRoute.of("subject-requests/forwarding", "/api/v1/subject-requests/{requestId}/forwarding",
                        ForwardSubjectRequest.class),
                CommandRoute.of("subject-requests/resolution", "/api/v1/subject-requests/{requestId}/resolution",
                        ResolveSubjectRequest.class),
                // GDPR Art. 12(3)
                CommandRoute.of("subject-requests/extension", "/api/v1/subject-requests/{requestId}/extension",
                        ExtendSubjectRequest.class));
    }
}
