package nl.evidencestore.shared.kafka;

/** The topics between the sides and from internal systems, and the headers on their records. */
public final class Topics {
    /** The evidence log as it travels to the query side: one partition, never expires. */
    public static final String EVENTS = "evidence.events";
    /** Commands published by internal systems (api.md). */
    public static final String COMMANDS = "evidence.commands";
    public static final String COMMANDS_DLQ = "evidence.commands.dlq";

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

    private Topics() {
    }
}
