package nl.evidencestore.shared.event.subjectrequest;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.Violation;

/**
 * Art. 7.1: the processor passed the request on to the controller, who stays responsible for
 * it. Forwarded after {@code forwardBy} it is {@code late}, an Art. 7.1 violation recorded here.
 */
public record SubjectRequestForwarded(SubjectRequestId requestId, AgreementId agreementId, LocalDate forwardedOn,
                                      LocalDate forwardBy, boolean late, List<Violation> violations)
        implements SubjectRequestEvent {
}
