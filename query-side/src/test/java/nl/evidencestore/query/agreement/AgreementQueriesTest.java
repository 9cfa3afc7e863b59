package nl.evidencestore.query.agreement;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static nl.evidencestore.query.Fixtures.CONTROLLER;
import static nl.evidencestore.query.Fixtures.OTHER_AGREEMENT;
import static nl.evidencestore.query.Fixtures.OTHER_CONTROLLER;
import static nl.evidencestore.query.Fixtures.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.Fixtures;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.error.PositionNotReached;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routes on a real Javalin, with a stand-in for the auth filter and the problem mapping
 * that the composition root provides.
 */
class AgreementQueriesTest {
    private static final Map<String, Principal> PRINCIPALS = Map.of(
            "security", new Principal("security", Set.of(Role.SECURITY), Set.of()),
            "auditor", new Principal("auditor", Set.of(Role.AUDITOR), Set.of(CONTROLLER)));

    private final AppliedPosition applied = new AppliedPosition(15);
    private final Clock clock = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private final AgreementStateProjection projection = new AgreementStateProjection(applied, clock);
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        lifecycle().forEach(projection::on);
        projection.on(Fixtures.otherControllersDraft());
        AgreementQueries queries = new AgreementQueries(projection, applied, clock, Duration.ofMillis(200));
        app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.routes.before(ctx -> PRINCIPALS.get(ctx.header("X-Principal")).attachTo(ctx));
            config.routes.apiBuilder(queries.routes());
            config.routes.exception(UnknownResource.class, (e, ctx) -> ctx.status(404));
            config.routes.exception(InvalidInput.class,
                    (e, ctx) -> ctx.status(400).json(Map.of("field", e.errors().get(0).field())));
            config.routes.exception(PositionNotReached.class,
                    (e, ctx) -> ctx.status(503).json(Map.of("currentPosition", e.currentPosition())));
        }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> get(String principal, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + pathAndQuery))
                .header("X-Principal", principal).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void answersTheAgreementAsOfAnInstantAsKnownAtAnother() throws Exception {
        HttpResponse<String> response = get("security", "/api/v1/agreements/" + AGREEMENT
                + "?asOf=2026-03-10T00:00:00Z&knownAt=2026-03-05T08:00:00Z");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("DRAFT");
        assertThat(json(response).get("knownAt").asText()).isEqualTo("2026-03-05T08:00:00Z");
        assertThat(json(response).get("position").asLong()).isEqualTo(15);
    }

    @Test
    void defaultsAsOfToNow() throws Exception {
        HttpResponse<String> response = get("security", "/api/v1/agreements/" + AGREEMENT);

        assertThat(json(response).get("status").asText()).isEqualTo("EFFECTIVE");
        assertThat(json(response).get("asOf").asText()).isEqualTo("2026-04-01T12:00:00Z");
    }

    @Test
    void hidesAnotherControllersAgreementFromAnAuditor() throws Exception {
        assertThat(get("auditor", "/api/v1/agreements/" + OTHER_AGREEMENT).statusCode()).isEqualTo(404);
        assertThat(get("auditor", "/api/v1/agreements/" + AGREEMENT).statusCode()).isEqualTo(200);
    }

    @Test
    void answersAnUnknownAgreementWith404() throws Exception {
        assertThat(get("security", "/api/v1/agreements/no-such-agreement").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAMalformedAsOfOrMinPosition() throws Exception {
        HttpResponse<String> asOf = get("security", "/api/v1/agreements/" + AGREEMENT + "?asOf=yesterday");
        HttpResponse<String> minPosition = get("security", "/api/v1/agreements?minPosition=-1");

        assertThat(asOf.statusCode()).isEqualTo(400);
        assertThat(json(asOf).get("field").asText()).isEqualTo("asOf");
        assertThat(minPosition.statusCode()).isEqualTo(400);
        assertThat(json(minPosition).get("field").asText()).isEqualTo("minPosition");
    }

    @Test
    void narrowsAnAuditorsListToTheirControllers() throws Exception {
        JsonNode all = json(get("security", "/api/v1/agreements"));
        JsonNode audited = json(get("auditor", "/api/v1/agreements"));

        assertThat(all.get("items")).hasSize(2);
        assertThat(audited.get("items")).hasSize(1);
        assertThat(audited.at("/items/0/controllerId").asText()).isEqualTo(CONTROLLER.value());
        assertThat(audited.at("/items/0/status").asText()).isEqualTo("EFFECTIVE");
    }

    @Test
    void answersAnAuditorsFilterOnAnotherControllerWith404() throws Exception {
        assertThat(get("auditor", "/api/v1/agreements?controllerId=" + OTHER_CONTROLLER).statusCode()).isEqualTo(404);
        assertThat(get("security", "/api/v1/agreements?controllerId=" + OTHER_CONTROLLER).statusCode()).isEqualTo(200);
    }

    @Test
    void answersWith503AndTheCurrentPositionWhenMinPositionIsNotAppliedInTime() throws Exception {
        HttpResponse<String> response = get("security", "/api/v1/agreements/" + AGREEMENT + "?minPosition=16");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("currentPosition").asLong()).isEqualTo(15);
    }

    @Test
    void answersOnceMinPositionIsApplied() throws Exception {
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/v1/agreements?minPosition=20"))
                        .header("X-Principal", "security").build(), HttpResponse.BodyHandlers.ofString());

        applied.advanceTo(20);

        assertThat(response.get().statusCode()).isEqualTo(200);
        assertThat(json(response.get()).get("position").asLong()).isEqualTo(20);
    }
}
