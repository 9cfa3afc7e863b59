package nl.evidencestore.shared.model;

/** Why personal data was disclosed to a third party (Art. 8.2), or that no allowed reason applied. */
public enum DisclosureBasis {
    /** The controller consented in writing; the consent is named by a reference. */
    CONTROLLER_CONSENT,
    /** Disclosure was necessary to carry out the assignment. */
    NECESSARY_FOR_ASSIGNMENT,
    /** A statutory obligation required it. */
    LEGAL_OBLIGATION,
    /** Anything else: a breach of confidentiality (Art. 8.1), recorded with a description. */
    OTHER
}
