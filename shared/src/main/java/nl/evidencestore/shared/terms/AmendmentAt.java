package nl.evidencestore.shared.terms;

import nl.evidencestore.shared.event.agreement.AmendmentObjected;
import nl.evidencestore.shared.event.agreement.AmendmentProposed;

/**
 * An amendment as it stood at one instant (Art. 11.3): proposed once notice was given, in force
 * from its effective date, objected to from the day of the objection, or lapsed because the
 * agreement ended before it could take effect. {@code objection} is present once it holds.
 */
public record AmendmentAt(AmendmentProposed proposal, Status status, AmendmentObjected objection) {
    public enum Status {
        PROPOSED,
        EFFECTIVE,
        OBJECTED,
        /** The agreement ended on or before the effective date: it never took effect. */
        LAPSED
    }
}
