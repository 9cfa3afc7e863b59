package nl.evidencestore.command.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The log's tables. Leaves are append-only and keep the proofs of every old checkpoint
 * available; a tile is the root of 256 consecutive leaves, so that a proof never reads more
 * than a tile's leaves; a stream's head is its last logged event.
 */
public final class LogTables {
    static final String[] DDL = {
            """
            CREATE TABLE IF NOT EXISTS evidence_log_leaf (
                idx       BIGINT PRIMARY KEY,
                event_id  VARCHAR(255) NOT NULL UNIQUE,
                stream_id VARCHAR(255) NOT NULL,
                sequence  BIGINT NOT NULL,
                hash      CHAR(64) NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS evidence_log_leaf_stream ON evidence_log_leaf (stream_id, idx)",
            // A bundle finds its agreement's head by sequence: without this, a scan of its every leaf.
            "CREATE INDEX IF NOT EXISTS evidence_log_leaf_sequence ON evidence_log_leaf (stream_id, sequence)",
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
