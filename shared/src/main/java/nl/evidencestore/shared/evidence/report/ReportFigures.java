package nl.evidencestore.shared.evidence.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.event.agreement.EvidenceBundleSealed;
import nl.evidencestore.shared.event.agreement.EvidenceExported;
import nl.evidencestore.shared.event.audit.AuditEvent;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.disclosure.DisclosureRecorded;
import nl.evidencestore.shared.event.mirror.AgreementOnly;
import nl.evidencestore.shared.event.mirror.MirroredFact;
import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureRecorded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestEvent;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.model.SecurityMeasureId;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.terms.AgreementTerms;
import nl.evidencestore.shared.terms.TermsAt;

/**
 * What {@code report.html} shows, accumulated line by line from {@code events.jsonl} in one
 * pass: aggregates of the accesses and the small lifecycle facts, never the accesses themselves.
 *
 * <p>The agreement's terms are folded from the lifecycle events recorded by the end of the
 * period, so the report shows the agreement as the store knew it then; facts recorded later
 * (a back-dated consent, say) are counted apart. Breach, subject-request and audit facts come from
 * the agreement's own chain (mirrored there, agreement-only), keyed by breach, request and audit id.
 */
public final class ReportFigures {
    private final BundleScope scope;
    private final AgreementTerms terms = new AgreementTerms();
    private final List<AgreementSigned> signatures = new ArrayList<>();
    private final AccessTally tally = new AccessTally();
    private final LateArrivals lateArrivals;
    private final List<Export> exports = new ArrayList<>();
    private final Map<String, EvidenceBundleSealed> seals = new TreeMap<>();
    private final Map<String, BreachFacts> breaches = new TreeMap<>();
    private final Map<String, RequestFacts> requests = new TreeMap<>();
    private final Map<String, AuditFacts> audits = new TreeMap<>();
    private final Map<String, SecurityMeasureRecorded> measures = new TreeMap<>();
    private long measuresRecordedAfterPeriod;
    private final Set<String> streams = new HashSet<>();
    private String lastStream;
    private long lines;
    private long stubs;
    private long lifecycleFactsAfterPeriod;
    private long unknownTypes;

    /**
     * An export of evidence (Art. 9), when the store recorded it, and its seal with the bundle's
     * root hash: null for this bundle (sealed after it was built) and for an export that never
     * completed or was sealed after this bundle's checkpoint.
     */
    public record Export(Instant recordedAt, EvidenceExported exported, EvidenceBundleSealed sealed) {
    }

    public ReportFigures(BundleScope scope) {
        this.scope = scope;
        this.lateArrivals = new LateArrivals(scope);
    }

    public void accept(EventLine line) {
        accept(line, line.isStub() ? Optional.empty() : line.event());
    }

    /** The same, for a caller that holds the line's event already (empty: a stub, or a type this version does not know). */
    public void accept(EventLine line, Optional<EvidenceEvent> event) {
        accept(line.envelope(), line.isStub(), event);
    }

    /** The same, for a caller that holds the line's envelope and knows whether it is a stub, not the line. */
    public void accept(EventEnvelope envelope, boolean stub, Optional<EvidenceEvent> event) {
        count(envelope);
        if (stub) {
            stubs++;
            return;
        }
        event.ifPresent(fact -> fact(fact, envelope));
        unknownTypes += event.isEmpty() ? 1 : 0;
    }

    /**
     * The same for an access of the scope's agreement, recorded inside the period and given in
     * full, whose payload the caller read in place ({@link StoredAccess#figures}).
     */
    public void acceptAccess(EventLine line, AccessFigures access) {
        count(line.envelope());
        tally.access(access);
    }

    private void count(EventEnvelope envelope) {
        lines++;
        // Streams come whole, one after another: a set is asked only when the stream changes.
        if (!envelope.streamId().equals(lastStream)) {
            streams.add(envelope.streamId());
            lastStream = envelope.streamId();
        }
        lateArrivals.consider(envelope);
    }

    private void fact(EvidenceEvent event, EventEnvelope envelope) {
        boolean inPeriod = scope.covers(envelope.recordedAt());
        if (event instanceof AccessRecorded e && ours(e.agreementId().value()) && inPeriod) {
            tally.access(e);
        } else if (event instanceof VerdictReassessed e && ours(e.agreementId().value()) && inPeriod) {
            tally.reassessment(e);
        } else if (event instanceof DisclosureRecorded e && ours(e.agreementId().value()) && inPeriod) {
            tally.disclosure(e);
        } else if (event instanceof EvidenceExported e && ours(e.agreementId().value())) {
            exports.add(new Export(envelope.recordedAt(), e, null));
        } else if (event instanceof EvidenceBundleSealed e && ours(e.agreementId().value())) {
            // A record of an export, not a term of the agreement: shown beside its export, whenever recorded.
            seals.putIfAbsent(e.bundleId(), e);
        } else if (event instanceof AgreementEvent e && ours(e.agreementId().value())) {
            lifecycle(e, envelope);
        } else if (event instanceof SecurityMeasureRecorded e) {
            measure(e, envelope);
        } else if (event instanceof MirroredFact e && ours(e.agreementId().value())
                && AgreementOnly.holds(e.fact(), scope.agreementId())) {
            mirrored(e.fact(), inPeriod);
        }
    }

