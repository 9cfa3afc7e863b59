package nl.evidencestore.shared.integrity;

/** A Merkle proof that does not prove what it claims; the message says which check failed. */
public final class ProofRejected extends RuntimeException {
    public ProofRejected(String reason) {
        super(reason);
    }
}
