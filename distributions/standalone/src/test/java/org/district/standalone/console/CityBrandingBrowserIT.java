package org.district.standalone.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.district.platform.testkit.RunningPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console of a city's bundle wears the city's branding: its title in the bar and the window's
 * title in both languages, its logo, and its colours. The city folder is written here as the city
 * build writes it (docs/cities.md): a profile, a logo and a manifest of the distribution's modules.
 */
@Timeout(180)
class CityBrandingBrowserIT {

    private static final String PRIMARY = "#0b6e4f";
    private static RunningPlatform platform;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        platform = RunningPlatform.of(cityHome()).start();
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

    @Test
    void theConsoleShowsTheCitysTitleLogoAndColours() {
        browser.open("/console/");
        browser.find("body[data-ready='true']");
        assertEquals("宜宾市新就业群体服务平台", browser.find("#brand-text").getText());
        assertEquals("宜宾市新就业群体服务平台 · 管理台", browser.script("return document.title"));
        assertEquals(Boolean.TRUE, browser.script("const logo = document.getElementById('brand-logo');"
                + " return !logo.hidden && logo.complete && logo.naturalWidth > 0 && logo.getAttribute('src') === '/api/city/logo'"),
                "the logo is shown, loaded from the city's folder");
        assertEquals("rgb(11, 110, 79)", browser.script("return getComputedStyle(document.querySelector('header.bar')).backgroundColor"),
                "the bar in the city's primary colour " + PRIMARY);
        browser.screenshot("city-branding");

        browser.find("#language").click();
        browser.textOf("#brand-text", "Yibin services for new employment groups");
        assertEquals("Yibin services for new employment groups · Console", browser.script("return document.title"));
        browser.find("#language").click();
    }

    /** The standalone distribution with a city folder: a copy, so that the distribution itself stays no city's. */
    private static Path cityHome() throws IOException {
        Path home = Files.createTempDirectory("district-city-home-");
        try (Stream<Path> files = Files.walk(RunningPlatform.HOME)) {
            for (Path file : files.toList()) {
                Path target = home.resolve(RunningPlatform.HOME.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.startsWith(RunningPlatform.HOME.resolve("data"))) {
                    Files.copy(file, target);
                }
            }
        }
        Path city = Files.createDirectories(home.resolve("city"));
        Files.writeString(city.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">"
                + "<rect width=\"64\" height=\"64\" rx=\"12\" fill=\"" + PRIMARY + "\"/><circle cx=\"32\" cy=\"32\" r=\"16\" fill=\"#f2c14e\"/></svg>");
        Files.writeString(city.resolve("profile.json"), """
                {"id":"yibin","name":{"zh-CN":"宜宾市","en":"Yibin"},"timeZone":"Asia/Shanghai","mapCentre":{"lat":28.77,"lon":104.63},
                 "modules":[],"chosenModules":[],"demoData":false,"settings":{},
                 "places":[{"id":"cuiping","parent":null,"level":"district","path":"宜宾市/翠屏区","name":{"zh-CN":"翠屏区","en":"Cuiping District"}}],
                 "branding":{"title":{"zh-CN":"宜宾市新就业群体服务平台","en":"Yibin services for new employment groups"},
                  "logo":"logo.svg","colours":{"primary":"%s","accent":"#f2c14e"}}}
                """.formatted(PRIMARY));
        StringBuilder modules = new StringBuilder();
        try (Stream<Path> jars = Files.list(home.resolve("plugins"))) {
            for (Path jar : jars.sorted().toList()) {
                modules.append(modules.isEmpty() ? "" : ",").append("{\"file\":\"plugins/").append(jar.getFileName())
                        .append("\",\"sha256\":\"").append(sha256(jar)).append("\"}");
            }
        }
        Files.writeString(city.resolve("manifest.json"), "{\"city\":\"yibin\",\"profileSha256\":\"" + "0".repeat(64)
                + "\",\"modules\":[" + modules + "],\"bundles\":[]}");
        return home;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
