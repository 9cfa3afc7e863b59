/**
 * The global log: every event hash appended, in the order its appender receives them, as a
 * leaf of an RFC 9162 Merkle tree kept in PostgreSQL, and signed checkpoints of it
 * (docs/evidence-format.md §2).
 */
package nl.evidencestore.command.log;
