package nl.evidencestore.shared.integrity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.evidencestore.shared.json.Json;

/** A stream's last event at a tree size: one leaf of the heads tree. */
public record StreamHead(String streamId, long sequence, String hash) {
    public StreamHead {
        Objects.requireNonNull(streamId, "streamId");
        EventHash.bytes(hash);
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence is not negative");
        }
    }

    /** The leaf data: the JCS bytes of {"hash","sequence","streamId"}. */
    public byte[] leafData() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("hash", hash);
        fields.put("sequence", sequence);
        fields.put("streamId", streamId);
        return Json.canonical(fields);
    }

    public byte[] leafHash() {
        return TreeHash.leaf(leafData());
    }
}
