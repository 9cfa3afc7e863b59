package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.CommandTopic.command;
import static nl.evidencestore.infra.support.CommandTopic.text;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.DOCUMENT;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.CommandTopic;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Commands published on Kafka, on the whole store: the same rules and idempotency as HTTP, and a DLQ. */
class CommandIngestIT {
    private final Api api = StoreUnderTest.api();
    private final CommandTopic commands = new CommandTopic(SharedInfrastructure.kafkaBootstrap(), StoreUnderTest.topics());

    @AfterEach
    void closeProducer() {
        commands.close();
    }

    @Test
    void aDraftAndTwoSignaturesPublishedOnKafkaMakeAnEffectiveAgreement() {
        String id = "agr-kafka-effective";
        commands.publish(id, command("agreements", draft(id, "practice-kafka")));
        commands.publish(id, command("agreements/signatures", withAgreementId(id, signature("PROCESSOR", "2026-03-05", DOCUMENT))));
        commands.publish(id, command("agreements/signatures", withAgreementId(id, signature("CONTROLLER", "2026-03-01", null))));

        JsonNode agreement = await().atMost(Duration.ofSeconds(20)).until(() -> agreement(id),
                state -> state != null && state.get("status").asText().equals("EFFECTIVE"));

        assertThat(agreement.get("effectiveOn").asText()).isEqualTo("2026-03-05");
        assertThat(agreement.get("signatures")).hasSize(2);
    }

    @Test
    void refusedRecordsGoToTheDlqWithTheirReasonAndLaterRecordsStillArrive() {
        String id = "agr-kafka-refusals";
        String personal = "Jan Geheimhouding";
        commands.publish(id, command("agreements", draft(id, "practice-refusals")));
        RecordMetadata malformed = commands.publish(id, "{\"type\":\"agreements\",\"body\":{\"agreementId\":");
        RecordMetadata unknownType = commands.publish(id, command("agreements/teleportations", "{}"));
        RecordMetadata invalid = commands.publish(id, command("agreements/signatures", withAgreementId(id,
                "{\"party\":\"CONTROLLER\",\"signatory\":\"" + personal + "\",\"place\":\"Groningen\",\"signedOn\":\"" + personal + "\"}")));
        RecordMetadata conflicting = commands.publish(id, command("agreements", draft(id, "practice-other")));
        RecordMetadata unknownAgreement = commands.publish(id, command("agreements/signatures",
                withAgreementId("agr-kafka-nowhere", signature("CONTROLLER", "2026-03-01", null))));
        commands.publish(id, command("agreements/signatures", withAgreementId(id, signature("CONTROLLER", "2026-03-01", null))));

        await().atMost(Duration.ofSeconds(20)).until(() -> agreement(id),
                state -> state != null && state.get("signatures").size() == 1);
        List<ConsumerRecord<byte[], byte[]>> letters = await().atMost(Duration.ofSeconds(10))
                .until(() -> deadLettersKeyed(id), found -> found.size() == 5);

        assertThat(letters).extracting(letter -> header(letter, Topics.HEADER_SOURCE_OFFSET)).containsExactly(
                offset(malformed), offset(unknownType), offset(invalid), offset(conflicting), offset(unknownAgreement));
        assertThat(letters).extracting(letter -> header(letter, Topics.HEADER_ERROR_CLASS)).containsExactly(
                "InvalidInput", "InvalidInput", "InvalidInput", "ConflictingDuplicate", "RuleViolation");
        assertThat(header(letters.get(1), Topics.HEADER_ERROR_REASON)).startsWith("type:");
        assertThat(header(letters.get(2), Topics.HEADER_ERROR_REASON)).startsWith("body.signedOn:");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(header(letter, Topics.HEADER_ERROR_REASON)).isNotBlank().doesNotContain(personal);
            assertThat(header(letter, Topics.HEADER_SOURCE_TOPIC)).isEqualTo(StoreUnderTest.topics().commands());
        });
        assertThat(text(letters.get(0).value())).isEqualTo("{\"type\":\"agreements\",\"body\":{\"agreementId\":");
        assertThat(text(letters.get(2).value())).contains(personal); // the record itself, unchanged, for whoever fixes it
    }

    @Test
    void aRepeatedIdenticalRecordAppendsNothing() {
        String id = "agr-kafka-repeat";
        String drafted = command("agreements", draft(id, "practice-repeat-kafka"));
        commands.publish(id, drafted);
        await().atMost(Duration.ofSeconds(20)).until(() -> StoredEvents.count(StoreUnderTest.eventStoreUrl(), id) == 1);

        commands.publish(id, drafted);
        commands.publish(id, command("agreements/signatures", withAgreementId(id, signature("CONTROLLER", "2026-03-01", null))));

        // The signature comes after the repeat on the same partition: once it is stored, the repeat was handled.
        await().atMost(Duration.ofSeconds(20)).until(() -> StoredEvents.count(StoreUnderTest.eventStoreUrl(), id) >= 2);
        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl(), id)).isEqualTo(2);
        assertThat(deadLettersKeyed(id)).isEmpty();
        assertThat(api.get("/metrics", null).body()).contains("evidence_ingest_records_total{outcome=\"repeated\"}");
    }

    private JsonNode agreement(String id) {
        Api.Response response = api.get("/api/v1/agreements/" + id, SECURITY);
        return response.status() == 200 ? response.json() : null;
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLettersKeyed(String key) {
        return commands.deadLetters().stream().filter(letter -> key.equals(text(letter.key()))).toList();
    }

    /** Over HTTP the agreement id is in the path; on Kafka it is a field of the body. */
    static String withAgreementId(String agreementId, String body) {
        return "{\"agreementId\":\"" + agreementId + "\"," + body.strip().substring(1);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return text(record.headers().lastHeader(name).value());
    }

    private static String offset(RecordMetadata metadata) {
        return Long.toString(metadata.offset());
    }

    static Map.Entry<String, String> keyed(String key, String value) {
        return Map.entry(key, value);
    }
}
