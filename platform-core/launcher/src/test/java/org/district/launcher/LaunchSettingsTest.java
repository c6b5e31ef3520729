package org.district.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

    private final Path home = Path.of("/opt/district");

    @Test
    void withNothingSetThePlatformListensOn8080AndKeepsItsDataInTheDistributionsDataFolder() {
        LaunchSettings settings = LaunchSettings.from(home, name -> null, name -> null);
        assertEquals(8080, settings.httpPort());
        assertEquals(home.resolve("data"), settings.dataDir());
        assertFalse(settings.demoData());
        assertFalse(settings.frameworkProperties().containsKey("district.jdbc.url"), "the runtime picks the embedded database");
    }

    @Test
    void theEnvironmentSetsEachSetting() {
        Map<String, String> env = Map.of("DISTRICT_HTTP_PORT", "9090", "DISTRICT_DATA_DIR", "/srv/city",
                "DISTRICT_JDBC_URL", "jdbc:postgresql://db:5432/city", "DISTRICT_ADMIN_PASSWORD", "s3cret",
                "DISTRICT_DEMO_DATA", "true");
        LaunchSettings settings = LaunchSettings.from(home, env::get, name -> null);
        assertEquals(9090, settings.httpPort());
        assertEquals(Path.of("/srv/city"), settings.dataDir());
        assertEquals("jdbc:postgresql://db:5432/city", settings.frameworkProperties().get("district.jdbc.url"));
        assertEquals("s3cret", settings.frameworkProperties().get("district.admin.password"));
        assertTrue(settings.demoData());
    }

    @Test
    void aSystemPropertyOfTheSameNameWinsOverTheEnvironment() {
        LaunchSettings settings = LaunchSettings.from(home, Map.of("DISTRICT_HTTP_PORT", "9090")::get,
                Map.of("district.http.port", "9191")::get);
        assertEquals(9191, settings.httpPort());
    }

    @Test
    void aPortThatIsNotANumberIsRefusedWithItsName() {
        var failure = assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.from(home, Map.of("DISTRICT_HTTP_PORT", "eighty")::get, name -> null));
        assertTrue(failure.getMessage().contains("DISTRICT_HTTP_PORT"), failure.getMessage());
    }

    @Test
    void publicRequestsAreLimitedByDefaultAndTheLimitMustBeACountOrZero() {
        assertEquals("1200", LaunchSettings.from(home, name -> null, name -> null).frameworkProperties().get("district.public.rate.limit"));
        assertEquals("0", LaunchSettings.from(home, Map.of("DISTRICT_PUBLIC_RATE_LIMIT", "0")::get, name -> null)
                .frameworkProperties().get("district.public.rate.limit"));
        for (String bad : new String[] { "lots", "-1" }) {
            var failure = assertThrows(IllegalArgumentException.class,
                    () -> LaunchSettings.from(home, Map.of("DISTRICT_PUBLIC_RATE_LIMIT", bad)::get, name -> null));
            assertTrue(failure.getMessage().contains("DISTRICT_PUBLIC_RATE_LIMIT"), failure.getMessage());
        }
    }

    @Test
    void theCorsAllowListReachesTheRuntimeOnlyWhenSet() {
        assertFalse(LaunchSettings.from(home, name -> null, name -> null).frameworkProperties().containsKey("district.cors.origins"));
        assertEquals("https://portal.example.cn", LaunchSettings.from(home, Map.of("DISTRICT_CORS_ORIGINS", "https://portal.example.cn")::get,
                name -> null).frameworkProperties().get("district.cors.origins"));
    }

    @Test
    void openIdConnectNeedsTheAudienceWhenAnIssuerIsSetAndIsOffOtherwise() {
        assertFalse(LaunchSettings.from(home, name -> null, name -> null).frameworkProperties().containsKey("district.oidc.issuer"));
        var failure = assertThrows(IllegalArgumentException.class, () -> LaunchSettings.from(home,
                Map.of("DISTRICT_OIDC_ISSUER", "https://id.sc.gov.example/realms/sichuan")::get, name -> null));
        assertTrue(failure.getMessage().contains("DISTRICT_OIDC_AUDIENCE"), failure.getMessage());
        var properties = LaunchSettings.from(home, Map.of("DISTRICT_OIDC_ISSUER", "https://id.sc.gov.example/realms/sichuan",
                "DISTRICT_OIDC_AUDIENCE", "district-chengdu")::get, name -> null).frameworkProperties();
        assertEquals("district-chengdu", properties.get("district.oidc.audience"));
        assertEquals("roles", properties.get("district.oidc.roles.claim"));
    }

    @Test
    void eachModulesLimitsReachTheRuntimeAndANonsenseLimitIsRefusedByName() {
        var defaults = LaunchSettings.from(home, name -> null, name -> null).frameworkProperties();
        assertEquals(Integer.toString(4 * Runtime.getRuntime().availableProcessors()), defaults.get("district.module.max.requests"));
        assertEquals("30", defaults.get("district.module.request.seconds"));
        assertEquals("64", defaults.get("district.module.max.threads"));
        assertEquals("5", LaunchSettings.from(home, Map.of("DISTRICT_MODULE_REQUEST_SECONDS", " 5 ")::get, name -> null)
                .frameworkProperties().get("district.module.request.seconds"));
        for (String bad : new String[] { "0", "-3", "many", "" }) {
            var failure = assertThrows(IllegalArgumentException.class,
                    () -> LaunchSettings.from(home, Map.of("DISTRICT_MODULE_MAX_THREADS", bad)::get, name -> null));
            assertTrue(failure.getMessage().contains("DISTRICT_MODULE_MAX_THREADS"), failure.getMessage());
        }
    }

    @Test
    void theMetricsTokenReachesTheRuntimeOnlyWhenSetAndASystemPropertyWins() {
        assertFalse(LaunchSettings.from(home, name -> null, name -> null).frameworkProperties().containsKey("district.metrics.token"));
        assertFalse(LaunchSettings.from(home, Map.of("DISTRICT_METRICS_TOKEN", "  ")::get, name -> null)
                .frameworkProperties().containsKey("district.metrics.token"));
        assertEquals("scrape-0f3a9c", LaunchSettings.from(home, Map.of("DISTRICT_METRICS_TOKEN", " scrape-0f3a9c ")::get, name -> null)
                .frameworkProperties().get("district.metrics.token"));
        assertEquals("from-property", LaunchSettings.from(home, Map.of("DISTRICT_METRICS_TOKEN", "from-env")::get,
                Map.of("district.metrics.token", "from-property")::get).frameworkProperties().get("district.metrics.token"));
    }

    @Test
    void trustedProxiesAreLoopbackUnlessSetAndMustBeAddresses() {
        assertEquals("127.0.0.1, ::1", LaunchSettings.from(home, name -> null, name -> null).frameworkProperties().get("district.trusted.proxies"));
        assertEquals("10.0.0.0/8", LaunchSettings.from(home, Map.of("DISTRICT_TRUSTED_PROXIES", "10.0.0.0/8")::get, name -> null)
                .frameworkProperties().get("district.trusted.proxies"));
        var failure = assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.from(home, Map.of("DISTRICT_TRUSTED_PROXIES", "lb.city.example")::get, name -> null));
        assertTrue(failure.getMessage().contains("DISTRICT_TRUSTED_PROXIES"), failure.getMessage());
    }

    @Test
    void aCityBundleSetsItsOwnDefaultsWhichTheEnvironmentStillOverrides(@org.junit.jupiter.api.io.TempDir Path cityHome) throws Exception {
        java.nio.file.Files.createDirectories(cityHome.resolve("city"));
        java.nio.file.Files.writeString(cityHome.resolve("city/defaults.properties"), "DISTRICT_DEMO_DATA=true\n");
        LaunchSettings city = LaunchSettings.from(cityHome, name -> null, name -> null);
        assertTrue(city.demoData());
        assertEquals(cityHome.resolve("city").toString(), city.frameworkProperties().get("district.city.dir"));
        assertFalse(LaunchSettings.from(cityHome, Map.of("DISTRICT_DEMO_DATA", "false")::get, name -> null).demoData());
    }

    @Test
    void aCityDefaultThatIsNoSettingFailsTheStartNamingIt(@org.junit.jupiter.api.io.TempDir Path cityHome) throws Exception {
        java.nio.file.Files.createDirectories(cityHome.resolve("city"));
        java.nio.file.Files.writeString(cityHome.resolve("city/defaults.properties"), "DISTRICT_DEMO_DTA=true\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.from(cityHome, name -> null, name -> null));
        assertTrue(refused.getMessage().contains("'DISTRICT_DEMO_DTA', which is not a setting"), refused.getMessage());
    }

    @Test
    void unlistedModulesAreRefusedUnlessAnAdminAllowsThem() {
        assertEquals("false", LaunchSettings.from(home, name -> null, name -> null).frameworkProperties().get("district.allow.unlisted.modules"));
        assertEquals("true", LaunchSettings.from(home, Map.of("DISTRICT_ALLOW_UNLISTED_MODULES", "TRUE")::get, name -> null)
                .frameworkProperties().get("district.allow.unlisted.modules"));
        assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.from(home, Map.of("DISTRICT_ALLOW_UNLISTED_MODULES", "yes")::get, name -> null));
    }
}
