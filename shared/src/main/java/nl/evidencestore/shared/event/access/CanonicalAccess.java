package nl.evidencestore.shared.event.access;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.evidencestore.shared.json.IsoInstant;
import nl.evidencestore.shared.json.JcsText;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Violation;

/**
 * The RFC 8785 form of an {@link AccessRecorded}, written member by member in JCS key order:
 * the same bytes as {@code Json.canonicalWrite}, which spent more on reflection and the sorted
 * bean writer than the rest of an access's sealing and hashing. Members are left out as the
 * store's JSON leaves them out (null, and {@code instructionOfAnotherAgreement} unless true).
 * CanonicalAccessTest holds it byte for byte to the general canonicaliser.
 */
public final class CanonicalAccess {
    private CanonicalAccess() {
    }

    /** The canonical bytes, or null when a string holds a surrogate (the general canonicaliser then decides). */
    public static byte[] write(AccessRecorded access) {
        StringBuilder json = new StringBuilder(640);
        Members members = new Members(json);
        members.string("accessId", access.accessId());
        if (access.actor() != null) {
            members.name("actor");
            Members actor = new Members(json);
            actor.string("id", access.actor().id());
            actor.string("kind", access.actor().kind() == null ? null : access.actor().kind().name());
            actor.string("subProcessorId", access.actor().subProcessorId());
            actor.end();
        }
        members.string("agreementId", access.agreementId() == null ? null : access.agreementId().value());
        if (access.categories() != null) {
            members.name("categories");
            categories(json, access.categories());
        }
        members.string("country", access.country() == null ? null : access.country().toString());
        if (access.instructionOfAnotherAgreement()) {
            members.name("instructionOfAnotherAgreement");
            json.append("true");
        }
        members.string("instructionRef", access.instructionRef());
        members.bool("instructionVerified", access.instructionVerified());
        members.string("occurredAt", access.occurredAt() == null ? null : IsoInstant.format(access.occurredAt()));
        members.string("purpose", access.purpose() == null ? null : access.purpose().name());
        members.bool("recordedLate", access.recordedLate());
        members.string("referenceData", access.referenceData());
        if (access.subject() != null) {
            members.name("subject");
            Members subject = new Members(json);
            subject.string("ciphertext", access.subject().ciphertext());
            subject.string("keyId", access.subject().keyId());
            subject.end();
        }
        members.string("system", access.system());
        if (access.verdict() != null) {
            members.name("verdict");
            Members verdict = new Members(json);
            verdict.string("verdict", access.verdict().verdict() == null ? null : access.verdict().verdict().name());
            if (access.verdict().violations() != null) {
                verdict.name("violations");
                violations(json, access.verdict().violations());
            }
            verdict.end();
        }
        members.end();
        return hasSurrogate(json) ? null : json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void categories(StringBuilder json, List<DataCategory> categories) {
        json.append('[');
        for (int i = 0; i < categories.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            DataCategory category = categories.get(i);
            if (category == null) {
                json.append("null");
            } else {
                JcsText.string(json, category.toString());
            }
        }
        json.append(']');
    }

    private static void violations(StringBuilder json, List<Violation> violations) {
        json.append('[');
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            Violation violation = violations.get(i);
            if (violation == null) {
                json.append("null");
                continue;
            }
            Members members = new Members(json);
            members.string("article", violation.article());
            members.string("reason", violation.reason());
            members.end();
        }
        json.append(']');
    }

    /** A lone surrogate is escaped by JCS, a pair written as one code point: not this writer's business. */
    private static boolean hasSurrogate(CharSequence json) {
        for (int i = 0; i < json.length(); i++) {
            if (Character.isSurrogate(json.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The members of one object, opened at construction, written in the order given (the caller's JCS order). */
    private static final class Members {
        private final StringBuilder json;
        private boolean first = true;

        Members(StringBuilder json) {
            this.json = json;
            json.append('{');
        }

        void name(String name) {
            if (!first) {
                json.append(',');
            }
            first = false;
            // Member names here are plain ASCII letters: nothing to escape.
            json.append('"').append(name).append("\":");
        }

        void string(String name, String value) {
            if (value != null) {
                name(name);
                JcsText.string(json, value);
            }
        }

        void bool(String name, boolean value) {
            name(name);
            json.append(value);
        }

        void end() {
            json.append('}');
        }
    }
}
