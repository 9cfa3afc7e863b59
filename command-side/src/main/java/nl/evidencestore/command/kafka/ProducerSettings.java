package nl.evidencestore.command.kafka;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer that carries the evidence log to the query side. */
public final class ProducerSettings {
    private ProducerSettings() {
    }

    public static Map<String, Object> forEvidence(String bootstrapServers, String clientId) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                // A record counts as sent only when every in-sync replica has it.
                ProducerConfig.ACKS_CONFIG, "all",
                // Retries after a lost acknowledgement must not duplicate or reorder records.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Batches form while a tracking batch is being sent; 5 ms costs nothing against the flush.
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                // During a broker outage send() gives up after this; the processor retries the batch.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }
}
