package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.AgreementTestData.CONTROLLER_SIGNED;
import static nl.evidencestore.command.agreement.LifecycleTestData.delete;
import static nl.evidencestore.command.agreement.LifecycleTestData.held;
import static nl.evidencestore.command.agreement.LifecycleTestData.inForceWith;
import static nl.evidencestore.command.agreement.LifecycleTestData.location;
import static nl.evidencestore.command.agreement.LifecycleTestData.opened;
import static nl.evidencestore.command.agreement.LifecycleTestData.terminate;
import static nl.evidencestore.command.agreement.LifecycleTestData.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.evidencestore.command.access.AccessPolicy;
import nl.evidencestore.command.access.InstructionOwnersInMemory;
import nl.evidencestore.command.access.RecordAccesses;
import nl.evidencestore.command.access.ReportedAccess;
import nl.evidencestore.command.subject.SealsInMemory;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.EvidenceExported;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentGranted;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentRevoked;
import nl.evidencestore.shared.event.agreement.SubProcessorProposed;
import nl.evidencestore.shared.event.agreement.SubjectErased;
import nl.evidencestore.shared.event.agreement.TransferConsentGranted;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.event.mirror.BreachFactMirrored;
import nl.evidencestore.shared.event.mirror.SourceEvent;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.rules.EmployeeRegister;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot must leave an agreement exactly as its events did: every command decides the same
 * from either, and a snapshot survives the store's serializer unchanged.
 */
class AgreementSnapshotTest {
    private static final Instant NOW = Instant.parse("2026-10-20T09:00:00Z");
    private static final SealsInMemory SEALS = new SealsInMemory();
    private static final SubProcessor CONVERTER = new SubProcessor("sp-convert", "Convert GmbH", "DE", "conversion");
    private static final Purpose TRAINING = Purpose.of("STAFF_TRAINING");

    /** Every kind of fact the aggregate folds, and an access and a mirrored fact between them. */
    private static final List<Object> HISTORY = withMirroredFact(inForceWith(
            new PurposeAdded(AGREEMENT, TRAINING, "consent-1", LocalDate.of(2026, 4, 1)),
            new SubProcessorProposed(AGREEMENT, CONVERTER),
            new SubProcessorConsentGranted(AGREEMENT, "sp-convert", "consent-7", LocalDate.of(2026, 4, 1), "f".repeat(64)),
            new SubProcessorConsentRevoked(AGREEMENT, "sp-convert", LocalDate.of(2026, 6, 1)),
            new TransferConsentGranted(AGREEMENT, Country.of("US"), "consent-9", LocalDate.of(2026, 5, 1)),
            new InstructionRegistered(AGREEMENT, "ticket-1", "SUPPORT_TICKET", LocalDate.of(2026, 4, 1),
                    LocalDate.of(2026, 4, 15), List.of(Purpose.of("REMOTE_SUPPORT")), List.of(DataCategory.of("SURNAME"))),
            location("loc-1"), location("loc-2"),
            new EvidenceExported(AGREEMENT, "bundle-1", Instant.parse("2026-01-01T00:00:00Z"), NOW, "auditor-1", null),
            new SubjectErased(AGREEMENT, "erasure-1", "key-1", LocalDate.of(2026, 7, 1)),
            terminated(), opened("loc-1", "loc-2"), held("loc-2", LocalDate.of(2036, 1, 1))));

    private static List<Object> withMirroredFact(AgreementEvent... lifecycle) {
        List<Object> history = new ArrayList<>(List.of(lifecycle));
        history.add(6, breachFact("e-1"));
        return List.copyOf(history);
    }

    static Stream<Object> commands() {
        return Stream.of(
                new RecordAccesses(AGREEMENT, List.of(
                        access("a-1", employee(), "REMOTE_SUPPORT", "NL", "2026-03-20T10:00:00Z"),
                        access("a-2", employee(), "STAFF_TRAINING", "NL", "2026-03-20T10:00:00Z"),
                        access("a-3", employee(), "STAFF_TRAINING", "US", "2026-05-20T10:00:00Z"),
                        access("a-4", subProcessor(), "REMOTE_SUPPORT", "DE", "2026-05-20T10:00:00Z"),
                        access("a-5", subProcessor(), "REMOTE_SUPPORT", "DE", "2026-06-20T10:00:00Z"),
                        access("a-6", employee(), "REMOTE_SUPPORT", "NL", "2026-09-20T10:00:00Z"))),
                AgreementTestData.sign(Party.CONTROLLER, CONTROLLER_SIGNED, null),
                terminate(),
                delete("loc-1", LocalDate.of(2026, 9, 20)),
                delete("loc-2", LocalDate.of(2026, 9, 20)),
                new MirrorFact(AGREEMENT, breachFact("e-1")),
                new MirrorFact(AGREEMENT, breachFact("e-2")));
    }

