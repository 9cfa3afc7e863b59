package nl.evidencestore.command.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import nl.evidencestore.shared.kafka.KafkaConnection;

/** The command side's producers: the one that carries the evidence log, and the one for dead letters. */
public final class ProducerSettings {
    private ProducerSettings() {
    }

    public static Map<String, Object> forEvidence(KafkaConnection kafka, String clientId) {
        Map<String, Object> settings = reliable(clientId);
        // Batches form while a tracking batch is being sent; 5 ms costs nothing against the flush.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // During a broker outage send() gives up after this; the processor retries the batch.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return kafka.settings(settings);
    }

    /** Dead letters carry the refused record's key and value byte for byte, whatever they hold. */
    public static Map<String, Object> forDeadLetters(KafkaConnection kafka, String clientId) {
        Map<String, Object> settings = reliable(clientId);
        // The ingest waits for its dead letters before it commits their offsets: during a broker outage
        // it should give up after seconds and retry the records, not wait for the default two minutes.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return kafka.settings(settings);
    }

    private static Map<String, Object> reliable(String clientId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // A record counts as sent only when every in-sync replica has it.
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // Retries after a lost acknowledgement must not duplicate or reorder records.
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return settings;
    }
}
