package nl.evidencestore.command.agreement;

import java.util.List;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.model.Token;

/** Art. 11.1 — record the agreement as drafted: parties, text hash, Annex 1 and Annex 2. */
public record DraftAgreement(AgreementId agreementId, ControllerParty controller, ProcessorParty processor,
                             String documentSha256, String version, List<DataCategory> dataCategories,
                             List<Purpose> purposes, List<SubProcessor> subProcessors,
                             Boolean requireRegisteredInstructions) implements IdempotentCommand {
    private static final int MAX_LIST = 1000;

    public DraftAgreement {
        Token.required(agreementId, "agreementId");
        Token.required(controller, "controller");
        Token.required(processor, "processor");
        Token.sha256Hex(documentSha256, "documentSha256");
        Token.text(version, "version", 64);
        dataCategories = bounded(dataCategories, "dataCategories", 1);
        purposes = bounded(purposes, "purposes", 1);
        subProcessors = bounded(subProcessors, "subProcessors", 0);
        // Art. 1.1: by default a named instruction suffices; an agreement may demand registered ones.
        requireRegisteredInstructions = requireRegisteredInstructions != null && requireRegisteredInstructions;
    }

    private static <T> List<T> bounded(List<T> list, String what, int atLeast) {
        Token.required(list, what);
        if (list.size() < atLeast) {
            throw new IllegalArgumentException(what + " needs at least " + atLeast + " entry");
        }
        if (list.size() > MAX_LIST) {
            throw new IllegalArgumentException(what + " has more than " + MAX_LIST + " entries");
        }
        if (list.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(what + " contains null");
        }
        return List.copyOf(list);
    }

    @Override
    public String idempotencyKey() {
        return "agreement:" + agreementId;
    }
}
