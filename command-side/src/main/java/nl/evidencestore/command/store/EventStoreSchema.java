package nl.evidencestore.command.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the command side's tables", e);
        }
    }
}
