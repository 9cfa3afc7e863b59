package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Requests.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import nl.evidencestore.command.store.EventStoreSchema;
import nl.evidencestore.infra.support.StoreUnderTest;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** What a start-up takes as settled by earlier processes: every position handed out, stored or not. */
class EventPositionsIT {
    @Test
    void thePositionsHandedOutReachTheHighestStoredAndThoseOfRolledBackInserts() throws SQLException {
        StoreUnderTest.api().post("/api/v1/agreements", PUBLISHER, draft("agr-positions", "practice-positions"));
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(StoreUnderTest.eventStoreUrl());
        long stored = query(database, "SELECT max(globalIndex) FROM DomainEventEntry");
        // A position handed out to an insert that is rolled back: no row holds it, ever.
        long rolledBack;
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 ResultSet next = statement.executeQuery("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))")) {
                next.next();
                rolledBack = next.getLong(1);
            }
            connection.rollback();
        }

        assertThat(stored).isPositive();
        assertThat(rolledBack).isGreaterThan(stored);
        assertThat(EventStoreSchema.positionsHandedOut(database)).isGreaterThanOrEqualTo(rolledBack);
    }

    private static long query(PGSimpleDataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
