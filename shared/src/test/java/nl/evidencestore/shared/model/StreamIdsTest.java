package nl.evidencestore.shared.model;

import static org.assertj.core.api.Assertions.assertThat;

import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.Test;

/** Non-agreement ids: the raw id in JSON, the prefixed stream id from toString() (what Axon stores). */
class StreamIdsTest {
    @Test
    void anEmployeeIdIsItsRawValueInJsonAndItsStreamIdAsAString() throws Exception {
        EmployeeId id = EmployeeId.of("emp-7");

        assertThat(new String(Json.write(id))).isEqualTo("\"emp-7\"");
        assertThat(Json.mapper().readValue("\"emp-7\"", EmployeeId.class)).isEqualTo(id);
        assertThat(id.toString()).isEqualTo("employee/emp-7");
    }

    @Test
    void eachKindHasItsOwnPrefix() {
        assertThat(SecurityMeasureId.of("m-1").toString()).isEqualTo("security-measure/m-1");
        assertThat(AuditId.of("a-1").toString()).isEqualTo("audit/a-1");
        assertThat(new String(Json.write(AuditId.of("a-1")))).isEqualTo("\"a-1\"");
    }

    @Test
    void anEventsStreamIdIsItsAggregatesStreamId() {
        assertThat(new EmployeeRevoked(EmployeeId.of("emp-7"), java.time.LocalDate.of(2026, 1, 1)).streamId())
                .isEqualTo("employee/emp-7");
    }

    @Test
    void theNewRoomsEventsHaveDomainNames() {
        assertThat(EventTypes.names()).contains("EmployeeRegistered", "EmployeeRevoked", "SecurityMeasureRecorded",
                "DisclosureRecorded", "AuditRequested", "FindingsShared");
    }
}
