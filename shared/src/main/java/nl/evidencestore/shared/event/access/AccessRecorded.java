package nl.evidencestore.shared.event.access;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.event.Occurrence;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * One access to the controller's personal data, always recorded, with its verdict computed once
 * against the agreement as it stood at {@code occurredAt} (Art. 1, 2.3, 3, 11, Annex 1).
 * {@code referenceData} names the version of the EEA and adequacy lists that judged it.
 * {@code subject} is the subject reference sealed under the subject's key (crypto-shredding).
 */
public record AccessRecorded(AgreementId agreementId, String accessId, Actor actor, Purpose purpose,
                             String instructionRef, List<DataCategory> categories, SealedSubject subject,
                             Country country, String system, Instant occurredAt, Verdict verdict,
                             boolean instructionVerified, boolean recordedLate, String referenceData)
        implements AccessEvent, Occurrence {
}
