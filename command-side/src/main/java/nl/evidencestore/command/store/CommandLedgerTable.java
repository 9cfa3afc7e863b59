package nl.evidencestore.command.store;

/** The one narrow row per idempotency key that the write path adds beside the events. */
final class CommandLedgerTable {
    static final String DDL = """
            CREATE TABLE IF NOT EXISTS command_ledger (
                idempotency_key TEXT PRIMARY KEY,
                content_sha256  TEXT NOT NULL,
                event_ids       TEXT[] NOT NULL,
                recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
            )""";

    private CommandLedgerTable() {
    }
}
