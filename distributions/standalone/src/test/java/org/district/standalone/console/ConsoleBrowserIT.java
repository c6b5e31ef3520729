package org.district.standalone.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.district.platform.testkit.RunningPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real headless Chromium against a running platform with demo data: signing
 * in, the modules as cards in Chinese and in English, toggling with the dependency confirmation,
 * the settings form generated from Metatype, failures and refusals shown in place, the operators'
 * pages, a phone-sized screen and the keyboard. Screenshots of the main pages go to
 * target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class ConsoleBrowserIT {

    private static final String MANAGER = "zhang.manager";
    private static final String MANAGER_PASSWORD = "station-manager-password";
    private static final String SETTINGS = "form[data-pid='org.district.plugins.courierstations']";

    private static RunningPlatform platform;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        platform = RunningPlatform.withTestModules("fails-on-activation", "needs-absent-module")
                .with("DISTRICT_DEMO_DATA", "true").start();
        platform.addAccount(MANAGER, MANAGER_PASSWORD, "courier-stations.manager");
        String base = platform.request("/").build().uri().toString();
        browser = new Browser(base.substring(0, base.length() - 1));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.keepEvidence(context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeEach
    void desktop() {
        browser.size(1280, 900);
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        List<String> violations = browser.consoleMessages().stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertTrue(violations.isEmpty(), "the console broke its content security policy: " + violations);
    }

    /** The console as it opens, signed out. */
    private void openSignedOut() {
        browser.open("/console/");
        browser.find("body[data-ready='true']");
        WebElement signOut = browser.all("#sign-out").get(0);
        if (signOut.isDisplayed()) {
            signOut.click();
        }
        browser.find("#username");
    }

    private void signIn(String username, String password) {
        openSignedOut();
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.find("#sign-in").click();
        browser.find("#sign-out");
    }

    private void signInAsAdmin() {
        signIn("admin", RunningPlatform.ADMIN_PASSWORD);
    }

    private void signOut() {
        openSignedOut();
    }

    private static String card(String module) {
        return "#module-cards article[data-module='" + module + "']";
    }

    private String stateOf(String module) {
        return browser.find(card(module)).getAttribute("data-state");
    }

    private void waitForState(String module, String state) {
        browser.waitFor(d -> state.equals(stateOf(module)));
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedInPlaceAndTheRightOneShowsTheModulesAsCardsInChinese() {
        openSignedOut();
        assertEquals("zh-CN", browser.find("html").getAttribute("lang"));
        assertEquals("用户名", browser.find("label[for='username']").getText());
        browser.screenshot("01-sign-in");
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys("not-the-password");
        browser.find("#sign-in").click();
        browser.textOf("#sign-in-problem", "Wrong user name or password.");

        browser.find("#password").clear();
        browser.find("#password").sendKeys(RunningPlatform.ADMIN_PASSWORD);
        browser.find("#sign-in").click();
        browser.find(card("courier-stations"));
        assertEquals("模块", browser.find("main h1").getText());
        assertEquals("驿站服务", browser.find(card("courier-stations") + " h2").getText());
        assertEquals("已启用", browser.find(card("courier-stations") + " [data-role='state']").getText());
        assertEquals("1.0.0", browser.find(card("courier-stations") + " .facts dd").getText());
        // what each needs and what needs it, by name
        assertEquals("律师名册", browser.find(card("legal-aid-night-market") + " [data-role='requires']").getText());
        assertEquals("社区公共法律服务夜市", browser.find(card("lawyer-roster") + " [data-role='required-by']").getText());
        // why a failed one failed
        assertEquals("failed", stateOf("fails-on-activation"));
        assertTrue(browser.find(card("fails-on-activation") + " [data-role='reason']").getText().contains("failed to activate"));
        assertTrue(browser.find(card("needs-absent-module") + " [data-role='reason']").getText().contains("no-such-module"));
        // the navigation holds the pages of the enabled modules
        assertEquals("驿站地图", browser.find("#nav a[data-nav='courier-stations/map']").getText());
        browser.screenshot("02-modules-zh");
    }

    @Test
    @Order(2)
    void theLanguageSwitchesToEnglishAndBack() {
        signInAsAdmin();
        browser.find("#language").click();
        browser.textOf("main h1", "Modules");
        assertEquals("en", browser.find("html").getAttribute("lang"));
        assertEquals("Courier stations", browser.find(card("courier-stations") + " h2").getText());
        assertEquals("Enabled", browser.find(card("courier-stations") + " [data-role='state']").getText());
        assertEquals("Station map", browser.find("#nav a[data-nav='courier-stations/map']").getText());
        browser.screenshot("03-modules-en");
        // the choice outlives a reload
        browser.driver().navigate().refresh();
        browser.textOf("main h1", "Modules");
        browser.find("#language").click();
        browser.textOf("main h1", "模块");
    }

    @Test
    @Order(3)
    void disablingAModuleTakesItsNavigationEntryAndEndpointAwayAndEnablingBringsThemBack() {
        signInAsAdmin();
        browser.find(card("farm-aid-streaming") + " button[data-action='disable']").click();
        waitForState("farm-aid-streaming", "disabled");
        browser.gone("#nav a[data-nav='farm-aid-streaming/sales']");
        assertEquals(404, platform.get("/api/farm-aid-streaming/public/catalogue").status());
        assertEquals(404, platform.get("/console/modules/farm-aid-streaming/sales.js").status());
        browser.textOf("#announce", "已停用");
        browser.screenshot("04-module-disabled", card("farm-aid-streaming"));

        browser.find(card("farm-aid-streaming") + " button[data-action='enable']").click();
        waitForState("farm-aid-streaming", "enabled");
        browser.find("#nav a[data-nav='farm-aid-streaming/sales']");
        assertEquals(200, platform.get("/api/farm-aid-streaming/public/catalogue").status());
        assertEquals(200, platform.get("/console/modules/farm-aid-streaming/sales.js").status());
    }

    @Test
    @Order(4)
    void aToggleThatTouchesOtherModulesIsConfirmedFirstAndCascades() {
        signInAsAdmin();
        browser.find(card("lawyer-roster") + " button[data-action='disable']").click();
        browser.find("#confirm[open]");
        assertEquals(List.of("社区公共法律服务夜市"), browser.all("#confirm-body li").stream().map(WebElement::getText).toList());
        browser.screenshot("05-confirm-cascade");
        browser.find("#confirm-cancel").click();
        browser.gone("#confirm[open]");
        assertEquals("enabled", platform.moduleState("lawyer-roster"));
        assertEquals("enabled", platform.moduleState("legal-aid-night-market"));

        browser.find(card("lawyer-roster") + " button[data-action='disable']").click();
        browser.find("#confirm-ok").click();
        waitForState("lawyer-roster", "disabled");
        waitForState("legal-aid-night-market", "disabled");
        browser.gone("#nav a[data-nav='legal-aid-night-market/schedule']");

        // enabling the night market names the roster it needs
        browser.find(card("legal-aid-night-market") + " button[data-action='enable']").click();
        browser.find("#confirm[open]");
        assertEquals(List.of("律师名册"), browser.all("#confirm-body li").stream().map(WebElement::getText).toList());
        browser.find("#confirm-ok").click();
        waitForState("legal-aid-night-market", "enabled");
        waitForState("lawyer-roster", "enabled");
        browser.find("#nav a[data-nav='legal-aid-night-market/schedule']");
    }

    @Test
    @Order(5)
    void aToggleTheDependenciesForbidShowsThePlatformsDetailInPlaceAndNothingChanges() {
        signInAsAdmin();
        browser.find(card("needs-absent-module") + " button[data-action='enable']").click();
        String detail = browser.textOf(card("needs-absent-module") + " .problem", "not installed");
        assertTrue(detail.contains("requires"), detail);
        assertEquals("failed", stateOf("needs-absent-module"));
        assertEquals("failed", platform.moduleState("needs-absent-module"));
        browser.screenshot("06-toggle-refused", card("needs-absent-module") + " .problem");
    }

    @Test
    @Order(6)
    void aSettingOutOfRangeIsRefusedBesideItsFieldAndAValidOneIsAppliedAndAudited() {
        signInAsAdmin();
        browser.open("/console/#/modules/courier-stations");
        WebElement minutes = browser.find(SETTINGS + " [data-setting='serviceMinutes'] input");
        assertEquals("15", minutes.getAttribute("value"));
        assertTrue(browser.find(SETTINGS + " [data-setting='serviceMinutes'] .hint").getText().contains("不小于 1"));
        // every control of the generated form has its label
        assertEquals(0L, browser.script("return [...document.querySelectorAll('form.settings input, form.settings select, form.settings textarea')]"
                + ".filter(e => e.labels.length === 0).length"));

        minutes.clear();
        minutes.sendKeys("0");
        browser.find(SETTINGS + " [data-action='save']").click();
        browser.textOf(SETTINGS + " [data-role='form-problem']", "serviceMinutes: must be at least 1");
        assertEquals("must be at least 1", browser.find(SETTINGS + " [data-setting='serviceMinutes'] .field-error").getText());
        assertEquals("true", browser.find(SETTINGS + " [data-setting='serviceMinutes'] input").getAttribute("aria-invalid"));
        assertEquals(15, platform.getAsAdmin("/api/courier-stations/settings").json().get("serviceMinutes").asInt());
        browser.screenshot("07-setting-refused", SETTINGS + " [data-setting='serviceMinutes']");

        minutes = browser.find(SETTINGS + " [data-setting='serviceMinutes'] input");
        minutes.clear();
        minutes.sendKeys("20");
        browser.find(SETTINGS + " [data-action='save']").click();
        browser.textOf(SETTINGS + " [data-role='form-status']", "已保存");
        assertEquals("20", browser.find(SETTINGS + " [data-setting='serviceMinutes'] input").getAttribute("value"));
        // the history says who changed what
        String change = browser.textOf("#history tr[data-action='module.config']", "serviceMinutes");
        assertTrue(change.contains("admin") && change.contains("20"), change);
        browser.screenshot("08-module-settings");

        // applied: the module's own settings and the station map's service circle (20 min at 15 km/h: 5,000 m)
        browser.waitFor(d -> platform.getAsAdmin("/api/courier-stations/settings").json().get("serviceMinutes").asInt() == 20);
        browser.find("#nav a[data-nav='courier-stations/map']").click();
        browser.textOf("[data-role='service-circle']", "5,000");
    }

    @Test
    @Order(7)
    void theOperatorsPagesShowTheStationMapTheNightMarketTheSalesChartAndTheRoster() throws Exception {
        signInAsAdmin();
        browser.open("/console/#/pages/courier-stations/map");
        browser.waitFor(d -> browser.all("#station-map path.leaflet-interactive").size() > 50);
        browser.textOf("[data-role='summary']", "视野内");
        browser.screenshot("09-station-map");

        browser.find("#nav a[data-nav='legal-aid-night-market/schedule']").click();
        browser.find("canvas[data-role='figures-chart']");
        browser.waitFor(d -> !browser.all("[data-role='sessions'] tbody tr").isEmpty());
        assertTrue(Integer.parseInt(browser.find("[data-role='total']").getText().replace(",", "")) > 0);
        browser.screenshot("10-night-market");

        browser.find("#nav a[data-nav='farm-aid-streaming/sales']").click();
        WebElement chart = browser.find("img[data-role='sales-chart']");
        browser.waitFor(d -> (Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", chart));
        browser.find("[data-role='total-sales']");
        browser.screenshot("11-farm-aid-sales");

        browser.find("#nav a[data-nav='lawyer-roster/roster']").click();
        browser.waitFor(d -> browser.all("[data-role='lawyers'] tbody tr").size() == 20);
        // the list masks licence numbers
        assertTrue(browser.find("[data-role='lawyers'] tbody tr td:nth-child(6)").getText().contains("*"));
        Path bad = Files.createTempFile("roster-", ".csv");
        Files.writeString(bad, "licence_no,name,firm,specialties\n1234,王律师,测试律所,contract\n", StandardCharsets.UTF_8);
        browser.find("#roster-file").sendKeys(bad.toAbsolutePath().toString());
        browser.find("[data-role='import'] button[type='submit']").click();
        browser.textOf("[data-role='import-problem']", "line 2, licence_no");
        Path good = Files.createTempFile("roster-", ".csv");
        Files.writeString(good, "licence_no,name,firm,specialties\n15101202310999999,王律师,测试律所,contract\n", StandardCharsets.UTF_8);
        browser.find("#roster-file").sendKeys(good.toAbsolutePath().toString());
        browser.find("[data-role='import'] button[type='submit']").click();
        browser.textOf("[data-role='import-result']", "检查通过");
        assertFalse(browser.all("[data-role='import-problem']").get(0).isDisplayed());
        browser.screenshot("12-lawyer-roster", "[data-role='import']");
    }

    @Test
    @Order(8)
    void anOperatorSeesOnlyThePagesOfTheModuleTheyRun() {
        signOut();
        signIn(MANAGER, MANAGER_PASSWORD);
        browser.find("#station-map");
        List<String> entries = browser.all("#nav a").stream().map(a -> a.getAttribute("data-nav")).toList();
        assertEquals(List.of("courier-stations/map"), entries);
        browser.waitFor(d -> !browser.all("#station-map path.leaflet-interactive").isEmpty());
        browser.screenshot("16-operator-station-map");
        browser.open("/console/#/modules");
        browser.find("#station-map");
        assertFalse(browser.present("#module-cards"));
        signOut();
    }

    @Test
    @Order(9)
    void aSessionThatEndedShowsThePlatformsDetailInPlaceAndNothingChanges() {
        signInAsAdmin();
        browser.find(card("notice-board"));
        // the session ends behind the page's back, as when it expires: the browser still sends its cookie
        String session = browser.driver().manage().getCookieNamed("district_session").getValue();
        assertEquals(204, platform.send(platform.request("/api/session").header("Cookie", "district_session=" + session).DELETE()).status());
        browser.find(card("notice-board") + " button[data-action='disable']").click();
        String detail = browser.textOf(card("notice-board") + " .problem", "sign in again");
        assertTrue(detail.contains("You signed out"), detail);
        assertEquals("enabled", platform.moduleState("notice-board"));
        browser.screenshot("13-session-ended", card("notice-board") + " .problem");
        browser.find(card("notice-board") + " .problem button").click();
        browser.find("#username");
    }

    @Test
    @Order(10)
    void itWorksByKeyboardAndOnAPhoneScreen() {
        openSignedOut();
        WebElement username = browser.find("#username");
        username.sendKeys("admin", Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys(RunningPlatform.ADMIN_PASSWORD, Keys.ENTER);
        browser.find(card("courier-stations"));
        // every control on the page has a name a screen reader can say
        assertEquals(0L, browser.script("return [...document.querySelectorAll('button, a[href], input, select, textarea')]"
                + ".filter(e => e.offsetParent !== null && !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim()).length"));

        browser.size(390, 844);
        browser.open("/console/#/modules");
        browser.find(card("courier-stations"));
        assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth"));
        browser.screenshot("14-modules-phone");
        browser.open("/console/#/pages/courier-stations/map");
        browser.waitFor(d -> !browser.all("#station-map path.leaflet-interactive").isEmpty());
        assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth"));
        browser.screenshot("15-station-map-phone");
        signOut();
    }
}
