package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITED_CONTROLLER;
import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.openqa.selenium.WindowType;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.WebBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page at {@code /} as a person uses it, in a real headless Chromium: sign in, search,
 * filter by a facet, open an access, export a bundle. Skipped when no Chromium is installed
 * ({@link WebBrowser}); the screenshot lands in {@code target/screenshots/}.
 */
class WebPageIT {
    private static final Api api = StoreUnderTest.api();
    private static final String AGREEMENT = "agr-webpage";
    /** One word, so that the free-text search finds this test's accesses and no other test's. */
    private static final String ACTOR = "webpagebot";
    /** The page shows 50 a page: 3 + 52 makes two pages. */
    private static final int OLDER = 52;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static String base;
    private static ChromeDriver browser;

    @BeforeAll
    static void anAgreementWithAccessesAndAnOverdueBreach() {
        base = "http://127.0.0.1:" + StoreUnderTest.store().httpPort();
        api.post("/api/v1/agreements", PUBLISHER, draft(AGREEMENT, AUDITED_CONTROLLER));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("PROCESSOR", "2026-03-05", null));
        Api.Response accesses = api.post("/api/v1/access-events", PUBLISHER, "[" + String.join(",",
                access("web-1", "REMOTE_SUPPORT", "ticket-web-1", "2026-04-01T09:00:00Z", "SURNAME"),
                access("web-2", "MARKETING", "ticket-web-2", "2026-04-02T09:00:00Z", "BSN"),
                access("web-3", "REMOTE_SUPPORT", null, "2026-04-03T09:00:00Z", "DENTAL_PHOTOS"),
                olderAccesses()) + "]");
        assertThat(accesses.status()).as(accesses.body()).isEqualTo(201);
        Api.Response breach = api.post("/api/v1/breaches", PUBLISHER, """
                {"breachId":"br-webpage","status":"SUSPECTED","discoveredAt":"%s","agreementIds":["%s"],
                 "description":"support laptop lost","categories":["DENTAL_PHOTOS"],"estimatedSubjects":12}"""
                .formatted(Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), AGREEMENT));
        assertThat(breach.status()).as(breach.body()).isEqualTo(201);
        long position = breach.json().get("position").asLong();
        assertThat(api.get("/api/v1/timeline?q=" + ACTOR + "&minPosition=" + position, AUDITOR).status()).isEqualTo(200);
    }

    /** Enough compliant accesses before the three above that the page needs its "More" button. */
    private static String olderAccesses() {
        return IntStream.range(0, OLDER).mapToObj(i -> access("web-old-" + i, "REMOTE_SUPPORT", "ticket-web-old",
                Instant.parse("2026-03-10T00:00:00Z").plus(i, ChronoUnit.HOURS).toString(), "SURNAME"))
                .collect(Collectors.joining(","));
    }

    /** Without an instruction reference the access is recorded as a violation of Art. 1.1. */
    private static String access(String id, String purpose, String instructionRef, String occurredAt, String category) {
        String instruction = instructionRef == null ? "" : "\"instructionRef\":\"" + instructionRef + "\",";
        return """
                {"accessId":"%s","agreementId":"%s","actor":{"id":"%s","kind":"SYSTEM"},"purpose":"%s",%s
                 "categories":["%s"],"subjectRef":"patient-web-0815","country":"NL",
                 "system":"remote-support","occurredAt":"%s"}
                """.formatted(id, AGREEMENT, ACTOR, purpose, instruction, category, occurredAt);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void servesThePageWithAStrictContentSecurityPolicyAndRevalidation() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/", "/app.js", "/app.css")) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).startsWith("default-src 'self'").doesNotContain("unsafe-inline"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");

            String etag = page.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(304);
        }
    }

    @Test
    void tellsTheSignedInPrincipalItsRoleAndControllers() {
        JsonNode principal = api.get("/api/v1/principal", AUDITOR).json();

        assertThat(principal.get("roles").toString()).isEqualTo("[\"AUDITOR\"]");
        assertThat(principal.get("controllers").toString()).isEqualTo("[\"" + AUDITED_CONTROLLER + "\"]");
        assertThat(api.get("/api/v1/principal", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void anAuditorSignsInSearchesFiltersOpensAnAccessAndExportsABundle() throws IOException {
        browser = WebBrowser.start();
        browser.get(base + "/");
        screenshot("sign-in.png");

        signIn("not-a-token");
        awaitText(By.id("message"), "not accepted");
        assertThat(visible("sign-in")).isTrue();

        signIn(AUDITOR);
        awaitText(By.id("who"), "AUDITOR of " + AUDITED_CONTROLLER);
        awaitText(By.id("deadlines-table"), "Overdue");

        byId("q").sendKeys(ACTOR);
        byId("search-button").click();
        awaitText(By.id("total"), "55 accesses match; showing 50");
        assertThat(rows()).startsWith("web-3", "web-2", "web-1").hasSize(50);
        assertThat(byId("results").getText()).contains("✗ VIOLATION", "✓ COMPLIANT", "BSN SENSITIVE");
        byId("more-button").click();
        awaitText(By.id("total"), "showing 55");
        assertThat(rows()).doesNotHaveDuplicates().last().isEqualTo("web-old-0");
        assertThat(visible("more-button")).isFalse();

        By bsnFacet = By.cssSelector("button.facet[data-field='category'][data-value='BSN']");
        browser.findElement(bsnFacet).click();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rows()).containsExactly("web-2"));
        assertThat(byId("f-category").getAttribute("value")).isEqualTo("BSN");
        assertThat(browser.findElement(bsnFacet).getAttribute("aria-pressed")).isEqualTo("true");

        // By keyboard: the access id is a button, and its detail takes the focus.
        browser.findElement(By.cssSelector("button[data-access='web-2']")).sendKeys(Keys.ENTER);
        awaitText(By.id("detail"), "Access web-2");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("detail-heading");
        assertThat(byId("detail-violations").getText())
                .contains("Art. 1.3 — No processing for any purpose other than those agreed");

        browser.findElement(By.cssSelector("#export-agreement option[value='" + AGREEMENT + "']")).click();
        byId("export-button").click();
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("bundle-download")).isEmpty()
                || !browser.findElements(By.id("export-error")).isEmpty());
        assertThat(byId("export-result").getText()).contains("Download the bundle");
        byte[] bundle = api.getBytes("/api/v1/evidence-bundles/" + byId("bundle-id").getText(), AUDITOR);
        assertThat(bundle).startsWith((byte) 'P', (byte) 'K');
        showReportOf(bundle);

        assertThat(browser.executeScript("return [sessionStorage.length, localStorage.length]"))
                .isEqualTo(List.of(1L, 0L));
        screenshot("web-page.png");

        byId("sign-out").click();
        assertThat(visible("sign-in")).isTrue();
        assertThat(browser.executeScript("return sessionStorage.length + localStorage.length")).isEqualTo(0L);
    }

    private static void signIn(String token) {
        WebElement field = byId("token");
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in-form button[type='submit']")).click();
    }

    private static List<String> rows() {
        return browser.findElements(By.cssSelector("#results tbody button[data-access]")).stream()
                .map(WebElement::getText).toList();
    }

    private static void awaitText(By locator, String text) {
        await().atMost(PATIENCE).ignoreExceptions()
                .untilAsserted(() -> assertThat(browser.findElement(locator).getText()).contains(text));
    }

    private static boolean visible(String id) {
        return byId(id).isDisplayed();
    }

    private static WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    /** The bundle's report.html as a person opens it: in a tab of its own, kept as a screenshot. */
    private static void showReportOf(byte[] bundle) throws IOException {
        Path report = Files.createDirectories(Path.of("target", "screenshots")).resolve("report.html");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("report.html")) {
                    Files.write(report, zip.readAllBytes());
                }
            }
        }
        String page = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(report.toAbsolutePath().toUri().toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        screenshot("report.png");
        browser.close();
        browser.switchTo().window(page);
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
