package nl.evidencestore.command.store;

import java.util.List;

/**
 * Art. 1.1 across agreements: which agreement each instruction id was registered for, one row
 * per registration, written in the registering command's transaction (see
 * {@code command.access.InstructionDirectory}). The same id may be registered for several
 * agreements (each controller's ticket numbers are its own).
 */
final class InstructionRegisterTable {
    static final String NAME = "instruction_register";
    static final List<String> DDL = List.of("""
            CREATE TABLE IF NOT EXISTS instruction_register (
                instruction_id TEXT NOT NULL,
                agreement_id   TEXT NOT NULL,
                recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
                PRIMARY KEY (instruction_id, agreement_id)
            )""");
    /** Instructions registered before the table existed, from their events: run once, when it is created. */
    static final String FILL = "INSERT INTO instruction_register (instruction_id, agreement_id)"
            + " SELECT convert_from(payload, 'UTF8')::jsonb ->> 'instructionId', aggregateIdentifier"
            + " FROM DomainEventEntry WHERE payloadType = 'nl.evidencestore.shared.event.agreement.InstructionRegistered'"
            + " ON CONFLICT DO NOTHING";

    private InstructionRegisterTable() {
    }
}
