package org.district.standalone.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium, as Debian packages it ({@code chromium} and {@code chromium-driver}), driven by
 * Selenium with explicit paths: no driver or browser is looked up or downloaded, and the browser
 * resolves no host but the loopback platform under test.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("district.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("district.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("district.screenshots", "target/screenshots"));
    static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Selenium warns that it has no DevTools binding for this Chromium's version; the tests use
     * WebDriver only. Held in a field: java.util.logging forgets the level of a logger nobody references.
     */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM.setLevel(Level.SEVERE);
    }

    final ChromeDriver driver;
    private final String base;

    /**
     * Whether the browser is there. Without it the browser tests are skipped, saying why, so that the
     * test command works with only a JDK; CI installs the browser and sets
     * {@code DISTRICT_TEST_BROWSER_REQUIRED=true}, so there a missing browser fails instead.
     */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = "The console's browser tests need Debian's chromium and chromium-driver at " + CHROMIUM + " and "
                + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver; .ci/run installs them).";
        if (!installed && Boolean.parseBoolean(System.getenv("DISTRICT_TEST_BROWSER_REQUIRED"))) {
            throw new AssertionError(why);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(installed, why);
    }

    Browser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync", "--disable-background-networking",
                "--disable-component-update", "--disable-default-apps", "--lang=zh-CN",
                // loopback only: every other host name fails to resolve
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    void open(String path) {
        driver.get(base + path);
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebElement find(String css) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    void gone(String css) {
        waitFor(d -> d.findElements(By.cssSelector(css)).isEmpty());
    }

    /** Waits until the element's text contains the given text, and answers its text. */
    String textOf(String css, String contains) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(contains) ? found.get(0).getText() : null;
        });
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Scrolls the element into the middle of the screen, then saves the screenshot. */
    void screenshot(String name, String css) {
        script("arguments[0].scrollIntoView({block: 'center'})", find(css));
        screenshot(name);
    }

    /** Saves what the browser shows now as target/screenshots/{name}.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what a failed test left on the screen: a screenshot, the page, and the browser's messages. */
    void keepEvidence(String name) {
        try {
            screenshot("failed-" + name);
            Files.writeString(SCREENSHOTS.resolve("failed-" + name + ".html"), driver.getPageSource() + "\n<!--\n"
                    + String.join("\n", consoleMessages()) + "\n-->\n");
        } catch (IOException | RuntimeException e) {
            // evidence is a courtesy; the failure itself is reported
        }
    }

    /** The browser console's messages since the last call. */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
