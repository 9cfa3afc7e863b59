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
                        SignAgreement.class),
                // Art. 1.1 – 1.3
                CommandRoute.of("agreements/instructions", "/api/v1/agreements/{agreementId}/instructions",
                        RegisterInstruction.class),
                CommandRoute.of("agreements/purposes", "/api/v1/agreements/{agreementId}/purposes", AddPurpose.class),
                // Art. 3 and Annex 2
                CommandRoute.of("agreements/sub-processors", "/api/v1/agreements/{agreementId}/sub-processors",
                        ProposeSubProcessor.class),
                CommandRoute.of("agreements/sub-processors/consent",
                        "/api/v1/agreements/{agreementId}/sub-processors/{subProcessorId}/consent",
                        GrantSubProcessorConsent.class),
                CommandRoute.of("agreements/sub-processors/consent/revocation",
                        "/api/v1/agreements/{agreementId}/sub-processors/{subProcessorId}/consent/revocation",
                        RevokeSubProcessorConsent.class),
                CommandRoute.of("agreements/transfer-consents", "/api/v1/agreements/{agreementId}/transfer-consents",
                        GrantTransferConsent.class),
                // Art. 11.3
                CommandRoute.of("agreements/amendments", "/api/v1/agreements/{agreementId}/amendments",
                        ProposeAmendment.class),
                CommandRoute.of("agreements/amendments/objections",
                        "/api/v1/agreements/{agreementId}/amendments/{amendmentId}/objections",
                        ObjectToAmendment.class),
                // Art. 11.2
                CommandRoute.of("agreements/termination", "/api/v1/agreements/{agreementId}/termination",
                        TerminateAgreement.class),
                CommandRoute.of("agreements/data-locations", "/api/v1/agreements/{agreementId}/data-locations",
                        RegisterDataLocation.class),
                CommandRoute.of("agreements/deletions", "/api/v1/agreements/{agreementId}/deletions",
                        ConfirmDeletion.class),
                CommandRoute.of("agreements/retention-holds", "/api/v1/agreements/{agreementId}/retention-holds",
                        PlaceRetentionHold.class));
    }
}
