package nl.evidencestore.command.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/** Creates the command side's tables when absent; every statement is idempotent. */
public final class EventStoreSchema {
    /** Each event's place in its stream's hash chain ({@link ChainedAppend}), beside Axon's own columns. */
    static final String CHAIN_COLUMNS = "ALTER TABLE DomainEventEntry"
            + " ADD COLUMN IF NOT EXISTS occurredAt VARCHAR(32),"
            + " ADD COLUMN IF NOT EXISTS prevHash CHAR(64),"
            + " ADD COLUMN IF NOT EXISTS hash CHAR(64),"
            + " ADD COLUMN IF NOT EXISTS eventType VARCHAR(255)";

    private EventStoreSchema() {
    }

    /**
     * A table derived from the events, added to a store that may hold events already: created
     * and filled from them in one transaction, so that it exists only filled, and a restart
     * never fills it again.
     */
    private static void createFilled(Connection connection, String table, List<String> ddl, String fill)
            throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    for (String statementText : ddl) {
                        statement.execute(statementText);
                    }
                    statement.execute(fill);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * The highest position handed out so far, committed or not: read at start-up, before this
     * process appends anything, it bounds what earlier processes left behind.
     */
    public static long positionsHandedOut(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(pg_sequence_last_value("
                     + "pg_get_serial_sequence('domainevententry', 'globalindex')::regclass), 0)")) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event positions handed out", e);
        }
    }

    public static void create(DataSource dataSource, JdbcEventStorageEngine engine, JdbcTokenStore tokens) {
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        tokens.createSchema(PostgresTokenTableFactory.INSTANCE);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(CHAIN_COLUMNS);
            statement.execute(CommandLedgerTable.DDL);
            statement.execute(CommandLedgerTable.SECRET_DDL);
            for (String ddl : EmployeeRegisterTable.DDL) {
                statement.execute(ddl);
            }
            for (String ddl : ScheduledTasksTable.DDL) {
                statement.execute(ddl);
            }
            for (String ddl : SubjectKeyTables.DDL) {
                statement.execute(ddl);
            }
            createFilled(connection, InstructionRegisterTable.NAME, InstructionRegisterTable.DDL,
                    InstructionRegisterTable.FILL);
            createFilled(connection, EmployeeAgreementTable.NAME, EmployeeAgreementTable.DDL,
                    EmployeeAgreementTable.FILL);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the command side's tables", e);
        }
    }
}
