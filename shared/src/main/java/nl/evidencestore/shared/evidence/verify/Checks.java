package nl.evidencestore.shared.evidence.verify;

/** The names of the checks, in the order a verification prints them. */
public final class Checks {
    public static final String FILES = "files";
    public static final String MANIFEST_SIGNATURE = "manifest signature";
    public static final String AUTHENTICITY = "authenticity";
    public static final String CANONICAL = "events canonical";
    public static final String PAYLOAD_HASHES = "payload hashes";
    public static final String EVENT_HASHES = "event hashes";
    public static final String CHAIN = "chain";
    public static final String BOUNDARIES = "boundaries";
    public static final String EXPORT = "export recorded";
    public static final String MIRRORED = "mirrored facts";
    public static final String CHECKPOINT = "checkpoint signature";
    public static final String INCLUSION = "inclusion";
    public static final String HEADS = "heads";
    public static final String APPEND_ONLY = "append-only";
    public static final String NO_FORK = "no fork";
    public static final String VERDICTS = "verdicts";
    public static final String TIMELINE = "timeline.csv";
    public static final String REPORT = "report.html";

    private Checks() {
    }
}
