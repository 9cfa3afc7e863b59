package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;

/**
 * A data subject of this agreement's controller was erased (GDPR Art. 17, crypto-shredding):
 * the key that sealed every reference to them was destroyed. It names the key, never the
 * reference. {@code keyId} is null (absent from the JSON) when the store held no key for that
 * subject, so that the request is on the record even when there was nothing to destroy.
 */
public record SubjectErased(AgreementId agreementId, String erasureId, String keyId, LocalDate requestedOn)
        implements AgreementEvent {
}
