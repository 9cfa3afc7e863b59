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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.evidencestore.infra.kafka.KafkaTopics;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.CommandTopic;
import nl.evidencestore.infra.support.DatabaseOutage;
import nl.evidencestore.infra.support.HostileRequests;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import nl.evidencestore.shared.kafka.TopicNames;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Commands published on Kafka: on the whole store, the same rules and idempotency as HTTP, and
 * a DLQ; on a command side of its own (database and topics of its own), that offsets are
 * committed only for durable commands, across a restart and a database outage.
 */
class CommandIngestIT {
    private static final Duration GAP_GRACE = Duration.ofSeconds(2);
    private static final int RESTART_RECORDS = 2000;
    /** One access as a record's body: its access id, then its agreement id. */
    private static final String ACCESS = """
            {"accessId":"%s","agreementId":"%s","actor":{"id":"robot-1","kind":"SYSTEM"},"purpose":"REMOTE_SUPPORT",
             "categories":["SURNAME"],"subjectRef":"patient-1","country":"NL","system":"remote-support",
             "occurredAt":"2026-04-01T09:00:00Z"}""";

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
    void aBatchOfAccessesPublishedOnKafkaIsRecordedWithVerdicts() {
        String id = "agr-kafka-accesses";
        commands.publish(id, command("agreements", draft(id, "practice-kafka-accesses")));
        commands.publish(id, command("agreements/signatures", withAgreementId(id, signature("PROCESSOR", "2026-03-05", null))));
        commands.publish(id, command("agreements/signatures", withAgreementId(id, signature("CONTROLLER", "2026-03-01", null))));
        String access = """
                {"accessId":"%s","agreementId":"%s","actor":{"id":"robot-1","kind":"SYSTEM"},"purpose":"%s",
                 "instructionRef":"ZD-1","categories":["SURNAME"],"subjectRef":"patient-1","country":"NL",
                 "system":"remote-support","occurredAt":"2026-04-01T09:00:00Z"}""";
        commands.publish(id, command("access-events", "[" + access.formatted("kafka-acc-1", id, "REMOTE_SUPPORT") + ","
                + access.formatted("kafka-acc-2", id, "MARKETING") + "]"));

        JsonNode events = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/agreements/" + id + "/events?fromSequence=4", SECURITY),
                response -> response.status() == 200 && response.json().get("events").size() == 2).json().get("events");

        assertThat(events.get(0).get("payload").get("verdict").get("verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(events.get(1).get("payload").get("verdict").get("violations").get(0).get("article").asText())
                .isEqualTo("1.3");
    }

    @Test
    void consecutiveAccessRecordsShareATransactionButARefusedOneAloneGoesToTheDlq() {
        String id = "agr-kafka-run";
        commands.publish(id, command("agreements", draft(id, "practice-kafka-run")));
        List<RecordMetadata> refused = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String body = i == 5 ? ACCESS.formatted("kafka-run-" + i, "agr-kafka-run-nowhere")
                    : i == 8 ? ACCESS.formatted("kafka-run-2", id).replace("REMOTE_SUPPORT", "MARKETING")
                    : ACCESS.formatted("kafka-run-" + i, id);
            RecordMetadata sent = commands.publish(id, command("access-events", body));
            if (i == 5 || i == 8) {
                refused.add(sent);
            }
        }

        List<ConsumerRecord<byte[], byte[]>> letters = await().atMost(Duration.ofSeconds(20))
                .until(() -> deadLettersKeyed(id), found -> found.size() == 2);
        JsonNode events = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/agreements/" + id + "/events?fromSequence=1", SECURITY),
                response -> response.status() == 200 && response.json().get("events").size() == 10).json().get("events");

