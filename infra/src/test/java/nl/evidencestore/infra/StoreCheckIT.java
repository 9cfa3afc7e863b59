package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.command.log.StoreCheck;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.shared.integrity.VerificationKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** {@code check} re-verifies the store from its tables and names every row edited behind its back. */
class StoreCheckIT {
    private static final Api api = StoreUnderTest.api();
    private static final String AGREEMENT = "agr-check";
    private static final PGSimpleDataSource database = new PGSimpleDataSource();
    private static StoreCheck check;

    @BeforeAll
    static void anAgreement() {
        api.post("/api/v1/agreements", PUBLISHER, draft(AGREEMENT, "practice-check"));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        database.setUrl(StoreUnderTest.eventStoreUrl());
        check = new StoreCheck(database, VerificationKey.fromPem(api.get("/api/v1/public-key", AUDITOR).body()));
    }

    @Test
    void anUntouchedStorePasses() {
        List<StoreCheck.Result> results = check.run();

        assertThat(results).noneMatch(StoreCheck.Result::failed);
        assertThat(results).filteredOn(result -> result.area().equals("chains"))
                .allMatch(result -> result.checked() > 0);
    }

    @Test
    void aPayloadEditedInTheDatabaseIsReportedWithItsEvent() throws SQLException {
        String eventId = eventIdOf(1);
        byte[] original = payloadOf(eventId);
        try {
            update("UPDATE DomainEventEntry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'2026-03-01', '2026-02-01'), 'UTF8') WHERE eventIdentifier = ?", eventId);

            Optional<StoreCheck.Result> chains = area("chains");

            assertThat(chains).get().matches(StoreCheck.Result::failed);
            assertThat(chains.get().examples()).anyMatch(finding -> finding.contains(eventId) && finding.contains("edited"));
        } finally {
            try (Connection connection = database.getConnection();
                 PreparedStatement restore = connection.prepareStatement(
                         "UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?")) {
                restore.setBytes(1, original);
                restore.setString(2, eventId);
                restore.executeUpdate();
            }
        }
        assertThat(area("chains")).get().matches(result -> !result.failed());
    }

    @Test
    void aHashRewrittenToMatchAnEditBreaksTheChainAndDisagreesWithTheLog() throws SQLException {
        String eventId = eventIdOf(0);
        String original = hashOf(eventId);
        try {
            update("UPDATE DomainEventEntry SET hash = repeat('a', 64) WHERE eventIdentifier = ?", eventId);

            assertThat(area("chains").get().examples()).anyMatch(finding -> finding.contains("prevHash"));
            assertThat(area("log against events").get().examples()).anyMatch(finding -> finding.contains(eventId));
        } finally {
            try (Connection connection = database.getConnection();
                 PreparedStatement restore = connection.prepareStatement(
                         "UPDATE DomainEventEntry SET hash = ? WHERE eventIdentifier = ?")) {
                restore.setString(1, original);
                restore.setString(2, eventId);
                restore.executeUpdate();
            }
        }
    }

    private static Optional<StoreCheck.Result> area(String name) {
        return check.run().stream().filter(result -> result.area().equals(name)).findFirst();
    }

    private static String eventIdOf(long sequence) throws SQLException {
        return single("SELECT eventIdentifier FROM DomainEventEntry WHERE aggregateIdentifier = '" + AGREEMENT
                + "' AND sequenceNumber = " + sequence);
    }

    private static String hashOf(String eventId) throws SQLException {
        return single("SELECT hash FROM DomainEventEntry WHERE eventIdentifier = '" + eventId + "'");
    }

    private static byte[] payloadOf(String eventId) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payload FROM DomainEventEntry WHERE eventIdentifier = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }

    private static String single(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private static void update(String sql, String eventId) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, eventId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
