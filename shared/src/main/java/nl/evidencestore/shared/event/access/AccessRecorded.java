package nl.evidencestore.shared.event.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.event.Occurrence;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.rules.AccessFacts;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * One access to the controller's personal data, always recorded, with its verdict computed once
 * against the agreement as it stood at {@code occurredAt} (Art. 1, 2.3, 3, 11, Annex 1).
 * {@code referenceData} names the version of the EEA and adequacy lists that judged it.
 * {@code subject} is the subject reference sealed under the subject's key (crypto-shredding).
 * {@code instructionOfAnotherAgreement} (written only when true) says that the cited instruction
 * was registered for another agreement, not this one, when the access was recorded (Art. 1.1);
 * which agreement is not said: the evidence of one controller never names another's.
 */
public record AccessRecorded(AgreementId agreementId, String accessId, Actor actor, Purpose purpose,
                             String instructionRef, List<DataCategory> categories, SealedSubject subject,
                             Country country, String system, Instant occurredAt, Verdict verdict,
                             boolean instructionVerified, boolean recordedLate, String referenceData,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
                             boolean instructionOfAnotherAgreement)
        implements AccessEvent, Occurrence {

    /** An access whose instruction, if any, is not another agreement's. */
    public AccessRecorded(AgreementId agreementId, String accessId, Actor actor, Purpose purpose,
                          String instructionRef, List<DataCategory> categories, SealedSubject subject,
                          Country country, String system, Instant occurredAt, Verdict verdict,
                          boolean instructionVerified, boolean recordedLate, String referenceData) {
        this(agreementId, accessId, actor, purpose, instructionRef, categories, subject, country, system, occurredAt,
                verdict, instructionVerified, recordedLate, referenceData, false);
    }

    /** What its verdict was computed from. */
    public AccessFacts facts() {
        return new AccessFacts(actor, purpose, instructionRef, categories, country, occurredAt,
                instructionOfAnotherAgreement);
    }
}