        assertThat(letters).extracting(letter -> header(letter, Topics.HEADER_SOURCE_OFFSET))
                .containsExactly(offset(refused.get(0)), offset(refused.get(1)));
        assertThat(letters).extracting(letter -> header(letter, Topics.HEADER_ERROR_CLASS))
                .containsExactly("RuleViolation", "ConflictingDuplicate");
        List<String> stored = new ArrayList<>();
        events.forEach(event -> stored.add(event.get("payload").get("accessId").asText()));
        assertThat(stored).as("in the order published").containsExactly("kafka-run-0", "kafka-run-1", "kafka-run-2",
                "kafka-run-3", "kafka-run-4", "kafka-run-6", "kafka-run-7", "kafka-run-9", "kafka-run-10", "kafka-run-11");
    }

    @Test
    void aRecordThatDoesNotParseAfterARunIsCommittedWithTheRunSoNothingWaitsForTheNextRecord() {
        String id = "agr-kafka-run-then-garbage";
        commands.publish(id, command("agreements", draft(id, "practice-run-then-garbage")));
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(command("access-events", ACCESS.formatted("run-then-garbage-" + i, id))
                    .getBytes(StandardCharsets.UTF_8));
        }
        records.add("not a record".getBytes(StandardCharsets.UTF_8));

        List<RecordMetadata> sent = commands.publishBytes(id, records);

        RecordMetadata garbage = sent.get(sent.size() - 1);
        TopicPartition partition = new TopicPartition(garbage.topic(), garbage.partition());
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersKeyed(id), found -> found.size() == 1);
        // The draft and the fifty accesses.
        await().atMost(Duration.ofSeconds(20)).until(() -> StoredEvents.count(StoreUnderTest.eventStoreUrl(), id) == 51);
        // Nothing else is published to that partition: the last record must not wait for a next one to be committed.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(commands.committed().get(partition)).isEqualTo(garbage.offset() + 1));
    }

    @Test
    void aRecordInUtf16GoesToTheDlqAndTheNextRecordStillArrives() {
        String id = "agr-kafka-utf16";
        String drafted = command("agreements", draft(id, "practice-utf16"));
        commands.publishBytes(id, List.of(drafted.getBytes(StandardCharsets.UTF_16), drafted.getBytes(StandardCharsets.UTF_8)));

        List<ConsumerRecord<byte[], byte[]>> letters = await().atMost(Duration.ofSeconds(20))
                .until(() -> deadLettersKeyed(id), found -> found.size() == 1);
        assertThat(header(letters.get(0), Topics.HEADER_ERROR_CLASS)).isEqualTo("InvalidInput");
        await().atMost(Duration.ofSeconds(20)).until(() -> StoredEvents.count(StoreUnderTest.eventStoreUrl(), id) == 1);
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

    /** quality.md, "Bad input": Kafka records likewise go to the DLQ and never stop the consumer. */
    @Test
    void aThousandHostileRecordsAllGoToTheDlqAppendNothingAndTheNextRecordStillArrives() {
        String key = "hostile-records";
        String id = "agr-kafka-after-hostile";
        HostileRequests generator = new HostileRequests(20261126L);
        List<HostileRequests.HostileRecord> hostile = IntStream.range(0, 1000).mapToObj(i -> generator.nextRecord()).toList();
        long before = StoredEvents.quietCount(StoreUnderTest.eventStoreUrl());

        commands.publishBytes(key, hostile.stream().map(HostileRequests.HostileRecord::value).toList());
        commands.publish(key, command("agreements", draft(id, "practice-after-hostile")));

        await().atMost(Duration.ofSeconds(60)).until(() -> agreement(id), state -> state != null);
        List<ConsumerRecord<byte[], byte[]>> letters = await().atMost(Duration.ofSeconds(20))
                .until(() -> deadLettersKeyed(key), found -> found.size() >= 1000);
        assertThat(letters).hasSize(1000);
        // Refused as invalid input (a rule only for a member whose absence a rule refuses), never for
        // a missing aggregate, which most of the examples' ids would be here.
        for (int i = 0; i < 1000; i++) {
            assertThat(header(letters.get(i), Topics.HEADER_ERROR_CLASS)).as("record %d: %s", i,
                    header(letters.get(i), Topics.HEADER_ERROR_REASON)).isIn(hostile.get(i).errorClasses());
        }
        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl()) - before).as("only the draft after them").isEqualTo(1);
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

    @Test
    void offsetsAreCommittedOnlyForDurableCommandsSoARestartMidStreamLosesAndDuplicatesNothing() throws SQLException {
        DataSource database = SharedInfrastructure.freshDatabase();
        TopicNames topics = freshTopics("ingest-restart-");
        List<Map.Entry<String, String>> drafts = IntStream.range(0, RESTART_RECORDS)
                .mapToObj(i -> "agr-restart-" + i)
                .map(id -> Map.entry(id, command("agreements", draft(id, "practice-restart"))))
                .toList();
        try (CommandTopic topic = new CommandTopic(SharedInfrastructure.kafkaBootstrap(), topics)) {
            topic.publishAll(drafts);
            MeterRegistry before = new SimpleMeterRegistry();
            try (CommandSide side = CommandSide.start(database, SharedInfrastructure.kafkaBootstrap(), topics, GAP_GRACE, before)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> storedIds(database).size() >= RESTART_RECORDS / 10);
            }

            Set<String> storedAtStop = storedIds(database);
            Map<TopicPartition, Long> committedAtStop = topic.committed();
            assertThat(storedAtStop).hasSizeLessThan(RESTART_RECORDS); // it did stop mid-stream
            for (ConsumerRecord<byte[], byte[]> record : topic.commands()) {
                long committed = committedAtStop.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L);
                if (record.offset() < committed) {
                    assertThat(storedAtStop).as("committed at offset %d", record.offset()).contains(text(record.key()));
                }
            }
            // A clean stop commits everything it made durable.
            assertThat(committedAtStop.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(storedAtStop.size());

            MeterRegistry after = new SimpleMeterRegistry();
            long restarted = System.nanoTime();
            try (CommandSide side = CommandSide.start(database, SharedInfrastructure.kafkaBootstrap(), topics, GAP_GRACE, after)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> storedIds(database).size() == RESTART_RECORDS);
                double seconds = (System.nanoTime() - restarted) / 1e9;
                System.out.printf("command ingest: %d records after a restart in %.1f s (%.0f/s, one transaction each, group join included)%n",
                        RESTART_RECORDS - storedAtStop.size(), seconds, (RESTART_RECORDS - storedAtStop.size()) / seconds);
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        topic.committed().values().stream().mapToLong(Long::longValue).sum() == RESTART_RECORDS);
            }

            assertThat(storedEvents(database)).isEqualTo(RESTART_RECORDS);
            assertThat(records(before, "accepted") + records(after, "accepted")).isEqualTo(RESTART_RECORDS);
            assertThat(topic.deadLetters()).isEmpty();
        }
    }

    @Test
    void aDatabaseOutageIsRetriedWithoutCommittingAndWithoutDeadLetters() {
        DataSource database = SharedInfrastructure.freshDatabase();
        DatabaseOutage outage = new DatabaseOutage(database);
        TopicNames topics = freshTopics("ingest-outage-");
        MeterRegistry metrics = new SimpleMeterRegistry();
        try (CommandTopic topic = new CommandTopic(SharedInfrastructure.kafkaBootstrap(), topics);
             CommandSide side = CommandSide.start(outage.dataSource(), SharedInfrastructure.kafkaBootstrap(), topics,
                     GAP_GRACE, metrics)) {
            topic.publish("agr-before-outage", command("agreements", draft("agr-before-outage", "practice-outage")));
            await().atMost(Duration.ofSeconds(30)).until(() -> records(metrics, "accepted") == 1);

            outage.begin();
            RecordMetadata during = topic.publish("agr-during-outage",
                    command("agreements", draft("agr-during-outage", "practice-outage")));
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.counter("evidence.ingest.retries").count() >= 3);
            TopicPartition partition = new TopicPartition(during.topic(), during.partition());
            assertThat(topic.committed().getOrDefault(partition, 0L)).isLessThanOrEqualTo(during.offset());
            assertThat(topic.deadLetters()).isEmpty();

            outage.end();
            await().atMost(Duration.ofSeconds(30)).until(() -> records(metrics, "accepted") == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> topic.committed().getOrDefault(partition, 0L) > during.offset());
            assertThat(storedIdsQuietly(database)).contains("agr-before-outage", "agr-during-outage");
            assertThat(topic.deadLetters()).isEmpty();
            assertThat(records(metrics, "dead-lettered")).isZero();
        }
    }

    @Test
    void aRunOfAccessRecordsCutOffByADatabaseOutageIsNotCommittedAndArrivesAfterIt() {
        DataSource database = SharedInfrastructure.freshDatabase();
        DatabaseOutage outage = new DatabaseOutage(database);
        TopicNames topics = freshTopics("ingest-outage-run-");
        MeterRegistry metrics = new SimpleMeterRegistry();
        String id = "agr-outage-run";
        try (CommandTopic topic = new CommandTopic(SharedInfrastructure.kafkaBootstrap(), topics);
             CommandSide side = CommandSide.start(outage.dataSource(), SharedInfrastructure.kafkaBootstrap(), topics,
                     GAP_GRACE, metrics)) {
            topic.publish(id, command("agreements", draft(id, "practice-outage-run")));
            await().atMost(Duration.ofSeconds(30)).until(() -> records(metrics, "accepted") == 1);

            outage.begin();
            RecordMetadata first = null;
            for (int i = 0; i < 5; i++) {
                RecordMetadata sent = topic.publish(id, command("access-events", """
                        {"accessId":"outage-run-%d","agreementId":"%s","actor":{"id":"robot-1","kind":"SYSTEM"},
                         "purpose":"REMOTE_SUPPORT","categories":["SURNAME"],"subjectRef":"patient-1","country":"NL",
                         "system":"remote-support","occurredAt":"2026-04-01T09:00:00Z"}""".formatted(i, id)));
                first = first == null ? sent : first;
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.counter("evidence.ingest.retries").count() >= 3);
            TopicPartition partition = new TopicPartition(first.topic(), first.partition());
            assertThat(topic.committed().getOrDefault(partition, 0L)).as("nothing of the run is durable yet")
                    .isLessThanOrEqualTo(first.offset());

            outage.end();
            await().atMost(Duration.ofSeconds(30)).until(() -> records(metrics, "accepted") == 6);
            assertThat(storedAccessIdsQuietly(database)).containsExactlyInAnyOrder(
                    "outage-run-0", "outage-run-1", "outage-run-2", "outage-run-3", "outage-run-4");
            assertThat(topic.deadLetters()).isEmpty();
        }
    }

    private static Set<String> storedAccessIdsQuietly(DataSource database) {
        Set<String> ids = new HashSet<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT convert_from(payload, 'UTF8')::json->>'accessId'"
                     + " FROM DomainEventEntry WHERE eventType = 'AccessRecorded'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static TopicNames freshTopics(String prefix) {
        TopicNames topics = TopicNames.withPrefix(prefix + UUID.randomUUID() + ".");
        KafkaTopics.ensure(SharedInfrastructure.kafkaConnection(),
                KafkaTopics.storeTopics(topics, KafkaTopics.DEFAULT_COMMAND_PARTITIONS, 1, Duration.ofDays(1)),
                Duration.ofSeconds(30));
        return topics;
    }

    private static double records(MeterRegistry metrics, String outcome) {
        return metrics.counter("evidence.ingest.records", "outcome", outcome).count();
    }

    private static Set<String> storedIds(DataSource database) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static Set<String> storedIdsQuietly(DataSource database) {
        try {
            return storedIds(database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long storedEvents(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM DomainEventEntry")) {
            row.next();
            return row.getLong(1);
        }
    }

    private JsonNode agreement(String id) {
        Api.Response response = api.get("/api/v1/agreements/" + id, SECURITY);
        return response.status() == 200 ? response.json() : null;
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLettersKeyed(String key) {
        return commands.deadLetters().stream().filter(letter -> key.equals(text(letter.key()))).toList();
    }

    /** Over HTTP the agreement id is in the path; on Kafka it is a field of the body. */
    private static String withAgreementId(String agreementId, String body) {
        return "{\"agreementId\":\"" + agreementId + "\"," + body.strip().substring(1);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return text(record.headers().lastHeader(name).value());
    }

    private static String offset(RecordMetadata metadata) {
        return Long.toString(metadata.offset());
    }
}
