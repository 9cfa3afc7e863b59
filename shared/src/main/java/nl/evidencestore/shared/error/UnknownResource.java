package nl.evidencestore.shared.error;

/** A query for something that does not exist, or that the caller may not know exists (HTTP 404). */
public class UnknownResource extends RuntimeException {
    public UnknownResource(String what) {
        super(what);
    }
}
