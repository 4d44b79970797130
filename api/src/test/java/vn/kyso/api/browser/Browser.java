package vn.kyso.api.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium driven through the system's chromedriver (scripts/deps.sh installs
 * both). Both paths are given explicitly, so Selenium Manager never runs and nothing is downloaded;
 * the flags keep Chromium itself off the network too: it talks to 127.0.0.1 only.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Path ARTIFACTS = Path.of("target", "test-artifacts");

    public final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    public Browser() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory("kyso-chromium-profile");
        downloads = Files.createTempDirectory("kyso-chromium-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900",
                // Even with the flags above Chromium still looks up its update and search hosts; this
                // answers every name but the loopback address "not found" without asking DNS.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--disable-extensions", "--disable-default-apps", "--no-pings", "--disable-domain-reliability");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /**
     * A phone's viewport. Chromium will not make a window narrower than 500 px, so the width is emulated
     * as DevTools' device mode does; "mobile" also honours the viewport meta tag and overlays scrollbars.
     */
    public void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    public void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The whole page, not just the viewport. */
    public Path screenshot(String name) {
        Map<?, ?> size = (Map<?, ?>) script("var e = document.documentElement;"
                + " return {w: e.clientWidth, h: Math.max(e.scrollHeight, e.clientHeight)};");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.get("w"), "height", size.get("h"), "scale", 1)));
        try {
            Files.createDirectories(ARTIFACTS);
            Path target = ARTIFACTS.resolve(name + ".png");
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        deleteTree(profile);
        deleteTree(downloads);
    }

    /**
     * What a browser test's {@code @AfterAll} does: quits the browser and deletes the test's own temporary
     * folder; either may be null when the set-up failed before making it.
     */
    public static void closeAndDelete(Browser browser, Path files) throws IOException {
        if (browser != null) {
            browser.close();
        }
        deleteTree(files);
    }

    /** A folder and everything in it, deepest first; nothing when it is null. */
    public static void deleteTree(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
