package nl.evidencestore.command.kafka;

import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.command.access.ReportedAccess;
import nl.evidencestore.command.access.ReportedAccesses;
import nl.evidencestore.command.catalog.CommandBinding;
import nl.evidencestore.command.catalog.CommandCatalog;
import nl.evidencestore.command.catalog.CommandRoute;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.http.ObjectMembers;
import nl.evidencestore.shared.http.Role;

/**
 * Reads the value of a command record, {@code {"type": <catalog type>, "body": {…}}}: the body
 * is what the HTTP route takes, its path parameters included as fields, and its bytes go to the
 * route's reader as they came, parsed once. Every problem is an {@link InvalidInput} naming the
 * field, with the body's fields as {@code body.<path>}.
 */
final class CommandRecords {
    private final CommandCatalog catalog;

    CommandRecords(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    /** The record's value: its type, and its body's member when it has one. */
    record Envelope(String type, ObjectMembers.Member body) {
    }

    private static final Set<String> MEMBERS = Set.of("type", "body");

    /** What a record asks for: one catalogued command, or a batch of accesses (api.md, access-events). */
    sealed interface Parsed permits One, Accesses {
    }

    record One(IdempotentCommand command) implements Parsed {
    }

    record Accesses(List<ReportedAccess> accesses) implements Parsed {
    }

    static final String ACCESS_EVENTS = "access-events";

    Parsed parse(byte[] value) {
        Envelope envelope = envelopeOf(value);
        if (ACCESS_EVENTS.equals(envelope.type())) {
            if (envelope.body() == null || !(envelope.body().isObject() || envelope.body().isArray())) {
                throw new InvalidInput("body", "must be an access object or an array of them");
            }
            return new Accesses(withinBody(() -> ReportedAccesses.parse(envelope.body().bytes())));
        }
        return new One(commandOf(envelope));
    }

    IdempotentCommand commandOf(byte[] value) {
        return commandOf(envelopeOf(value));
    }

    private static Envelope envelopeOf(byte[] value) {
        if (value == null) {
            throw new InvalidInput("$", "a record value is required");
        }
        ObjectMembers members = ObjectMembers.read(value, MEMBERS);
        ObjectMembers.Member type = members.member("type")
                .filter(member -> member.kind() != JsonToken.VALUE_NULL)
                .orElseThrow(() -> new InvalidInput("type", "is required"));
        if (type.text() == null) {
            throw new InvalidInput("type", "must be a string");
        }
        return new Envelope(type.text(), members.member("body").orElse(null));
    }

    private IdempotentCommand commandOf(Envelope envelope) {
        CommandRoute route = catalog.byType(envelope.type())
                // Kafka has no principals: it takes what internal systems may send, not what only an admin may.
                .filter(candidate -> candidate.roles().contains(Role.PUBLISHER))
                .orElseThrow(() -> new InvalidInput("type", "is not a command type that internal systems may publish"));
        if (envelope.body() == null || !envelope.body().isObject()) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        return withinBody(() -> CommandBinding.bind(route, envelope.body().bytes(), Map.of()));
    }

    /** Field errors are named from the record's value: {@code body.signedOn}, {@code body[3].categories}. */
    private static <T> T withinBody(java.util.function.Supplier<T> binding) {
        try {
            return binding.get();
        } catch (InvalidInput e) {
            throw new InvalidInput(e.getMessage(), e.errors().stream()
                    .map(error -> new InvalidInput.FieldError(withinBody(error.field()), error.message()))
                    .toList());
        }
    }

    private static String withinBody(String field) {
        if (field.equals("$")) {
            return "body";
        }
        return field.startsWith("[") ? "body" + field : "body." + field;
    }
}
