package nl.evidencestore.shared.evidence.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.subject.SealedSubject;

/** One agreement, one period, and chains of hashed lines built the way a bundle carries them. */
final class ReportTestData {
    static final AgreementId AGREEMENT = new AgreementId("agr-1");
    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-03-31T23:59:59Z");
    static final BundleScope SCOPE = new BundleScope("bundle-1", AGREEMENT, new ControllerId("practice-1"), FROM, TO,
            Instant.parse("2026-04-02T10:00:00Z"), "auditor-1");
    static final String ROOT = "ab".repeat(32);

    private ReportTestData() {
    }

    /** One stream's chain: each event follows the last, hashed and linked by prevHash. */
    static final class Chain {
        private final String streamId;
        private final List<EventLine> lines = new ArrayList<>();
        private String previous = EventHash.GENESIS;

        Chain(String streamId) {
            this.streamId = streamId;
        }

        Chain add(EvidenceEvent event, String recordedAt) {
            return append(event, Instant.parse(recordedAt), false);
        }

        Chain stub(EvidenceEvent event, String recordedAt) {
            return append(event, Instant.parse(recordedAt), true);
        }

        private Chain append(EvidenceEvent event, Instant recordedAt, boolean stub) {
            byte[] payload = Json.canonical(event);
            Instant occurredAt = event instanceof AccessRecorded a ? a.occurredAt() : recordedAt;
            EventEnvelope envelope = new EventEnvelope(1, streamId + "#" + lines.size(),
                    EventTypes.nameOf(event.getClass()), streamId, lines.size(), occurredAt, recordedAt, previous,
                    EventHash.payloadSha256(payload));
            String hash = EventHash.of(envelope);
            lines.add(stub ? EventLine.stub(envelope, hash) : new EventLine(envelope, hash, payload));
            previous = hash;
            return this;
        }

        List<EventLine> lines() {
            return List.copyOf(lines);
        }
    }

    static ReportFigures figures(List<EventLine> lines) {
        ReportFigures figures = new ReportFigures(SCOPE);
        lines.forEach(figures::accept);
        return figures;
    }

    static AgreementDrafted drafted(String controllerName) {
        return new AgreementDrafted(AGREEMENT,
                new ControllerParty(new ControllerId("practice-1"), controllerName, "Damrak 1, Amsterdam", "J. de Vries"),
                new ProcessorParty("Citodent Imaging B.V.", "Amstel 312, 1017 AP Amsterdam", "P. Reijers"),
                "d".repeat(64), "2025-11-06", categories("SURNAME", "DATE_OF_BIRTH", "BSN", "DENTAL_PHOTOS"),
                List.of(new Purpose("REMOTE_SUPPORT"), new Purpose("DATABASE_CONVERSION")),
                List.of(new SubProcessor("hosting-1", "Cloud Hosting B.V.", "NL", "hosting of conversion servers")), false);
    }

    static AccessRecorded access(String accessId, String occurredAt, String... articles) {
        List<Violation> violations = java.util.Arrays.stream(articles).map(a -> new Violation(a, "breaks " + a)).toList();
        return new AccessRecorded(AGREEMENT, accessId, new Actor("emp-7", ActorKind.EMPLOYEE, null),
                new Purpose("REMOTE_SUPPORT"), "TICKET-" + accessId, categories("SURNAME", "BSN"), new SealedSubject("key-patient-42", "cGF0aWVudC1zZWNyZXQtNDI="),
                new Country("NL"), "remote-support", Instant.parse(occurredAt), Verdict.of(violations), true, false,
                "eea-2026-01");
    }

    static List<DataCategory> categories(String... names) {
        return java.util.Arrays.stream(names).map(DataCategory::new).toList();
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }
}
