package nl.evidencestore.query.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;

/** One line of the agreement list, with its status as of now. */
public record AgreementSummary(AgreementId agreementId, ControllerId controllerId, String controllerName,
                               AgreementStatus status,
                               @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate effectiveOn) {
    static AgreementSummary of(AgreementState state) {
        return new AgreementSummary(state.agreementId(), state.controller().id(), state.controller().name(),
                state.status(), state.effectiveOn());
    }
}
