package nl.evidencestore.shared.http;

import static nl.evidencestore.shared.http.TestServer.ADMIN;
import static nl.evidencestore.shared.http.TestServer.AUDITOR;
import static nl.evidencestore.shared.http.TestServer.PUBLISHER;
import static nl.evidencestore.shared.http.TestServer.SECURITY;
import static nl.evidencestore.shared.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {
    private static final String THING = "[{\"name\":\"a\",\"categories\":[\"BSN\"],\"count\":1}]";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthNeedsNoTokenAndNamesNoServer() {
        HttpResponse<String> response = server.get("/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void refusesACallWithoutToken() {
        HttpResponse<String> response = server.post("/api/v1/things", null, THING);
        assertUnauthenticated(response);
    }

    @Test
    void refusesAnUnknownToken() {
        assertUnauthenticated(server.post("/api/v1/things", "guessed", THING));
    }

    @Test
    void refusesAnotherScheme() {
        assertUnauthenticated(server.send(server.request("/api/v1/things/T-1", null)
                .header("Authorization", "Basic " + SECURITY).GET()));
    }

    @Test
    void refusesARoleTheRouteDoesNotList() {
        HttpResponse<String> response = server.post("/api/v1/things", SECURITY, THING);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("type").asText()).isEqualTo("urn:problem:evidence-store:forbidden");
    }

    @Test
    void admitsARoleTheRouteLists() {
        HttpResponse<String> response = server.post("/api/v1/things", PUBLISHER, THING);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).path("by").asText()).isEqualTo("ingest");
    }

    @Test
    void admitsEachOfSeveralRoles() {
        assertThat(server.get("/api/v1/things/T-1", SECURITY).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/things/T-1", AUDITOR).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/things/T-1", PUBLISHER).statusCode()).isEqualTo(403);
    }

    @Test
    void admitsAdminEverywhere() {
        assertThat(server.post("/api/v1/things", ADMIN, THING).statusCode()).isEqualTo(201);
        assertThat(server.get("/api/v1/things/T-1", ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void aRouteWithoutRolesIsForAdminOnly() {
        assertThat(server.get("/api/v1/unassigned", ADMIN).statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/unassigned", SECURITY).statusCode()).isEqualTo(403);
    }

    @Test
    void aTrailingSlashDoesNotSlipPast() {
        assertUnauthenticated(server.get("/api/v1/unassigned/", null));
    }

    @Test
    void aCallWithoutTokenLearnsNothingOfWhichRoutesExist() {
        assertUnauthenticated(server.get("/api/v1/no-such-route", null));
        assertUnauthenticated(server.get("/api/v1/things", null)); // the route takes only POST
        assertUnauthenticated(server.send(server.request("/api/v1/things", null)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[(int) HttpEdge.MAX_BODY_BYTES + 1]))));
    }

    @Test
    void withAValidTokenAnUnknownRouteAndAWrongMethodAreAnsweredAsSuch() {
        assertThat(server.get("/api/v1/no-such-route", SECURITY).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/things", PUBLISHER).statusCode()).isEqualTo(405);
        assertThat(server.send(server.request("/api/v1/things", PUBLISHER)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[(int) HttpEdge.MAX_BODY_BYTES + 1])))
                .statusCode()).isEqualTo(413);
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problems.CONTENT_TYPE));
        assertThat(json(response).path("status").asInt()).isEqualTo(401);
    }
}
