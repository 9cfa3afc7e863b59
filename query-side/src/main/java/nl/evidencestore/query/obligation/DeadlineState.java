package nl.evidencestore.query.obligation;

/** Where a deadline stands: still to be met, met, or ended without being met (a dismissed breach, a resolved request). */
public enum DeadlineState {
    OPEN,
    MET,
    ENDED
}
