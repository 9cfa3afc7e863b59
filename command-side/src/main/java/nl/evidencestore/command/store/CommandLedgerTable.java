package nl.evidencestore.command.store;

/**
 * The one narrow row per idempotency key that the write path adds beside the events.
 * {@code content_sha256} holds HMAC-SHA256 of the content under the secret in
 * {@code command_ledger_secret} (see {@code KeyedDigest}), not a plain SHA-256.
 */
final class CommandLedgerTable {
    static final String SECRET_DDL = """
            CREATE TABLE IF NOT EXISTS command_ledger_secret (
                id     SMALLINT PRIMARY KEY CHECK (id = 1),
                secret BYTEA NOT NULL
            )""";
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