    /** Art. 5: each measure as last recorded by the end of the period; later records are counted apart. */
    private void measure(SecurityMeasureRecorded event, EventEnvelope envelope) {
        if (envelope.recordedAt().isAfter(scope.to())) {
            measuresRecordedAfterPeriod++;
        } else {
            measures.put(event.measureId().value(), event);
        }
    }

    /** A breach, request or audit fact the agreement's chain holds; their own streams are never carried. */
    private void mirrored(EvidenceEvent fact, boolean inPeriod) {
        if (fact instanceof BreachEvent e) {
            breaches.computeIfAbsent(e.breachId().value(), BreachFacts::new).apply(e);
            tallyIf(inPeriod, BreachFacts.violations(e), e.breachId().value());
        } else if (fact instanceof SubjectRequestEvent e) {
            requests.computeIfAbsent(e.requestId().value(), RequestFacts::new).apply(e);
            tallyIf(inPeriod, RequestFacts.violations(e), e.requestId().value());
        } else if (fact instanceof AuditEvent e) {
            // Shown whenever recorded, as breaches and requests are: an audit carries no violation to tally.
            audits.computeIfAbsent(e.auditId().value(), AuditFacts::new).apply(e);
        }
    }

    private void tallyIf(boolean inPeriod, List<Violation> violations, String recordId) {
        if (inPeriod) {
            tally.violations(violations, recordId);
        }
    }

    private void lifecycle(AgreementEvent event, EventEnvelope envelope) {
        if (envelope.recordedAt().isAfter(scope.to())) {
            lifecycleFactsAfterPeriod++;
            return;
        }
        terms.apply(event);
        if (event instanceof AgreementSigned signed) {
            signatures.add(signed);
        }
    }

    private boolean ours(String agreementId) {
        return scope.agreementId().value().equals(agreementId);
    }

    public BundleScope scope() {
        return scope;
    }

    public AccessCounts accesses() {
        return tally.counts();
    }

    /** In the agreement's own order: Art. 1.1 first, Annex 1 last. */
    public List<ArticleCount> violationsByArticle() {
        return tally.articles();
    }

    /** Accesses that occurred in the period but were recorded after it (stubs in the bundle). */
    public long lateArrivals() {
        return lateArrivals.count();
    }

    public long lines() {
        return lines;
    }

    public long stubs() {
        return stubs;
    }

    public long streams() {
        return streams.size();
    }

    public long employeeStreams() {
        return streams.stream().filter(s -> s.startsWith(EmployeeId.STREAM_KIND)).count();
    }

    public long securityMeasureStreams() {
        return streams.stream().filter(s -> s.startsWith(SecurityMeasureId.STREAM_KIND)).count();
    }

    /** Lifecycle facts recorded after the period: in the bundle, but not part of the terms shown. */
    public long lifecycleFactsAfterPeriod() {
        return lifecycleFactsAfterPeriod;
    }

    /** Lines whose type this version does not know: carried and hash-checked, but not read. */
    public long unknownTypes() {
        return unknownTypes;
    }

    /** Each with its seal, which comes later in the chain than the export itself. */
    public List<Export> exports() {
        return exports.stream().map(x -> new Export(x.recordedAt(), x.exported(), seals.get(x.exported().bundleId())))
                .toList();
    }

    List<EventEnvelope> lateExamples() {
        return lateArrivals.examples();
    }

    List<VerdictReassessed> reassessments() {
        return tally.reassessments();
    }

    /** The agreement as it stood at the end of the period; empty when it was not yet drafted then. */
    public Optional<TermsAt> termsAtEnd() {
        return terms.isDrafted() ? Optional.of(terms.at(scope.to())) : Optional.empty();
    }

    /** The lifecycle folded up to the period's end; ask it about {@code scope.to()}. */
    AgreementTerms terms() {
        return terms;
    }

    List<AgreementSigned> signatures() {
        return List.copyOf(signatures);
    }

    List<BreachFacts> breaches() {
        return List.copyOf(breaches.values());
    }

    List<SecurityMeasureRecorded> securityMeasures() {
        return List.copyOf(measures.values());
    }

    long securityMeasuresRecordedAfterPeriod() {
        return measuresRecordedAfterPeriod;
    }

    List<RequestFacts> requests() {
        return List.copyOf(requests.values());
    }

    List<AuditFacts> audits() {
        return List.copyOf(audits.values());
    }
}
