package nl.evidencestore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.Contract;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.Test;

/**
 * openapi.json and the running server agree: the same operations, the document served as it is,
 * and (through {@link Contract}, which every exchange of {@link StoreUnderTest#api()} passes) the
 * answers the document promises. The last tests show that the checker can fail.
 */
class ContractIT {
    private static final SwaggerParseResult PARSED = new OpenAPIV3Parser()
            .readContents(new String(Contract.document(), StandardCharsets.UTF_8), null, null);

    private final Api api = StoreUnderTest.api();
    private final List<String> routes = StoreUnderTest.store().routes();

    @Test
    void theDocumentIsOpenApi31() {
        assertThat(PARSED.getMessages()).isEmpty();
        assertThat(PARSED.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(PARSED.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void everyRegisteredRouteIsDocumented() {
        assertThat(documentedOperations()).containsAll(routes);
    }

    @Test
    void everyDocumentedOperationIsServed() {
        assertThat(routes).containsAll(documentedOperations());
    }

    @Test
    void theDocumentIsServedAsItIs() {
        Api.Response served = api.get("/openapi.json", null);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/json");
        assertThat(api.getBytes("/openapi.json")).isEqualTo(Contract.document());
    }

    @Test
    void theOperationsEndpointsAnswerAsDocumented() {
        assertThat(api.get("/health", null).status()).isEqualTo(200);
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
        assertThat(api.get("/metrics", null).status()).isEqualTo(200);
    }

    @Test
    void everyExchangeOfTheStoresApiIsChecked() {
        long before = Contract.exchangesChecked();

        api.get("/health", null);

        assertThat(Contract.exchangesChecked()).isGreaterThan(before);
    }

    @Test
    void theCheckerRefusesABodyWithoutARequiredField() {
        assertThat(Contract.violations("/components/schemas/CommandResult", json("{\"eventIds\":[\"e-1\"]}")))
                .singleElement().asString().contains("position");
        assertThatThrownBy(() -> Contract.check("POST", "/api/v1/agreements",
                new Api.Response(201, "application/json", "{\"eventIds\":[\"e-1\"]}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("position");
    }

    @Test
    void theCheckerRefusesAFieldOfTheWrongType() {
        assertThat(Contract.violations("/components/schemas/CommandResult",
                json("{\"eventIds\":[\"e-1\"],\"position\":\"7\"}")))
                .singleElement().asString().contains("/position");
    }

    @Test
    void theCheckerHoldsDatesToTheirFormat() {
        assertThat(Contract.violations("/components/schemas/Signature",
                json("{\"party\":\"CONTROLLER\",\"signatory\":\"A\",\"place\":\"B\",\"signedOn\":\"2026-02-30\"}")))
                .singleElement().asString().contains("/signedOn");
    }

    @Test
    void theCheckerFollowsReferencesIntoTheComponents() {
        assertThatThrownBy(() -> Contract.check("GET", "/api/v1/agreements", new Api.Response(200,
                "application/json", "{\"items\":[{\"agreementId\":\"agr-1\",\"status\":\"SIGNED\"}],\"position\":3}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/items/0/status");
    }

    @Test
    void theCheckerRefusesAnUndocumentedStatusOrContentType() {
        assertThatThrownBy(() -> Contract.check("GET", "/api/v1/agreements",
                new Api.Response(418, "application/json", "{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("status is not documented");
        assertThatThrownBy(() -> Contract.check("GET", "/api/v1/agreements",
                new Api.Response(200, "text/plain", "items")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("content type");
    }

    @Test
    void theCheckerRefusesARequestTheDocumentDoesNotAccept() {
        assertThatThrownBy(() -> Contract.checkRequest("POST", "/api/v1/agreements/{agreementId}/signatures",
                "{\"party\":\"WITNESS\",\"signatory\":\"A\",\"place\":\"B\",\"signedOn\":\"2026-03-01\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/party");
    }

    @Test
    void responsesMayCarryMoreFieldsButRequestsMayNot() {
        assertThat(Contract.violations("/components/schemas/CommandResult",
                json("{\"eventIds\":[],\"position\":7,\"repeated\":true}"))).isEmpty();
        assertThat(Contract.violations("/components/schemas/SignAgreement",
                json("{\"party\":\"CONTROLLER\",\"signatory\":\"A\",\"place\":\"B\",\"signedOn\":\"2026-03-01\",\"note\":\"x\"}")))
                .singleElement().asString().contains("note");
    }

    private static List<String> documentedOperations() {
        OpenAPI openApi = PARSED.getOpenAPI();
        return openApi.getPaths().entrySet().stream()
                .flatMap(path -> path.getValue().readOperationsMap().keySet().stream()
                        .map(method -> method.name() + " " + path.getKey()))
                .sorted().toList();
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
