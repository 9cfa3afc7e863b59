package nl.evidencestore.shared.model;

/** Who touched data: which rules apply depends on it (domain.md, Actor). */
public enum ActorKind {
    /** Staff of the processor: Art. 2.3 applies. */
    EMPLOYEE,
    /** Staff of a sub-processor: Art. 3.1 applies instead of 2.3. */
    SUB_PROCESSOR,
    /** An automated system of the processor (Art. 4.1): every rule but 2.3. */
    SYSTEM
}
