package nl.evidencestore.query.obligation;

/** The deadlines the store watches. */
public enum ObligationKind {
    /** Art. 6.1: notify one agreement's controller of a breach. */
    BREACH_CONTROLLER_NOTIFICATION,
    /** GDPR Art. 33 (Art. 6.1): notify the supervisory authority of a breach. */
    BREACH_AUTHORITY_NOTIFICATION,
    /** Art. 7.1: forward a request the processor received to the controller. */
    SUBJECT_REQUEST_FORWARDING,
    /** GDPR Art. 12(3): answer a data subject's request. */
    SUBJECT_REQUEST_ANSWER,
    /** Art. 11.2: delete the controller's data after the agreement ended. */
    DELETION
}
