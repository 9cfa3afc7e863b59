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
        Out out = new Out();
        Members members = new Members(out);
        members.text("accessId", access.accessId());
        if (access.actor() != null) {
            members.name("actor");
            Members actor = new Members(out);
            actor.token("id", access.actor().id());
            actor.token("kind", access.actor().kind() == null ? null : access.actor().kind().name());
            actor.token("subProcessorId", access.actor().subProcessorId());
            actor.end();
        }
        members.token("agreementId", access.agreementId() == null ? null : access.agreementId().value());
        if (access.categories() != null) {
            members.name("categories");
            categories(out.json, access.categories());
        }
        members.token("country", access.country() == null ? null : access.country().code());
        if (access.instructionOfAnotherAgreement()) {
            members.name("instructionOfAnotherAgreement");
            out.json.append("true");
        }
        members.text("instructionRef", access.instructionRef());
        members.bool("instructionVerified", access.instructionVerified());
        members.token("occurredAt", access.occurredAt() == null ? null : IsoInstant.format(access.occurredAt()));
        members.token("purpose", access.purpose() == null ? null : access.purpose().name());
        members.bool("recordedLate", access.recordedLate());
        members.text("referenceData", access.referenceData());
        if (access.subject() != null) {
            members.name("subject");
            Members subject = new Members(out);
            subject.token("ciphertext", access.subject().ciphertext());
            subject.token("keyId", access.subject().keyId());
            subject.end();
        }
        members.text("system", access.system());
        if (access.verdict() != null) {
            members.name("verdict");
            Members verdict = new Members(out);
            verdict.token("verdict", access.verdict().verdict() == null ? null : access.verdict().verdict().name());
            if (access.verdict().violations() != null) {
                verdict.name("violations");
                violations(out, access.verdict().violations());
            }
            verdict.end();
        }
        members.end();
        return out.surrogate ? null : out.json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Category names are UPPER_SNAKE tokens (DataCategory refuses anything else): nothing to escape. */
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
                json.append('"').append(category.name()).append('"');
            }
        }
        json.append(']');
    }

    private static void violations(Out out, List<Violation> violations) {
        out.json.append('[');
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                out.json.append(',');
            }
            Violation violation = violations.get(i);
            if (violation == null) {
                out.json.append("null");
                continue;
            }
            Members members = new Members(out);
            members.text("article", violation.article());
            members.text("reason", violation.reason());
            members.end();
        }
        out.json.append(']');
    }

    /** Below U+D800 and nothing JCS escapes: written as it is. */
    private static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0xD800) {
                return false;
            }
        }
        return true;
    }

    /** The text so far, and whether a string held a surrogate (a pair is one code point in JCS, a lone one escaped). */
    private static final class Out {
        final StringBuilder json = new StringBuilder(640);
        boolean surrogate;
    }

    /** The members of one object, opened at construction, written in the order given (the caller's JCS order). */
    private static final class Members {
        private final Out out;
        private boolean first = true;

        Members(Out out) {
            this.out = out;
            out.json.append('{');
        }

        void name(String name) {
            if (!first) {
                out.json.append(',');
            }
            first = false;
            // Member names here are plain ASCII letters: nothing to escape.
            out.json.append('"').append(name).append("\":");
        }

        /**
         * A value whose type allows only {@code [A-Za-z0-9+/=._:-]} (ids, UPPER_SNAKE tokens,
         * base64, a country code, an instant, an enum's name): those types refuse anything
         * else, so nothing here needs escaping.
         */
        void token(String name, String value) {
            if (value != null) {
                name(name);
                out.json.append('"').append(value).append('"');
            }
        }

        /** Free text: escaped as JCS requires. */
        void text(String name, String value) {
            if (value == null) {
                return;
            }
            name(name);
            if (isPlain(value)) {
                out.json.append('"').append(value).append('"');
            } else {
                JcsText.string(out.json, value);
                out.surrogate |= value.chars().anyMatch(c -> Character.isSurrogate((char) c));
            }
        }

        void bool(String name, boolean value) {
            name(name);
            out.json.append(value);
        }

        void end() {
            out.json.append('}');
        }
    }
}
