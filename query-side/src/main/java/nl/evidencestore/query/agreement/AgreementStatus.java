package nl.evidencestore.query.agreement;

/** Art. 11: drafted and not yet in force, in force, or ended. */
public enum AgreementStatus {
    DRAFT,
    EFFECTIVE,
    TERMINATED
}
