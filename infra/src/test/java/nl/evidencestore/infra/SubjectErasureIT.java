package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.ADMIN;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.evidencestore.command.subject.SubjectKeys;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Verification;
import nl.evidencestore.shared.integrity.VerificationKey;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.subject.SealedSubject;
import nl.evidencestore.shared.subject.SubjectRefs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Crypto-shredding end to end (quality.md): after a subject is erased, their reference is in no
 * file of the Lucene index, no view, no record of the event topic and no log line; the stored
 * events did not change; a later access of the same reference is sealed under a new key.
 */
class SubjectErasureIT {
    private static final String AGREEMENT = "agr-erasure-noord";
    private static final String OTHER_AGREEMENT = "agr-erasure-other";
    private static final String CONTROLLER = "practice-erasure-noord";
    /** The subject to erase; unusual enough that finding it anywhere can only mean it leaked. */
    private static final String ERASED = "patient-erase-q7z93k";
    private static final String KEPT = "patient-keep-w41x8v";

    private final Api api = StoreUnderTest.api();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    private final CapturedLog log = new CapturedLog();

    @BeforeEach
    void captureTheLog() {
        log.start();
    }

    @AfterEach
    void stopCapturing() {
        log.stop();
    }

    @Test
    void anErasedReferenceIsNowhereAndTheEventsAreAsTheyWere() {
        api.post("/api/v1/agreements", PUBLISHER, draft(AGREEMENT, CONTROLLER));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("PROCESSOR", "2026-03-05", null));
        Api.Response accesses = api.post("/api/v1/access-events", PUBLISHER, "[" + access("acc-erase-1", ERASED) + ","
                + access("acc-erase-2", ERASED) + "," + access("acc-erase-kept", KEPT) + "]");
        assertThat(accesses.status()).as(accesses.body()).isEqualTo(201);
        Api.Response request = api.post("/api/v1/subject-requests", PUBLISHER, """
                {"requestId":"sr-erasure-1","agreementId":"%s","type":"ERASURE","receivedBy":"CONTROLLER",
                 "receivedOn":"%s","subjectRef":"%s"}""".formatted(AGREEMENT, today, ERASED));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        // The request's fact enters the agreement's chain after it commits: wait for it, so that it comes before the erasure.
        await().atMost(Duration.ofSeconds(30)).until(() -> events().toString().contains("\"factType\":\"SubjectRequestReceived\""));
        JsonNode before = events();
        SealedSubject erasedSeal = subjectOf(before, "acc-erase-1");
        SealedSubject keptSeal = subjectOf(before, "acc-erase-kept");
        assertThat(subjectOf(before, "acc-erase-2").keyId()).isEqualTo(erasedSeal.keyId());
        assertThat(keys().open(erasedSeal).plaintext()).contains(ERASED);

        Api.Response erased = erase("erasure-noord-1", AGREEMENT);

        assertThat(erased.status()).as(erased.body()).isEqualTo(201);
        long position = erased.json().get("position").asLong();
        JsonNode after = events();
        assertThat(after.get("events").get(after.get("events").size() - 1).get("payload"))
                .isEqualTo(Json.mapper().valueToTree(Map.of("agreementId", AGREEMENT, "erasureId", "erasure-noord-1",
                        "keyId", erasedSeal.keyId(), "requestedOn", today.toString())));
        assertThat(hashes(after).subList(0, before.get("events").size())).isEqualTo(hashes(before))
                .doesNotContain("");
        assertThat(after.get("events").get(3)).as("the access, stored form and all").isEqualTo(before.get("events").get(3));
        assertThat(keys().open(erasedSeal)).isEqualTo(new SubjectRefs.Erased(erasedSeal.keyId()));
        assertThat(keys().open(keptSeal).plaintext()).contains(KEPT);

