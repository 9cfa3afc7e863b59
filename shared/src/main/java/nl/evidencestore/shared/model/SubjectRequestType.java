package nl.evidencestore.shared.model;

/** Art. 7.1: what a data subject asks ("inzage, verbetering, aanvulling, wijziging of afscherming"), and erasure. */
public enum SubjectRequestType {
    ACCESS,
    RECTIFICATION,
    COMPLETION,
    MODIFICATION,
    RESTRICTION,
    ERASURE
}
