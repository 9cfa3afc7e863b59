package nl.evidencestore.command.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Token;

/**
 * One access to personal data as an internal system reports it (api.md, access-events). A
 * missing instruction is not refused: it is recorded as the Art. 1.1 violation it is.
 */
public record ReportedAccess(String accessId, AgreementId agreementId, Actor actor, Purpose purpose,
                             String instructionRef, List<DataCategory> categories, String subjectRef,
                             Country country, String system, Instant occurredAt) {
    private static final int MAX_CATEGORIES = 64;

    public ReportedAccess {
        Token.id(accessId, "accessId");
        Token.required(agreementId, "agreementId");
        Token.required(actor, "actor");
        Token.required(purpose, "purpose");
        if (instructionRef != null) {
            Token.text(instructionRef, "instructionRef", 200);
        }
        Token.required(categories, "categories");
        if (categories.isEmpty() || categories.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException("categories needs 1 to " + MAX_CATEGORIES + " entries");
        }
        if (categories.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("categories contains null");
        }
        categories = List.copyOf(categories);
        Token.subjectRef(subjectRef);
        Token.required(country, "country");
        Token.text(system, "system", 200);
        Token.required(occurredAt, "occurredAt");
        // The store keeps microseconds (PostgreSQL, the hash envelope): finer digits would not survive.
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** Without the subject reference: personal data never reaches a log line. */
    @Override
    public String toString() {
        return "ReportedAccess[accessId=" + accessId + ", agreementId=" + agreementId + ", actor=" + actor
                + ", purpose=" + purpose + ", country=" + country + ", system=" + system + ", occurredAt=" + occurredAt
                + "]";
    }

    /** Each access is recorded once: its id is the idempotency key. */
    public String idempotencyKey() {
        return "access:" + accessId;
    }
}
