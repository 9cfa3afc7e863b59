package nl.evidencestore.query.disclosure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.evidencestore.query.Category;
import nl.evidencestore.query.Events;
import nl.evidencestore.query.Projection;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.disclosure.DisclosureEvent;
import nl.evidencestore.shared.event.disclosure.DisclosureRecorded;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.DisclosureBasis;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;

/** Every agreement's disclosures (Art. 8), by disclosure id. Written by the feed's thread only. */
public final class DisclosureProjection implements Projection {
    public static final Set<String> EVENT_TYPES = EventTypes.namesOf(DisclosureEvent.class);

    /** One disclosure with its verdict; sensitive categories (GDPR Art. 9, the BSN) are marked. */
    public record Disclosure(String disclosureId, String recipient, DisclosureBasis legalBasis,
                             @JsonInclude(JsonInclude.Include.ALWAYS) String consentReference,
                             @JsonInclude(JsonInclude.Include.ALWAYS) String description,
                             List<Category> categories, LocalDate disclosedOn, Verdict.Outcome verdict,
                             List<Violation> violations, Instant recordedAt) {
    }

    private final Map<AgreementId, Map<String, Disclosure>> byAgreement = new ConcurrentHashMap<>();

    public void reloadFrom(TimelineIndex index) {
        index.storedEventsOfType(EVENT_TYPES).forEach(this::on);
    }

    /** Keyed by the disclosure's id, which is unique: a redelivery replaces it with itself. */
    @Override
    public void on(ForwardedEvent event) {
        if (!EVENT_TYPES.contains(event.type())) {
            return;
        }
        if (Events.decode(event).orElseThrow() instanceof DisclosureRecorded d) {
            byAgreement.computeIfAbsent(d.agreementId(), id -> new ConcurrentHashMap<>())
                    .put(d.disclosureId(), new Disclosure(d.disclosureId(), d.recipient(), d.legalBasis(),
                            d.consentReference(), d.description(),
                            Category.allOf(d.categories()),
                            d.disclosedOn(), d.verdict().verdict(), d.verdict().violations(), event.recordedAt()));
        }
    }

    /** The agreement's disclosures, earliest first. */
    public List<Disclosure> of(AgreementId agreementId) {
        return byAgreement.getOrDefault(agreementId, Map.of()).values().stream()
                .sorted(Comparator.comparing(Disclosure::disclosedOn).thenComparing(Disclosure::disclosureId))
                .toList();
    }
}
