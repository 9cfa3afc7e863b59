package nl.evidencestore.infra.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The baseline for W1: how fast this PostgreSQL server takes the same event rows by plain
 * batched JDBC inserts, one transaction per batch, into a table shaped like Axon's.
 */
public final class RawPostgres {
    private RawPostgres() {
    }

    /** Rows per second. */
    public static double insertRate(DataSource scratch, int rows, int batch, byte[] payload) throws SQLException {
        try (Connection connection = scratch.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS raw_events");
                ddl.execute("""
                        CREATE TABLE raw_events (globalIndex BIGSERIAL PRIMARY KEY, aggregateIdentifier VARCHAR(255) NOT NULL,
                          sequenceNumber BIGINT NOT NULL, type VARCHAR(255), eventIdentifier VARCHAR(255) NOT NULL UNIQUE,
                          metaData BYTEA, payload BYTEA NOT NULL, payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL,
                          timeStamp VARCHAR(255) NOT NULL, UNIQUE (aggregateIdentifier, sequenceNumber))""");
            }
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO raw_events (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload,
                      payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                byte[] metaData = "{}".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "agreement-" + (i % 50));
                    insert.setLong(2, i / 50);
                    insert.setString(3, "Agreement");
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, metaData);
                    insert.setBytes(6, payload);
                    insert.setString(7, null);
                    insert.setString(8, "nl.evidencestore.shared.event.access.AccessRecorded");
                    insert.setString(9, Timestamp.from(Instant.now()).toInstant().toString());
                    insert.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE raw_events");
                connection.commit();
            }
            return rows / seconds;
        }
    }
}
