package nl.evidencestore.query;

import nl.evidencestore.shared.kafka.ForwardedEvent;

/**
 * A read model fed by {@link nl.evidencestore.query.kafka.EventFeed}. Kafka delivers at least
 * once, so {@code on} must be idempotent by event id; types it does not know it ignores.
 */
public interface Projection {
    void on(ForwardedEvent event);
}
