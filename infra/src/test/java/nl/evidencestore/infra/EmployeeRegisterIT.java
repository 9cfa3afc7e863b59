package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.ADMIN;
import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import org.junit.jupiter.api.Test;

/** Art. 2.3 end to end: the employee register over HTTP, beside the events, and as security staff read it. */
class EmployeeRegisterIT {
    private final Api api = StoreUnderTest.api();

    private static String registration(String employeeId, String name, String signedOn) {
        return """
                {"employeeId":"%s","name":"%s","confidentialitySignedOn":"%s"}
                """.formatted(employeeId, name, signedOn);
    }

    private static String revocation(String revokedOn) {
        return "{\"revokedOn\":\"" + revokedOn + "\"}";
    }

    @Test
    void anEmployeeIsRegisteredRevokedAndRegisteredAgainAndTheRegisterShowsEachPeriod() {
        assertThat(api.post("/api/v1/employees", PUBLISHER, registration("emp-it-anna", "Anna de Boer", "2026-03-02"))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/employees/emp-it-anna/revocation", PUBLISHER, revocation("2026-06-01")).status())
                .isEqualTo(201);
        Api.Response again = api.post("/api/v1/employees", PUBLISHER, registration("emp-it-anna", "Anna de Boer", "2026-09-01"));
        assertThat(again.status()).isEqualTo(201);

        JsonNode summer = api.get("/api/v1/employees?asOf=2026-07-01T10:00:00Z&minPosition="
                + again.json().get("position").asLong(), SECURITY).json();
        JsonNode anna = entry(summer, "emp-it-anna");
        assertThat(anna.get("registered").asBoolean()).isFalse();
        assertThat(anna.get("name").asText()).isEqualTo("Anna de Boer");
        assertThat(anna.get("periods")).hasSize(2);
        assertThat(anna.at("/periods/0/revokedOn").asText()).isEqualTo("2026-06-01");
        assertThat(anna.at("/periods/1/revokedOn").isNull()).isTrue();
        assertThat(entry(api.get("/api/v1/employees?asOf=2026-09-01T10:00:00Z", ADMIN).json(), "emp-it-anna")
                .get("registered").asBoolean()).isTrue();
    }

    @Test
    void theRegisterRowCommitsWithTheEvent() {
        long before = StoredEvents.count(StoreUnderTest.eventStoreUrl());

        api.post("/api/v1/employees", PUBLISHER, registration("emp-it-bram", "Bram Mulder", "2026-03-02"));

        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl())).isEqualTo(before + 1);
        assertThat(registerRows("emp-it-bram")).isEqualTo(1);
    }

    @Test
    void aRevocationOfSomeoneNeverRegisteredIsA422NamingArticle2_3AndAppendsNothing() {
        long before = StoredEvents.count(StoreUnderTest.eventStoreUrl());

        Api.Response refused = api.post("/api/v1/employees/emp-it-nobody/revocation", PUBLISHER, revocation("2026-06-01"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("article").asText()).isEqualTo("2.3");
        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl())).isEqualTo(before);
        assertThat(registerRows("emp-it-nobody")).isZero();
    }

    @Test
    void aRevocationBeforeTheRegistrationIsA422() {
        api.post("/api/v1/employees", PUBLISHER, registration("emp-it-carla", "Carla Smit", "2026-03-02"));

        Api.Response refused = api.post("/api/v1/employees/emp-it-carla/revocation", PUBLISHER, revocation("2026-03-01"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("article").asText()).isEqualTo("2.3");
    }

    @Test
    void aRepeatIsAnsweredAsBeforeAndOtherContentUnderTheSameKeyIsAConflict() {
        Api.Response first = api.post("/api/v1/employees", PUBLISHER, registration("emp-it-dirk", "Dirk Bos", "2026-03-02"));

        Api.Response repeat = api.post("/api/v1/employees", PUBLISHER, registration("emp-it-dirk", "Dirk Bos", "2026-03-02"));
        Api.Response conflict = api.post("/api/v1/employees", PUBLISHER, registration("emp-it-dirk", "D. Bos", "2026-03-02"));

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(conflict.status()).isEqualTo(409);
    }

    @Test
    void anEmployeeIdInTheBodyMustBeTheOneInThePath() {
        Api.Response response = api.post("/api/v1/employees/emp-it-eva/revocation", PUBLISHER,
                "{\"employeeId\":\"emp-it-other\",\"revokedOn\":\"2026-06-01\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("employeeId");
    }

    @Test
    void auditorsDoNotReadTheEmployeeRegister() {
        assertThat(api.get("/api/v1/employees", AUDITOR).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/employees", PUBLISHER).status()).isEqualTo(403);
    }

    private static JsonNode entry(JsonNode list, String employeeId) {
        for (JsonNode item : list.get("items")) {
            if (item.get("employeeId").asText().equals(employeeId)) {
                return item;
            }
        }
        throw new AssertionError(employeeId + " is not in the register: " + list);
    }

    private static long registerRows(String employeeId) {
        try (Connection connection = DriverManager.getConnection(StoreUnderTest.eventStoreUrl());
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM employee_register WHERE employee_id = ?")) {
            select.setString(1, employeeId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
