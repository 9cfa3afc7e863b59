package nl.evidencestore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.evidencestore.command.access.AccessResult;
import nl.evidencestore.command.access.ReportedAccess;
import nl.evidencestore.command.agreement.AddPurpose;
import nl.evidencestore.command.agreement.DraftAgreement;
import nl.evidencestore.command.agreement.SignAgreement;
import nl.evidencestore.command.log.StoreCheck;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.shared.integrity.SigningKey;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.kafka.TopicNames;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A long agreement is snapshotted every so many events, from its lifecycle events alone, and a
 * restarted store reads it from the snapshot and the events after it.
 */
class AgreementSnapshotsIT {
    private static final int EVERY = 20;
    private static final Purpose SUPPORT = Purpose.of("REMOTE_SUPPORT");
    private static final Purpose TRAINING = Purpose.of("STAFF_TRAINING");
    private static final DataCategory SURNAME = DataCategory.of("SURNAME");

    private final DataSource database = SharedInfrastructure.freshDatabase();
    private final TopicNames topics = SharedInfrastructure.freshTopics("snapshots");

    @Test
    @DisplayName("every so many events an agreement's lifecycle is snapshotted, up to its last committed event")
    void anAgreementIsSnapshottedFromItsLifecycleEvents() throws Exception {
        AgreementId agreement = AgreementId.of("agr-snapshot-lifecycle");
        snapshotted(agreement, 3 * EVERY, 2 * EVERY);
        JsonNode snapshot = Json.mapper().readTree(snapshotPayload(agreement));

        assertThat(snapshotAt(agreement)).isLessThanOrEqualTo(lastSequence(agreement));
        List<String> types = new ArrayList<>();
        snapshot.get("lifecycle").forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactly("AgreementDrafted",
                "AgreementSigned", "AgreementSigned", "AgreementTookEffect", "PurposeAdded");
        assertThat(snapshot.get("mirroredSources")).isEmpty();
    }

    @Test
    @DisplayName("a restarted store reads an agreement from its snapshot: judged by what the snapshot holds")
    void aRestartedStoreReadsTheSnapshot() throws SQLException {
        AgreementId agreement = AgreementId.of("agr-snapshot-restart");
        assertThat(snapshotted(agreement, 2 * EVERY, EVERY)).containsOnly(Verdict.Outcome.COMPLIANT);
        try (CommandSide restarted = start()) {
            assertThat(record(restarted, agreement, "b", 1)).as("read from snapshot and events: as before")
                    .containsExactly(Verdict.Outcome.COMPLIANT);
        }

        // Proof that the snapshot is what the store reads: one without the purpose's consent judges otherwise.
        withoutLifecycleEvent(agreement, "PurposeAdded");
        try (CommandSide restarted = start()) {
            assertThat(record(restarted, agreement, "c", 1)).containsExactly(Verdict.Outcome.VIOLATION);
        }
    }

    @Test
    @DisplayName("an agreement whose rows predate the stored domain type is snapshotted from them as well")
    void rowsWithoutTheirDomainTypeAreFoldedByTheirJavaType() throws Exception {
        AgreementId agreement = AgreementId.of("agr-snapshot-untyped");
        try (CommandSide commands = start()) {
            inForceWithTraining(commands, agreement);
        }
        execute("UPDATE DomainEventEntry SET eventType = NULL WHERE aggregateIdentifier = ?", agreement);
        try (CommandSide commands = start()) {
            record(commands, agreement, "a", 2 * EVERY);
            awaitSnapshotAt(agreement, EVERY);
        }
        assertThat(Json.mapper().readTree(snapshotPayload(agreement)).get("lifecycle")).hasSize(5);
        assertThat(snapshotsArea().failed()).isFalse();
        try (CommandSide restarted = start()) {
            assertThat(record(restarted, agreement, "b", 1)).containsExactly(Verdict.Outcome.COMPLIANT);
        }
    }

    @Test
    @DisplayName("check names a snapshot edited behind the store's back, and passes the ones the store took")
    void checkNamesAnEditedSnapshot() throws SQLException {
        AgreementId agreement = AgreementId.of("agr-snapshot-check");
        snapshotted(agreement, 2 * EVERY, EVERY);
        assertThat(snapshotsArea().failed()).isFalse();
        assertThat(snapshotsArea().checked()).isPositive();

        withoutLifecycleEvent(agreement, "PurposeAdded");

        StoreCheck.Result edited = snapshotsArea();
        assertThat(edited.failed()).isTrue();
        assertThat(edited.examples()).singleElement().asString()
                .contains("snapshot of " + agreement).contains("lifecycle events differ");
    }

