package nl.evidencestore.shared.model;

/** Art. 6.1: who the processor notifies of a breach. */
public enum NotificationRecipient {
    /** The controller of one affected agreement; each has its own deadline. */
    CONTROLLER,
    /** The supervisory authority (GDPR Art. 33: within 72 hours). */
    AUTHORITY,
    DATA_SUBJECTS
}
