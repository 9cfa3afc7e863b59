package nl.evidencestore.query;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static nl.evidencestore.query.Fixtures.CONTROLLER;
import static nl.evidencestore.query.Fixtures.OTHER_AGREEMENT;
import static nl.evidencestore.query.Fixtures.OTHER_CONTROLLER;
import static nl.evidencestore.query.Fixtures.forwarded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.ForbiddenResponse;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.evidencestore.query.audit.AuditProjection;
import nl.evidencestore.query.audit.AuditQueries;
import nl.evidencestore.query.disclosure.DisclosureProjection;
import nl.evidencestore.query.disclosure.DisclosureQueries;
import nl.evidencestore.query.employee.EmployeeQueries;
import nl.evidencestore.query.employee.EmployeeRegisterProjection;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.disclosure.DisclosureRecorded;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.AuditId;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.DisclosureBasis;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.rules.DisclosureRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registers' routes on a real Javalin, with stand-ins for the auth filter (roles checked as
 * the store's does) and the problem mapping: who reads the employees, and auditors' scope.
 */
class RegisterQueriesTest {
    private static final Map<String, Principal> PRINCIPALS = Map.of(
            "security", new Principal("security", Set.of(Role.SECURITY), Set.of()),
            "auditor", new Principal("auditor", Set.of(Role.AUDITOR), Set.of(CONTROLLER)));
    private static final Instant RECORDED = Instant.parse("2026-04-02T08:00:00Z");

    private final AppliedPosition applied = new AppliedPosition(50);
    private final HttpClient http = HttpClient.newHttpClient();
    private final AgreementOwners owners = id -> id.equals(AGREEMENT) ? Optional.of(CONTROLLER)
            : id.equals(OTHER_AGREEMENT) ? Optional.of(OTHER_CONTROLLER) : Optional.empty();
    private Javalin app;

    @BeforeEach
    void start() {
        EmployeeRegisterProjection employees = new EmployeeRegisterProjection();
        employees.on(forwarded("ev-emp", 1, 40, RECORDED,
                new EmployeeRegistered(EmployeeId.of("emp-anna"), "Anna de Boer", LocalDate.of(2026, 3, 2))));
        DisclosureProjection disclosures = new DisclosureProjection();
        for (var agreement : List.of(AGREEMENT, OTHER_AGREEMENT)) {
            disclosures.on(forwarded("ev-dis-" + agreement, 9, 41, RECORDED, new DisclosureRecorded(agreement,
                    "dis-" + agreement, "Kaakchirurgie Centrum", DisclosureBasis.LEGAL_OBLIGATION, null, null,
                    List.of(DataCategory.of("BSN")), LocalDate.of(2026, 4, 1),
                    DisclosureRules.judge(DisclosureBasis.LEGAL_OBLIGATION, null))));
        }
        AuditProjection audits = new AuditProjection();
        audits.on(forwarded("ev-audit", 1, 42, RECORDED,
                new AuditRequested(AuditId.of("audit-1"), AGREEMENT, LocalDate.of(2026, 4, 1), "K. Visser")));
        app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.routes.beforeMatched(ctx -> {
                Principal principal = PRINCIPALS.get(ctx.header("X-Principal"));
                Set<RouteRole> allowed = ctx.routeRoles();
                if (principal.roles().stream().noneMatch(allowed::contains)) {
                    throw new ForbiddenResponse();
                }
                principal.attachTo(ctx);
            });
            config.routes.apiBuilder(new EmployeeQueries(employees, applied).routes());
            config.routes.apiBuilder(new DisclosureQueries(disclosures, owners, applied).routes());
            config.routes.apiBuilder(new AuditQueries(audits, owners, applied).routes());
            config.routes.exception(UnknownResource.class, (e, ctx) -> ctx.status(404));
        }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> get(String principal, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("X-Principal", principal).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void securityStaffReadTheEmployeeRegisterAndAuditorsDoNot() throws Exception {
        HttpResponse<String> register = get("security", "/api/v1/employees?asOf=2026-04-01T00:00:00Z");

        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(json(register).at("/items/0/employeeId").asText()).isEqualTo("emp-anna");
        assertThat(json(register).at("/items/0/registered").asBoolean()).isTrue();
        assertThat(json(register).at("/items/0/periods/0/revokedOn").isNull()).isTrue();
        assertThat(json(register).get("position").asLong()).isEqualTo(50);
        assertThat(get("auditor", "/api/v1/employees").statusCode()).isEqualTo(403);
    }

    @Test
    void anAuditorReadsTheDisclosuresAndAuditsOfTheirOwnControllersAgreementsOnly() throws Exception {
        HttpResponse<String> own = get("auditor", "/api/v1/agreements/" + AGREEMENT + "/disclosures");

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).at("/items/0/verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(json(own).at("/items/0/categories/0/sensitive").asBoolean()).isTrue();
        assertThat(get("auditor", "/api/v1/agreements/" + OTHER_AGREEMENT + "/disclosures").statusCode()).isEqualTo(404);
        assertThat(get("security", "/api/v1/agreements/" + OTHER_AGREEMENT + "/disclosures").statusCode()).isEqualTo(200);
        assertThat(json(get("auditor", "/api/v1/agreements/" + AGREEMENT + "/audits")).at("/items/0/auditId").asText())
                .isEqualTo("audit-1");
        assertThat(get("auditor", "/api/v1/agreements/" + OTHER_AGREEMENT + "/audits").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownAgreementHasNoDisclosuresOrAuditsToShow() throws Exception {
        assertThat(get("security", "/api/v1/agreements/agr-nowhere/disclosures").statusCode()).isEqualTo(404);
        assertThat(get("security", "/api/v1/agreements/not%20an%20id/audits").statusCode()).isEqualTo(404);
    }
}
