package nl.evidencestore.shared.event;

/** Every fact the store records; each belongs to exactly one stream (an agreement, mostly). */
public interface EvidenceEvent {
    String streamId();
}