        JsonNode timeline = api.get("/api/v1/timeline?agreementId=" + AGREEMENT + "&minPosition=" + position, ADMIN).json();
        assertThat(timeline.get("items")).extracting(item -> item.get("accessId").asText() + " "
                + item.get("subjectErased").asBoolean())
                .containsExactlyInAnyOrder("acc-erase-1 true", "acc-erase-2 true", "acc-erase-kept false");
        assertThat(api.get("/api/v1/subject-requests/sr-erasure-1", ADMIN).json().get("subjectErased").asBoolean()).isTrue();
        List<String> views = List.of(
                api.get("/api/v1/timeline?agreementId=" + AGREEMENT + "&minPosition=" + position, ADMIN).body(),
                api.get("/api/v1/subject-requests?agreementId=" + AGREEMENT + "&minPosition=" + position, ADMIN).body(),
                api.get("/api/v1/subject-requests/sr-erasure-1", ADMIN).body(),
                api.get("/api/v1/agreements/" + AGREEMENT + "?minPosition=" + position, ADMIN).body(),
                api.get("/api/v1/agreements/" + AGREEMENT + "/events", ADMIN).body(),
                api.get("/api/v1/obligations?agreementId=" + AGREEMENT, ADMIN).body());
        assertThat(views).allSatisfy(view -> assertThat(view).doesNotContain(ERASED));
        List<String> topic = eventTopicUntil(erased.json().at("/eventIds/0").asText());
        assertThat(topic).anySatisfy(record -> assertThat(record).contains(erasedSeal.keyId()))
                .noneMatch(record -> record.contains(ERASED));
        // Once the erased accesses are committed to the files (so the scan reads what the index holds), the reference is not.
        await().atMost(Duration.ofSeconds(60)).until(() -> committedAccesses("acc-erase-1", "acc-erase-2") == 2);
        assertThat(indexFiles()).noneMatch(file -> contains(file, ERASED));
        assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(ERASED));
    }

    @Test
    void aBundleMadeAfterTheErasureVerifiesAndShowsTheErasedSubjectAsErased(@TempDir Path directory) throws IOException {
        String agreement = "agr-erasure-bundle";
        api.post("/api/v1/agreements", PUBLISHER, draft(agreement, "practice-erasure-bundle"));
        api.post("/api/v1/access-events", PUBLISHER, "[" + access(agreement, "acc-bundle-erased", ERASED) + ","
                + access(agreement, "acc-bundle-kept", KEPT) + "]");
        assertThat(erase("erasure-bundle-1", agreement).status()).isEqualTo(201);
        JsonNode events = eventsOf(agreement).get("events");
        String from = events.get(1).get("recordedAt").asText();
        String to = events.get(2).get("recordedAt").asText();

        Api.Response exported = api.post("/api/v1/evidence-bundles", ADMIN, """
                {"agreementId":"%s","from":"%s","to":"%s"}""".formatted(agreement, from, to));
        assertThat(exported.status()).as(exported.body()).isEqualTo(201);
        byte[] zip = api.getBytes("/api/v1/evidence-bundles/" + exported.json().get("bundleId").asText(), ADMIN);
        Path file = Files.write(directory.resolve("bundle.zip"), zip);
        Verification verified = BundleVerifier.verify(file,
                Optional.of(VerificationKey.fromPem(api.get("/api/v1/public-key", ADMIN).body())), Optional.empty());

        assertThat(verified.failed()).as(verified.print()).isFalse();
        List<String> rows = new String(entry(zip, "timeline.csv"), StandardCharsets.UTF_8).lines().skip(1).toList();
        assertThat(rows).anyMatch(row -> row.contains("acc-bundle-erased") && row.endsWith("," + TimelineCsv.ERASED))
                .anyMatch(row -> row.contains("acc-bundle-kept") && row.endsWith("," + KEPT));
        assertThat(new String(zip, StandardCharsets.ISO_8859_1)).doesNotContain(ERASED);
    }

    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the bundle");
    }

    @Test
    void aLaterAccessOfAnErasedSubjectIsSealedUnderANewKeyWhileTheErasedOneStaysErased() {
        api.post("/api/v1/agreements", PUBLISHER, draft(OTHER_AGREEMENT, "practice-erasure-other"));
        api.post("/api/v1/access-events", PUBLISHER, access(OTHER_AGREEMENT, "acc-erase-before", ERASED));
        SealedSubject first = subjectOf(eventsOf(OTHER_AGREEMENT), "acc-erase-before");
        assertThat(erase("erasure-other-1", OTHER_AGREEMENT).status()).isEqualTo(201);

        api.post("/api/v1/access-events", PUBLISHER, access(OTHER_AGREEMENT, "acc-erase-after", ERASED));
        SealedSubject later = subjectOf(eventsOf(OTHER_AGREEMENT), "acc-erase-after");

        assertThat(later.keyId()).isNotEqualTo(first.keyId());
        assertThat(keys().open(later).plaintext()).contains(ERASED);
        assertThat(keys().open(first)).isInstanceOf(SubjectRefs.Erased.class);
    }

    @Test
    void anErasureIsAnAdminsIdempotentActOnAKnownAgreementThatNeverQuotesTheReference() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-erasure-rules", "practice-erasure-rules"));
        String body = erasure("erasure-rules-1", "agr-erasure-rules", ERASED);

        assertThat(api.post("/api/v1/subject-erasures", PUBLISHER, body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/subject-erasures", SECURITY, body).status()).isEqualTo(403);
        Api.Response first = api.post("/api/v1/subject-erasures", ADMIN, body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(eventsOf("agr-erasure-rules").get("events").get(1).get("payload").has("keyId"))
                .as("no key existed for the subject under this controller").isFalse();
        Api.Response repeat = api.post("/api/v1/subject-erasures", ADMIN, body);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("eventIds")).isEqualTo(first.json().get("eventIds"));
        Api.Response conflict = api.post("/api/v1/subject-erasures", ADMIN,
                erasure("erasure-rules-1", "agr-erasure-rules", KEPT));
        assertThat(conflict.status()).isEqualTo(409);
        Api.Response unknown = api.post("/api/v1/subject-erasures", ADMIN, erasure("erasure-rules-2", "agr-never", ERASED));
        assertThat(unknown.status()).isEqualTo(422);
        Api.Response tooLong = api.post("/api/v1/subject-erasures", ADMIN,
                erasure("erasure-rules-3", "agr-erasure-rules", ERASED + "x".repeat(200)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(Stream.of(first, repeat, conflict, unknown, tooLong).map(Api.Response::body))
                .noneMatch(answer -> answer.contains(ERASED) || answer.contains(KEPT));
    }

    private String access(String accessId, String subjectRef) {
        return access(AGREEMENT, accessId, subjectRef);
    }

    private static String access(String agreementId, String accessId, String subjectRef) {
        return """
                {"accessId":"%s","agreementId":"%s","actor":{"id":"robot-erasure","kind":"SYSTEM"},
                 "purpose":"REMOTE_SUPPORT","instructionRef":"ticket-erasure","categories":["SURNAME"],
                 "subjectRef":"%s","country":"NL","system":"remote-support","occurredAt":"2026-04-01T09:00:00Z"}"""
                .formatted(accessId, agreementId, subjectRef);
    }

    private String erasure(String erasureId, String agreementId, String subjectRef) {
        return """
                {"erasureId":"%s","agreementId":"%s","subjectRef":"%s","requestedOn":"%s"}"""
                .formatted(erasureId, agreementId, subjectRef, today);
    }

    private Api.Response erase(String erasureId, String agreementId) {
        return api.post("/api/v1/subject-erasures", ADMIN, erasure(erasureId, agreementId, ERASED));
    }

    private JsonNode events() {
        return eventsOf(AGREEMENT);
    }

    private JsonNode eventsOf(String agreementId) {
        return api.get("/api/v1/agreements/" + agreementId + "/events", SECURITY).json();
    }

    private static SealedSubject subjectOf(JsonNode events, String accessId) {
        for (JsonNode event : events.get("events")) {
            if (accessId.equals(event.at("/payload/accessId").asText())) {
                return Json.mapper().convertValue(event.at("/payload/subject"), SealedSubject.class);
            }
        }
        throw new AssertionError("no access " + accessId + " among the stored events");
    }

    /** Each stored event's hash as the store computed it when it was appended. */
    private static List<String> hashes(JsonNode events) {
        List<String> hashes = new ArrayList<>();
        events.get("events").forEach(event -> hashes.add(event.get("hash").asText()));
        return hashes;
    }

    /** A key store of its own over the store's tables, as the bundle exporter reads them. */
    private static SubjectKeys keys() {
        String url = StoreUnderTest.eventStoreUrl();
        return SubjectKeys.load(() -> DriverManager.getConnection(url), 1);
    }

    /** Every record of the store's event topic from offset 0, once the one with this event id has arrived. */
    private static List<String> eventTopicUntil(String eventId) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-scan-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            String topic = StoreUnderTest.topics().events();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                return records.stream().anyMatch(record -> record.contains(eventId));
            });
            return records;
        }
    }

    private static List<Path> indexFiles() {
        try (Stream<Path> files = Files.walk(StoreUnderTest.dataDir().resolve("index"))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many of these accesses the index's last commit on disk holds. */
    private static int committedAccesses(String... accessIds) throws IOException {
        try (org.apache.lucene.store.Directory directory =
                     org.apache.lucene.store.FSDirectory.open(StoreUnderTest.dataDir().resolve("index"));
             org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            int found = 0;
            for (String accessId : accessIds) {
                found += reader.docFreq(new org.apache.lucene.index.Term("accessId", accessId)) > 0 ? 1 : 0;
            }
            return found;
        } catch (org.apache.lucene.index.IndexNotFoundException e) {
            return 0;
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            // A segment merged away while we walked: it cannot hold anything then.
            return false;
        }
    }

    /** Every log line of the store while a test runs, with its stack trace, at DEBUG for the store and Axon. */
    private static final class CapturedLog extends AppenderBase<ILoggingEvent> {
        private static final List<String> VERBOSE = List.of("nl.evidencestore", "org.axonframework");
        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        private final List<Level> levels = new ArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            String line = event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
                line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            lines.add(line);
        }

        @Override
        public void start() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            setContext(context);
            super.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
            VERBOSE.forEach(name -> {
                levels.add(context.getLogger(name).getLevel());
                context.getLogger(name).setLevel(Level.DEBUG);
            });
        }

        @Override
        public void stop() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
            for (int i = 0; i < VERBOSE.size(); i++) {
                context.getLogger(VERBOSE.get(i)).setLevel(levels.get(i));
            }
            super.stop();
        }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
