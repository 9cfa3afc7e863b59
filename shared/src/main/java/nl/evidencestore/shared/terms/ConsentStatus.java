package nl.evidencestore.shared.terms;

import java.time.LocalDate;

/**
 * A sub-processor's standing under Art. 3.1 at one instant: the consent in force and where it
 * came from, or the consent that was withdrawn and when, or none at all. An amendment that
 * delists a sub-processor withdraws consent as a revocation does ({@code revokedBy} names it).
 */
public record ConsentStatus(State state, Basis basis, String consentReference, String amendmentId,
                            LocalDate grantedOn, String flowDownContractSha256, LocalDate revokedOn,
                            String revokedByAmendmentId) {
    public enum State {
        GRANTED,
        NONE,
        REVOKED
    }

    /** Annex 2 (listed when drafted, consented to by signing), a consent of its own, or an amendment. */
    public enum Basis {
        ANNEX_2,
        CONSENT,
        AMENDMENT
    }

    static final ConsentStatus NONE = new ConsentStatus(State.NONE, null, null, null, null, null, null, null);

    public boolean granted() {
        return state == State.GRANTED;
    }
}