    private StoreCheck.Result snapshotsArea() {
        return new StoreCheck(database, SigningKey.generate().verificationKey()).run().stream()
                .filter(result -> result.area().equals("snapshots")).findFirst().orElseThrow();
    }

    /** The agreement in force with an added purpose, {@code accesses} recorded, snapshotted at {@code atLeast}: their verdicts. */
    private List<Verdict.Outcome> snapshotted(AgreementId agreement, int accesses, long atLeast) {
        try (CommandSide commands = start()) {
            inForceWithTraining(commands, agreement);
            List<Verdict.Outcome> verdicts = record(commands, agreement, "a", accesses);
            awaitSnapshotAt(agreement, atLeast);
            return verdicts;
        }
    }

    private void awaitSnapshotAt(AgreementId agreement, long atLeast) {
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshotAt(agreement) >= atLeast);
    }

    private CommandSide start() {
        return CommandSide.start(database, SharedInfrastructure.kafkaBootstrap(), topics, new SimpleMeterRegistry(),
                CommandSide.Options.DEFAULTS.withSnapshotEvery(EVERY));
    }

    private static void inForceWithTraining(CommandSide commands, AgreementId agreement) {
        commands.submitter().submit(new DraftAgreement(agreement,
                new ControllerParty(ControllerId.of("practice-" + agreement), "Praktijk", "Straat 1", "J. Jansen"),
                new ProcessorParty("Citodent Imaging B.V.", "Amstel 312", "P. Reijers"), "0".repeat(64), "1",
                List.of(SURNAME), List.of(SUPPORT), List.of(), false));
        commands.submitter().submit(sign(agreement, Party.CONTROLLER));
        commands.submitter().submit(sign(agreement, Party.PROCESSOR));
        commands.submitter().submit(new AddPurpose(agreement, TRAINING, "consent-1", LocalDate.of(2026, 1, 10)));
    }

    private static SignAgreement sign(AgreementId agreement, Party party) {
        return new SignAgreement(agreement, party, "Signatory " + party, "Amsterdam", LocalDate.of(2026, 1, 5), null);
    }

    /** {@code count} accesses for the added purpose, in batches of five; their verdicts. */
    private static List<Verdict.Outcome> record(CommandSide commands, AgreementId agreement, String prefix, int count) {
        List<Verdict.Outcome> verdicts = new ArrayList<>();
        for (int from = 0; from < count; from += 5) {
            List<ReportedAccess> batch = IntStream.range(from, Math.min(count, from + 5))
                    .mapToObj(i -> new ReportedAccess(agreement + "-" + prefix + i, agreement,
                            new Actor("robot-1", ActorKind.SYSTEM, null), TRAINING, "ticket-1", List.of(SURNAME),
                            "patient-" + i, Country.of("NL"), "remote-support", Instant.parse("2026-02-01T09:00:00Z")))
                    .toList();
            commands.accesses().submit(batch).results().stream().map(AccessResult::verdict).forEach(verdicts::add);
        }
        return verdicts;
    }

    private void execute(String sql, AgreementId agreement) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, agreement.value());
            assertThat(statement.executeUpdate()).isPositive();
        }
    }

    private long snapshotAt(AgreementId agreement) throws SQLException {
        return single("SELECT coalesce(max(sequenceNumber), -1) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                agreement);
    }

    private long lastSequence(AgreementId agreement) throws SQLException {
        return single("SELECT max(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?", agreement);
    }

    private long single(String sql, AgreementId agreement) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, agreement.value());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private byte[] snapshotPayload(AgreementId agreement) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
            statement.setString(1, agreement.value());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }

    private void withoutLifecycleEvent(AgreementId agreement, String type) throws SQLException {
        ObjectNode snapshot;
        try {
            snapshot = (ObjectNode) Json.mapper().readTree(snapshotPayload(agreement));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ArrayNode lifecycle = (ArrayNode) snapshot.get("lifecycle");
        for (int i = lifecycle.size() - 1; i >= 0; i--) {
            if (lifecycle.get(i).get("type").asText().equals(type)) {
                lifecycle.remove(i);
            }
        }
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "UPDATE SnapshotEventEntry SET payload = ? WHERE aggregateIdentifier = ?")) {
            statement.setBytes(1, Json.write(snapshot));
            statement.setString(2, agreement.value());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
