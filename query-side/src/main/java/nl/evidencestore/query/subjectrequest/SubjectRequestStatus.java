package nl.evidencestore.query.subjectrequest;

/** Where a request stands (Art. 7.1). */
public enum SubjectRequestStatus {
    RECEIVED,
    FORWARDED,
    RESOLVED
}
