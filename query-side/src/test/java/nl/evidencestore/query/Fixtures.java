package nl.evidencestore.query;

import nl.evidencestore.query.timeline.TimelineIndex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.json.RawJson;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.ForwardedEvents;
import nl.evidencestore.shared.kafka.Topics;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Test data for the query side: one agreement's lifecycle, as events, as forwarded, as Kafka records. */
public final class Fixtures {
    public static final AgreementId AGREEMENT = AgreementId.of("agr-praktijk-1");
    public static final ControllerId CONTROLLER = ControllerId.of("praktijk-1");
    public static final AgreementId OTHER_AGREEMENT = AgreementId.of("agr-praktijk-2");
    public static final ControllerId OTHER_CONTROLLER = ControllerId.of("praktijk-2");
    public static final String DOCUMENT_SHA256 = "a".repeat(64);

    public static final Instant DRAFTED_RECORDED = Instant.parse("2026-02-20T10:00:00Z");
    public static final Instant CONTROLLER_SIGNED_RECORDED = Instant.parse("2026-03-01T10:00:00Z");
    public static final Instant PROCESSOR_SIGNED_RECORDED = Instant.parse("2026-03-05T09:00:00Z");

    private Fixtures() {
    }

    public static AgreementDrafted drafted(AgreementId agreement, ControllerId controller) {
        return new AgreementDrafted(agreement,
                new ControllerParty(controller, "Tandartspraktijk De Kies", "Dorpsstraat 1, Utrecht", "J. de Vries"),
                new ProcessorParty("Citodent Imaging B.V.", "Industrieweg 5, Amersfoort", "P. Jansen"),
                DOCUMENT_SHA256, "2025-11-06",
                List.of(DataCategory.of("SURNAME"), DataCategory.of("BSN"), DataCategory.of("DENTAL_PHOTOS")),
                List.of(Purpose.of("REMOTE_SUPPORT"), Purpose.of("DATABASE_CONVERSION")),
                List.of(new SubProcessor("hosting-1", "Hosting B.V.", "NL", "backups")), false);
    }

    public static AgreementSigned controllerSigns(LocalDate on) {
        return new AgreementSigned(AGREEMENT, Party.CONTROLLER, "J. de Vries", "Utrecht", on, DOCUMENT_SHA256);
    }

    public static AgreementSigned processorSigns(LocalDate on) {
        return new AgreementSigned(AGREEMENT, Party.PROCESSOR, "P. Jansen", "Amersfoort", on, null);
    }

    public static ForwardedEvent forwarded(String eventId, long sequence, long position, Instant recordedAt,
                                           EvidenceEvent event) {
        return new ForwardedEvent(eventId, EventTypes.nameOf(event.getClass()), event.streamId(), sequence,
                position, recordedAt, RawJson.of(Json.mapper().valueToTree(event)));
    }

    /** Drafted, the controller signs on 1 March, the processor on 5 March, in force from 5 March. */
    public static List<ForwardedEvent> lifecycle() {
        LocalDate lastSignature = LocalDate.parse("2026-03-05");
        return List.of(
                forwarded("ev-drafted", 1, 10, DRAFTED_RECORDED, drafted(AGREEMENT, CONTROLLER)),
                forwarded("ev-signed-c", 2, 11, CONTROLLER_SIGNED_RECORDED, controllerSigns(LocalDate.parse("2026-03-01"))),
                forwarded("ev-signed-p", 3, 14, PROCESSOR_SIGNED_RECORDED, processorSigns(lastSignature)),
                forwarded("ev-effective", 4, 15, PROCESSOR_SIGNED_RECORDED, new AgreementTookEffect(AGREEMENT, lastSignature)));
    }

    /** Adds the events to the index as the records at offsets 0, 1, 2, … of the events topic. */
    public static void addAsRecords(TimelineIndex index, List<ForwardedEvent> events) {
        for (int offset = 0; offset < events.size(); offset++) {
            index.add(events.get(offset), offset);
        }
    }

    public static ForwardedEvent otherControllersDraft() {
        return forwarded("ev-other-drafted", 1, 20, DRAFTED_RECORDED, drafted(OTHER_AGREEMENT, OTHER_CONTROLLER));
    }

    /** The record as the command side's forwarder writes it. */
    public static ConsumerRecord<byte[], byte[]> record(long offset, ForwardedEvent event, long lowWaterMark) {
        return record(offset, event.eventId(), event.type(), event.position(), ForwardedEvents.write(event), lowWaterMark);
    }

    /** A record with this value, as if the forwarder had sent it for that event. */
    public static ConsumerRecord<byte[], byte[]> recordOf(long offset, ForwardedEvent event, byte[] value) {
        return record(offset, event.eventId(), event.type(), event.position(), value, event.position());
    }

    /** A record whose value is not a forwarded event at all. */
    public static ConsumerRecord<byte[], byte[]> undecodable(long offset, String eventId, long position, long lowWaterMark) {
        return record(offset, eventId, "AgreementSigned", position,
                "{\"not\":\"an event\"".getBytes(StandardCharsets.UTF_8), lowWaterMark);
    }

    /** What the forwarder sends when the log is idle: no value, only a low-water mark. */
    public static ConsumerRecord<byte[], byte[]> watermark(long offset, long lowWaterMark) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.HEADER_EVENT_TYPE, Topics.WATERMARK_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_LOW_WATER_MARK, ByteBuffer.allocate(Long.BYTES).putLong(lowWaterMark).array());
        return new ConsumerRecord<>(Topics.EVENTS, 0, offset, 0L, TimestampType.CREATE_TIME, -1, -1,
                null, null, headers, Optional.empty());
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String eventId, String type, long position,
                                                        byte[] value, long lowWaterMark) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.HEADER_EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_POSITION, ByteBuffer.allocate(Long.BYTES).putLong(position).array());
        headers.add(Topics.HEADER_LOW_WATER_MARK, ByteBuffer.allocate(Long.BYTES).putLong(lowWaterMark).array());
        return new ConsumerRecord<>(Topics.EVENTS, 0, offset, 0L, TimestampType.CREATE_TIME, -1, value.length,
                AGREEMENT.value().getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty());
    }
}
