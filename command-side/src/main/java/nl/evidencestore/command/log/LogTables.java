package nl.evidencestore.command.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The log's tables. Leaves are append-only and keep the proofs of every old checkpoint
 * available; a tile is the root of 256 consecutive leaves, so that a proof never reads more
 * than a tile's leaves; a stream's head is its last logged event.
 *
 * <p>A leaf names its event by stream and sequence number, which the event table holds
 * unique too: a leaf is written for every event the store appends, so each index on it costs
 * as much as one on the event table. Two serve every lookup: by leaf index, and by stream
 * and sequence (within a stream the log's order is the sequence order).
 */
public final class LogTables {
    static final String[] DDL = {
            """
            CREATE TABLE IF NOT EXISTS evidence_log_leaf (
                idx       BIGINT PRIMARY KEY,
                stream_id VARCHAR(255) NOT NULL,
                sequence  BIGINT NOT NULL,
                hash      CHAR(64) NOT NULL
            )""",
            // A log written before leaves were named by stream and sequence: its event ids and
            // their indexes go (the event table maps an id to its stream and sequence).
            "DROP INDEX IF EXISTS evidence_log_leaf_stream",
            "DROP INDEX IF EXISTS evidence_log_leaf_sequence",
            "ALTER TABLE evidence_log_leaf DROP COLUMN IF EXISTS event_id",
            // A bundle finds its agreement's leaves by sequence; an event is logged once.
            "CREATE UNIQUE INDEX IF NOT EXISTS evidence_log_leaf_event ON evidence_log_leaf (stream_id, sequence)",
            """
            CREATE TABLE IF NOT EXISTS evidence_log_tile (
                tile BIGINT PRIMARY KEY,
                root BYTEA NOT NULL
            )""",
            """
            CREATE TABLE IF NOT EXISTS evidence_log_head (
                stream_id VARCHAR(255) PRIMARY KEY,
                sequence  BIGINT NOT NULL,
                hash      CHAR(64) NOT NULL,
                idx       BIGINT NOT NULL
            )""",
            """
            CREATE TABLE IF NOT EXISTS evidence_checkpoint (
                tree_size BIGINT PRIMARY KEY,
                note      TEXT NOT NULL
            )"""
    };

    private LogTables() {
    }

    public static void create(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the log's tables", e);
        }
    }
}
