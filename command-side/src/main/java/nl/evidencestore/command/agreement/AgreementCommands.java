package nl.evidencestore.command.agreement;

import java.util.List;
import nl.evidencestore.command.catalog.CommandRoute;

/** The agreement's commands as internal systems send them (api.md, Commands). */
public final class AgreementCommands {
    private AgreementCommands() {
    }

    public static List<CommandRoute> routes() {
        return List.of(
                // Art. 11.1 and the signature block
                CommandRoute.of("agreements", "/api/v1/agreements", DraftAgreement.class),
                CommandRoute.of("agreements/signatures", "/api/v1/agreements/{agreementId}/signatures",
                        SignAgreement.class));
    }
}
