package nl.evidencestore.shared.http;

import static nl.evidencestore.shared.http.TestServer.PUBLISHER;
import static nl.evidencestore.shared.http.TestServer.SECURITY;
import static nl.evidencestore.shared.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    private static final String THING = "{\"name\":\"a\",\"categories\":[\"BSN\"],\"count\":1}";
    private static final int NINE_MIB = 9 * 1024 * 1024;
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
    void malformedJsonNamesWhereItBroke() {
        JsonNode problem = problem(server.post("/api/v1/things", PUBLISHER, "[" + THING + ",{\"name\":\"b\",]"), 400);
        assertThat(problem.path("type").asText()).isEqualTo("urn:problem:evidence-store:invalid-input");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("[1].name");
        assertThat(problem.at("/errors/0/message").asText()).startsWith("is not well-formed JSON");
    }

    @Test
    void aWrongTypeNamesTheFieldByItsPath() {
        JsonNode problem = problem(server.post("/api/v1/things", PUBLISHER,
                "[" + THING + "," + THING.replace("\"count\":1", "\"count\":\"many\"") + "]"), 400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("[1].count");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("must be an integer");
        assertThat(problem.toString()).doesNotContain("many");
    }

    @Test
    void anUnknownFieldIsRefused() {
        JsonNode problem = problem(server.post("/api/v1/things", PUBLISHER,
                "[" + THING.replace("\"count\":1", "\"count\":1,\"colour\":\"red\"") + "]"), 400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("[0].colour");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("is not a known field");
    }

    @Test
    void aRecordsOwnCheckIsPassedOn() {
        JsonNode problem = problem(server.post("/api/v1/things", PUBLISHER, "[" + THING.replace("\"a\"", "\" \"") + "]"), 400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("[0]");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("name is required");
    }

    @Test
    void emptyBodyAndInvalidUtf8AreBadRequests() {
        assertThat(problem(server.post("/api/v1/things", PUBLISHER, ""), 400).at("/errors/0/message").asText())
                .isEqualTo("a JSON body is required");
        byte[] body = ("[" + THING + "]").getBytes();
        body[11] = (byte) 0xFF;
        problem(server.post("/api/v1/things", PUBLISHER, BodyPublishers.ofByteArray(body)), 400);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        JsonNode problem = problem(server.post("/api/v1/things", PUBLISHER, BodyPublishers.ofByteArray(oversized())), 413);
        assertThat(problem.path("type").asText()).isEqualTo("urn:problem:evidence-store:body-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        byte[] body = oversized();
        HttpResponse<String> response = server.post("/api/v1/things", PUBLISHER,
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        problem(response, 413);
    }

    @Test
    void aRuleViolationIs422AndNamesTheArticle() {
        JsonNode problem = problem(server.post("/api/v1/refusals", PUBLISHER, "{}"), 422);
        assertThat(problem.path("article").asText()).isEqualTo("Art. 11.1");
        assertThat(problem.path("detail").asText()).isEqualTo("the agreement is not signed by both parties");
        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void anUnknownResourceIs404() {
        assertThat(problem(server.get("/api/v1/things/T-9", SECURITY), 404).path("detail").asText()).isEqualTo("thing T-9");
    }

    @Test
    void anUnknownRouteIs404WithoutRepeatingThePath() {
        JsonNode problem = problem(server.get("/no/such/page", null), 404);
        assertThat(problem.path("detail").asText()).doesNotContain("/no/such");
        problem(server.get("/api/v1/nothing-here", SECURITY), 404);
    }

    @Test
    void anUnsupportedMethodIs405WithAllow() {
        HttpResponse<String> response = server.post("/api/v1/things/T-1", SECURITY, "{}");
        problem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void positionNotReachedIs503WithTheCurrentPosition() {
        HttpResponse<String> response = server.get("/api/v1/slow", SECURITY);
        assertThat(problem(response, 503).path("currentPosition").asLong()).isEqualTo(41);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anUnexpectedFailureIs500WithoutDetailsButWithAnIncident() {
        JsonNode problem = problem(server.get("/api/v1/broken", SECURITY), 500);
        assertThat(problem.toString()).doesNotContain("personal").doesNotContain("IllegalState").doesNotContain("at nl.");
        assertThat(problem.path("incident").asText()).hasSize(36);
    }

    private static byte[] oversized() {
        byte[] body = new byte[NINE_MIB];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[NINE_MIB - 1] = ']';
        return body;
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problems.CONTENT_TYPE));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        return problem;
    }
}
