package nl.evidencestore.infra.embedded;

/**
 * Start-up refused: a live process (another store, most likely) holds the data directory's
 * {@code owner.lock}. An operator's mistake, not a fault: {@code serve} says so without a stack trace.
 */
public final class DataDirectoryInUse extends IllegalStateException {
    DataDirectoryInUse(String message) {
        super(message);
    }
}
