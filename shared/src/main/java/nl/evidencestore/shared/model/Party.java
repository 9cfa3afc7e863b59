package nl.evidencestore.shared.model;

/** The two parties to the agreement. */
public enum Party {
    CONTROLLER,
    PROCESSOR
}
