package nl.evidencestore.shared.model;

/** Art. 6.2: a breach is reported as suspected or confirmed; a suspicion is later confirmed or dismissed. */
public enum BreachStatus {
    SUSPECTED,
    CONFIRMED,
    DISMISSED,
    CLOSED
}
