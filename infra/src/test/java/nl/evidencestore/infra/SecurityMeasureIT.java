package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import org.junit.jupiter.api.Test;

/** Art. 5 end to end: a security measure recorded over HTTP, and read by an auditor (Art. 2.2). */
class SecurityMeasureIT {
    private static final String MEASURE = """
            {"measureId":"sm-it-mfa","description":"Two-factor sign-in for remote support",
             "since":"2025-09-01","evidenceReference":"ISMS-2025-17"}
            """;

    private final Api api = StoreUnderTest.api();

    @Test
    void aMeasureIsRecordedOnceAndShownToAuditors() {
        Api.Response recorded = api.post("/api/v1/security-measures", PUBLISHER, MEASURE);
        Api.Response repeat = api.post("/api/v1/security-measures", PUBLISHER, MEASURE);

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        JsonNode list = api.get("/api/v1/security-measures?minPosition=" + recorded.json().get("position").asLong(),
                AUDITOR).json();
        assertThat(list.get("items")).anySatisfy(item -> {
            assertThat(item.get("measureId").asText()).isEqualTo("sm-it-mfa");
            assertThat(item.get("since").asText()).isEqualTo("2025-09-01");
            assertThat(item.get("evidenceReference").asText()).isEqualTo("ISMS-2025-17");
        });
    }

    @Test
    void aMeasureWithoutEvidenceIsA400NamingTheField() {
        Api.Response refused = api.post("/api/v1/security-measures", PUBLISHER,
                "{\"measureId\":\"sm-it-none\",\"description\":\"Locks\",\"since\":\"2025-09-01\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("evidenceReference");
        assertThat(refused.json().at("/errors/0/message").asText()).isEqualTo("is required");
    }
}
