package nl.evidencestore.command.store;

import java.util.List;

/**
 * The key store of crypto-shredding (see {@code SubjectKeys}), beside the events in the same
 * database so that a key commits with the first event that names it. {@code subject_keys}
 * holds no reference in clear: {@code lookup} is an HMAC under the secret of
 * {@code subject_key_secret}. An erasure deletes the row (key and lookup) and leaves only the
 * key id and when, in {@code subject_key_erasures}.
 */
final class SubjectKeyTables {
    static final List<String> DDL = List.of("""
            CREATE TABLE IF NOT EXISTS subject_key_secret (
                id     SMALLINT PRIMARY KEY CHECK (id = 1),
                secret BYTEA NOT NULL
            )""", """
            CREATE TABLE IF NOT EXISTS subject_keys (
                key_id        TEXT PRIMARY KEY,
                controller_id TEXT NOT NULL,
                lookup        TEXT NOT NULL UNIQUE,
                key           BYTEA NOT NULL,
                created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
            )""", """
            CREATE TABLE IF NOT EXISTS subject_key_erasures (
                key_id    TEXT PRIMARY KEY,
                erased_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )""");

    private SubjectKeyTables() {
    }
}