    @ParameterizedTest
    @MethodSource("commands")
    @DisplayName("a command decides the same on an agreement read from its snapshot as on one read from its events")
    void aSnapshotDecidesAsTheEventsDo(Object command) {
        List<Object> snapshot = List.of(AgreementSnapshot.EMPTY.then(HISTORY));

        List<Object> fromEvents = outcome(HISTORY, command);
        assertThat(outcome(snapshot, command)).isEqualTo(fromEvents);
    }

    @Test
    @DisplayName("the outcomes compared differ when the agreements differ: the comparison can fail")
    void theComparisonSeesADifference() {
        List<Object> withoutTraining = HISTORY.stream().filter(event -> !(event instanceof PurposeAdded)).toList();
        Object command = commands().findFirst().orElseThrow();

        assertThat(outcome(withoutTraining, command)).isNotEqualTo(outcome(HISTORY, command));
    }

    @Test
    @DisplayName("a snapshot holds the lifecycle events in order and each mirrored source once, and survives the serializer")
    void aSnapshotSurvivesTheSerializer() {
        List<Object> history = new ArrayList<>(HISTORY);
        history.add(breachFact("e-1"));
        AgreementSnapshot snapshot = AgreementSnapshot.EMPTY.then(history.subList(0, 8))
                .then(history.subList(8, history.size()));
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(Json.mapper().copy())
                .lenientDeserialization().build();

        SerializedObject<byte[]> stored = serializer.serialize(snapshot, byte[].class);
        AgreementSnapshot read = serializer.deserialize(stored);

        assertThat(read.events()).containsExactlyElementsOf(
                history.stream().filter(AgreementEvent.class::isInstance).map(AgreementEvent.class::cast).toList());
        assertThat(read.mirroredSources()).containsExactly("e-1");
    }

    @Test
    @DisplayName("a stored snapshot with a member this version does not know reads as the serializer reads it")
    void aSnapshotWithAnUnknownMemberIsRead() throws Exception {
        AgreementSnapshot snapshot = AgreementSnapshot.EMPTY.then(HISTORY);
        com.fasterxml.jackson.databind.node.ObjectNode stored = Json.mapper().valueToTree(snapshot);
        stored.put("takenBy", "a later version");

        AgreementSnapshot read = AgreementSnapshot.read(Json.write(stored));

        assertThat(read.events()).isEqualTo(snapshot.events());
        assertThat(read.mirroredSources()).containsExactly("e-1");
    }

    /** The events a command applied, or the refusal it threw, as payloads and texts that compare by value. */
    private static List<Object> outcome(List<Object> given, Object command) {
        AggregateTestFixture<Agreement> fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource((EmployeeRegister) (id, at) -> true);
        fixture.registerInjectableResource(new AccessPolicy(Duration.ofHours(24)));
        fixture.registerInjectableResource(SEALS);
        fixture.registerInjectableResource(new InstructionOwnersInMemory());
        fixture.registerInjectableResource(new DeletionPeriod(30));
        List<Object> outcome = new ArrayList<>();
        ResultValidator<Agreement> result = fixture.given(given).andGivenCurrentTime(NOW).when(command)
                .expectEventsMatching(capture((List<EventMessage<?>> events) ->
                        events.forEach(event -> outcome.add(event.getPayload()))));
        try {
            result.expectException(capture(thrown -> outcome.add(thrown.toString())));
        } catch (AxonAssertionError noRefusal) {
            outcome.add("no refusal");
        }
        return outcome;
    }

    /** A matcher that takes whatever it is shown and always matches: the test compares what it took. */
    @SuppressWarnings("unchecked")
    private static <T> Matcher<T> capture(java.util.function.Consumer<T> into) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                into.accept((T) actual);
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("anything (captured)");
            }
        };
    }

    private static ReportedAccess access(String id, Actor actor, String purpose, String country, String occurredAt) {
        return new ReportedAccess(id, AGREEMENT, actor, Purpose.of(purpose), "ticket-1",
                List.of(DataCategory.of("SURNAME")), "subject-1", Country.of(country), "remote-support",
                Instant.parse(occurredAt));
    }

    private static Actor employee() {
        return new Actor("emp-1", ActorKind.EMPLOYEE, null);
    }

    private static Actor subProcessor() {
        return new Actor("conv-1", ActorKind.SUB_PROCESSOR, "sp-convert");
    }

    private static BreachFactMirrored breachFact(String sourceEventId) {
        BreachId breach = new BreachId("br-1");
        Instant discovered = Instant.parse("2026-03-06T08:00:00Z");
        return new BreachFactMirrored(AGREEMENT, new SourceEvent(breach.toString(), sourceEventId, "BreachReported",
                "b".repeat(64)), new BreachReported(breach, BreachStatus.SUSPECTED, discovered, List.of(AGREEMENT),
                "phishing mail", List.of(new DataCategory("SURNAME")), 3, discovered.plusSeconds(86_400),
                discovered.plusSeconds(259_200)));
    }
}
