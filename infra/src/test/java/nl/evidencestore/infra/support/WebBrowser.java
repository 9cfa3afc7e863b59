package nl.evidencestore.infra.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through chromedriver, both from the system (Debian's {@code chromium}
 * and {@code chromium-driver}). Both paths are always given, so Selenium Manager never tries to
 * download a browser or a driver, which cannot work here. Without them the calling test is skipped.
 */
public final class WebBrowser {
    private WebBrowser() {
    }

    public static ChromeDriver start() {
        Optional<Path> chromium = onPath("chromium", "chromium-browser");
        Optional<Path> driver = onPath("chromedriver").or(() -> executable(Path.of("/usr/lib/chromium/chromedriver")));
        assumeTrue(chromium.isPresent() && driver.isPresent(),
                "skipped: the browser test needs Chromium and chromedriver on the PATH "
                        + "(apt-get install chromium chromium-driver; .ci/run installs them)");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // As root in a container there is no user namespace sandbox; the page under test is our own.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,2000", "--lang=en");
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    private static Optional<Path> onPath(String... names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Arrays.stream(names)
                .flatMap(name -> Arrays.stream(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .flatMap(candidate -> executable(candidate).stream())
                .findFirst();
    }

    private static Optional<Path> executable(Path candidate) {
        return Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}
