package nl.evidencestore.shared.event.mirror;

import nl.evidencestore.shared.model.Token;

/**
 * The event a mirrored fact was taken from, as it stands in its own stream: which stream, which
 * event, its stable type name and its {@code hash} (docs/evidence-format.md §1). Whoever holds
 * that stream can prove the fact came from it.
 */
public record SourceEvent(String streamId, String eventId, String type, String hash) {
    public SourceEvent {
        if (streamId == null || streamId.isBlank() || eventId == null || eventId.isBlank()
                || type == null || type.isBlank()) {
            throw new IllegalArgumentException("a source event names its stream, its event id and its type");
        }
        Token.sha256Hex(hash, "source.hash");
    }
}
