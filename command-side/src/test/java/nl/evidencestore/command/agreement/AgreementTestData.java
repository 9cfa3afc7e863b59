package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;

/** One practice's agreement with Citodent, as the tests draft and sign it. */
final class AgreementTestData {
    static final AgreementId AGREEMENT = AgreementId.of("agr-tandarts-noord-2026");
    static final String DOCUMENT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String OTHER_DOCUMENT = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    static final LocalDate CONTROLLER_SIGNED = LocalDate.of(2026, 3, 1);
    static final LocalDate PROCESSOR_SIGNED = LocalDate.of(2026, 3, 5);

    static DraftAgreement draft() {
        return new DraftAgreement(AGREEMENT,
                new ControllerParty(ControllerId.of("practice-noord"), "Tandartspraktijk Noord",
                        "Noordweg 1, Groningen", "J. de Vries"),
                new ProcessorParty("Citodent Imaging B.V.", "Amstel 312, 1017 AP Amsterdam", "P. Reijers"),
                DOCUMENT, "2025-11-06",
                List.of(DataCategory.of("SURNAME"), DataCategory.of("DENTAL_PHOTOS")),
                List.of(Purpose.of("REMOTE_SUPPORT"), Purpose.of("DATABASE_CONVERSION")),
                List.of(new SubProcessor("sp-hosting", "Hosting B.V.", "NL", "hosting")), false);
    }

    static AgreementDrafted drafted() {
        DraftAgreement d = draft();
        return new AgreementDrafted(d.agreementId(), d.controller(), d.processor(), d.documentSha256(),
                d.version(), d.dataCategories(), d.purposes(), d.subProcessors(), false);
    }

    static SignAgreement sign(Party party, LocalDate on, String documentSha256) {
        return new SignAgreement(AGREEMENT, party, "Signatory " + party, "Amsterdam", on, documentSha256);
    }

    static AgreementSigned signed(Party party, LocalDate on, String documentSha256) {
        return new AgreementSigned(AGREEMENT, party, "Signatory " + party, "Amsterdam", on, documentSha256);
    }

    private AgreementTestData() {
    }
}
