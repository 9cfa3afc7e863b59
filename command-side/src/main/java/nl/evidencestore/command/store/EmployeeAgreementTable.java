package nl.evidencestore.command.store;

import java.util.List;

/**
 * Art. 2.3 across streams: the agreements under which each employee accessed personal data, one
 * row per pair, written in the access's transaction (see
 * {@code command.access.EmployeeAgreementIndex}), so that a back-dated registration or
 * revocation finds every agreement whose verdicts it may change.
 */
final class EmployeeAgreementTable {
    static final String NAME = "employee_agreement";
    static final List<String> DDL = List.of("""
            CREATE TABLE IF NOT EXISTS employee_agreement (
                employee_id  TEXT NOT NULL,
                agreement_id TEXT NOT NULL,
                PRIMARY KEY (employee_id, agreement_id)
            )""");
    /** Accesses recorded before the table existed, from their events: run once, when it is created. */
    static final String FILL = "INSERT INTO employee_agreement (employee_id, agreement_id)"
            + " SELECT DISTINCT access -> 'actor' ->> 'id', stream FROM (SELECT convert_from(payload, 'UTF8')::jsonb"
            + " AS access, aggregateIdentifier AS stream FROM DomainEventEntry"
            + " WHERE payloadType = 'nl.evidencestore.shared.event.access.AccessRecorded') AS accesses"
            + " WHERE access -> 'actor' ->> 'kind' = 'EMPLOYEE' ON CONFLICT DO NOTHING";

    private EmployeeAgreementTable() {
    }
}
