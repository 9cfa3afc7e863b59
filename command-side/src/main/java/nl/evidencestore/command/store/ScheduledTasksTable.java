package nl.evidencestore.command.store;

import java.util.List;

/**
 * db-scheduler's table for PostgreSQL, as its project documents it
 * ({@code db-scheduler/src/test/resources/postgresql_tables.sql}, v16.1.0), made idempotent.
 * It holds the deadlines that have not fired yet, beside the events that opened them.
 */
final class ScheduledTasksTable {
    static final List<String> DDL = List.of("""
            CREATE TABLE IF NOT EXISTS scheduled_tasks (
                task_name            TEXT NOT NULL,
                task_instance        TEXT NOT NULL,
                task_data            BYTEA,
                execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
                picked               BOOLEAN NOT NULL,
                picked_by            TEXT,
                last_success         TIMESTAMP WITH TIME ZONE,
                last_failure         TIMESTAMP WITH TIME ZONE,
                consecutive_failures INT,
                last_heartbeat       TIMESTAMP WITH TIME ZONE,
                version              BIGINT NOT NULL,
                priority             SMALLINT,
                PRIMARY KEY (task_name, task_instance)
            )""",
            "CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time)",
            "CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
            "CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)");

    private ScheduledTasksTable() {
    }
}
