package nl.evidencestore.command.access;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import nl.evidencestore.command.time.StoreTime;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.http.Bodies;

/** Reads access-events as HTTP and Kafka receive them: one access object, or an array of up to 10,000. */
public final class ReportedAccesses {
    public static final int MAX_BATCH = 10_000;
    private static final TypeReference<List<ReportedAccess>> BATCH = new TypeReference<>() {
    };

    private ReportedAccesses() {
    }

    /**
     * Field errors name the item, e.g. {@code [17].categories[2]}. The first significant byte
     * tells an object from an array, so a batch is parsed once, not once as a tree and again.
     */
    public static List<ReportedAccess> parse(byte[] json) {
        byte first = firstSignificantByte(json);
        if (first == '{') {
            return List.of(Bodies.parse(json, ReportedAccess.class));
        }
        if (first != '[') {
            Bodies.parse(json, JsonNode.class); // malformed JSON gets its usual 400 with the position
            throw new InvalidInput("$", "the body must be an access object or an array of them");
        }
        List<ReportedAccess> batch = Bodies.parse(json, Bodies.type(BATCH));
        if (batch == null || batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw new InvalidInput("$", "a batch holds 1 to " + MAX_BATCH + " accesses");
        }
        int nullAt = batch.indexOf(null);
        if (nullAt >= 0) {
            throw new InvalidInput("[" + nullAt + "]", "must be an access object, not null");
        }
        return batch;
    }

    /**
     * An access cannot have occurred after it was reported. It is not a violation to record (it
     * would be judged before a fact that holds from a day still to come, which reassesses only
     * accesses recorded after that day), so it is refused as the other facts about the past dated
     * in the future are: a rule's 422, with their tolerance, naming the item, e.g.
     * {@code [3].occurredAt}; "now" is read once for the batch.
     */
    public static List<ReportedAccess> notInFuture(List<ReportedAccess> batch) {
        Instant latestPast = StoreTime.latestPast();
        for (int i = 0; i < batch.size(); i++) {
            StoreTime.notAfter(batch.get(i).occurredAt(), latestPast, "[" + i + "].occurredAt");
        }
        return batch;
    }

    /** Past leading white space (and a UTF-8 byte order mark); 0 for an empty body. */
    private static byte firstSignificantByte(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b;
            }
        }
        return 0;
    }
}
