package nl.evidencestore.query.timeline;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.query.Category;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.Violation;

/**
 * One access as the timeline shows it, with its verdict; never its subject reference, only
 * whether that subject was erased since (crypto-shredding).
 */
public record TimelineItem(String accessId, String eventId, String agreementId, String controllerId, Actor actor,
                           String purpose, List<Category> categories, boolean sensitive, String verdict,
                           List<Violation> violations, String instructionRef, boolean instructionVerified,
                           boolean recordedLate, String country, String system, Instant occurredAt,
                           Instant recordedAt, boolean subjectErased) {
    static TimelineItem of(ForwardedEvent event, AccessRecorded access, String controllerId, boolean subjectErased) {
        List<Category> categories = Category.allOf(access.categories());
        return new TimelineItem(access.accessId(), event.eventId(), access.agreementId().value(), controllerId,
                access.actor(), access.purpose().name(), categories,
                categories.stream().anyMatch(Category::sensitive), access.verdict().verdict().name(),
                access.verdict().violations(), access.instructionRef(), access.instructionVerified(),
                access.recordedLate(), access.country().code(), access.system(), access.occurredAt(),
                event.recordedAt(), subjectErased);
    }
}
