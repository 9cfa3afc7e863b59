package nl.evidencestore.shared.kafka;

/** The topics between the sides and from internal systems, and the headers on their records. */
public final class Topics {
    /** The evidence log as it travels to the query side: one partition, never expires. */
    public static final String EVENTS = "evidence.events";
    /** Commands published by internal systems (api.md). */
    public static final String COMMANDS = "evidence.commands";
    /** Command records that were refused for good, unchanged, with the headers below saying why. */
    public static final String COMMANDS_DLQ = "evidence.commands.dlq";
    /** The log's signed checkpoints, JSON as GET /api/v1/checkpoints/latest serves them, keyed by tree size. */
    public static final String CHECKPOINTS = "evidence.checkpoints";
    /** The consumer group that reads {@link #COMMANDS}; its committed offsets are what was made durable. */
    public static final String COMMAND_INGEST_GROUP = "evidence-command-ingest";

    public static final String HEADER_EVENT_ID = "eventId";
    public static final String HEADER_EVENT_TYPE = "eventType";
    /** The event's global position in the event store (a long, 8 bytes big-endian). */
    public static final String HEADER_POSITION = "position";
    /**
     * Every position at or below this one has been forwarded before or with this record:
     * "applied up to the low-water mark" is what read-your-writes waits for.
     */
    public static final String HEADER_LOW_WATER_MARK = "lowWaterMark";
    /**
     * The type of a record without a value that carries only a low-water mark: sent when the
     * log is idle, so that read-your-writes does not wait for the next event.
     */
    public static final String WATERMARK_TYPE = "Watermark";

    /** On a dead letter: InvalidInput, RuleViolation or ConflictingDuplicate (UTF-8 text, as are the others). */
    public static final String HEADER_ERROR_CLASS = "error.class";
    /** On a dead letter: why, in our words; it names fields and rules, never the values sent. */
    public static final String HEADER_ERROR_REASON = "error.reason";
    /** On a dead letter refused by a rule of the agreement: the article, when the rule has one. */
    public static final String HEADER_ERROR_ARTICLE = "error.article";
    /** On a dead letter: where the original record was, so that it can be found and published again. */
    public static final String HEADER_SOURCE_TOPIC = "source.topic";
    public static final String HEADER_SOURCE_PARTITION = "source.partition";
    public static final String HEADER_SOURCE_OFFSET = "source.offset";

    private Topics() {
    }
}
