package org.district.cities.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two of the cities the build made, each started from its own unpacked standalone archive as
 * provincial IT would start it, and asked over HTTP what it runs: its modules, its settings, its
 * tree and its branding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CityBundlesIT {

    private RunningPlatform chengdu;
    private RunningPlatform yibin;

    @BeforeAll
    void startTwoCities() throws Exception {
        chengdu = RunningPlatform.of(CityArchives.unpack("chengdu")).start();
        yibin = RunningPlatform.of(CityArchives.unpack("yibin")).start();
    }

    @AfterAll
    void stop() {
        if (chengdu != null) {
            chengdu.close();
        }
        if (yibin != null) {
            yibin.close();
        }
    }

    @Test
    void eachCityStartsWithExactlyTheModulesItChoseEnabled() {
        assertEquals(Set.of("courier-stations", "legal-aid-night-market", "lawyer-roster", "farm-aid-streaming"), enabledModules(chengdu));
        assertEquals(Set.of("courier-stations", "legal-aid-night-market", "lawyer-roster"), enabledModules(yibin));
        assertEquals(404, yibin.get("/api/farm-aid-streaming/public/sessions").status(), "a module Yibin did not choose is not in its bundle");
        assertEquals(404, yibin.getAsAdmin("/api/admin/modules/farm-aid-streaming").status());
    }

    @Test
    void eachCityStartsWithItsProfilesSettings() {
        JsonNode yibinAreas = setting(yibin, "courier-stations", "org.district.plugins.courierstations", "cityAreas");
        JsonNode chengduAreas = setting(chengdu, "courier-stations", "org.district.plugins.courierstations", "cityAreas");
        assertEquals(CityArchives.profile("yibin").path("settings").path("org.district.plugins.courierstations").path("values").path("cityAreas"),
                yibinAreas);
        assertEquals(CityArchives.profile("chengdu").path("settings").path("org.district.plugins.courierstations").path("values").path("cityAreas"),
                chengduAreas);
        assertNotEquals(yibinAreas, chengduAreas);
        JsonNode serviceMinutes = setting(yibin, "courier-stations", "org.district.plugins.courierstations", "serviceMinutes");
        assertEquals(CityArchives.profile("yibin").path("settings").path("org.district.plugins.courierstations").path("values").path("serviceMinutes").asInt(),
                serviceMinutes.asInt());
    }

    @Test
    void aCityWithDemoDataGetsTheDemoOfItsOwnPlacesOnly() {
        assertTrue(stations(chengdu, "成都市/武侯区") > 50, "Chengdu's profile asks for demo data");
        assertEquals(0, stations(chengdu, "台州市/椒江区"), "the demo's Jiaojiang stations lie outside Chengdu's areas");
        assertEquals(0, stations(yibin, "成都市/武侯区"), "Yibin's profile asks for none");
    }

    private static long stations(RunningPlatform platform, String district) {
        Reply page = platform.getAsAdmin("/api/courier-stations/stations?size=1&district="
                + java.net.URLEncoder.encode(district, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, page.status(), page.body());
        return page.json().path("total").asLong();
    }

    @Test
    void anyoneReadsWhichCityItIsWithItsBrandingAndTree() {
        JsonNode city = yibin.get("/api/city").json();
        assertEquals("yibin", city.path("id").asText());
        assertEquals("宜宾市", city.path("name").path("zh-CN").asText());
        assertEquals("Asia/Shanghai", city.path("timeZone").asText());
        assertEquals(28.77, city.path("mapCentre").path("lat").asDouble(), 0.2);
        assertTrue(city.path("colours").path("primary").asText().matches("#[0-9a-fA-F]{6}"), city.toString());
        assertTrue(city.path("title").path("en").asText().contains("Yibin"), city.toString());
        assertTrue(city.path("places").asInt() > 10, city.toString());
        assertNull(city.get("settings"), "module settings are not public");

        Reply logo = yibin.get("/api/city/logo");
        assertEquals(200, logo.status());
        assertEquals("image/svg+xml", logo.contentType());
        assertTrue(logo.body().contains("<svg"));
        assertTrue(logo.headers().get("content-security-policy").stream().anyMatch(policy -> policy.contains("sandbox")),
                "an SVG opened on its own runs nothing: " + logo.headers());

        JsonNode places = chengdu.get("/api/city/places").json();
        Set<String> paths = new TreeSet<>();
        places.forEach(place -> paths.add(place.path("path").asText()));
        assertTrue(paths.contains("成都市/武侯区/玉林街道/玉林社区"), paths.toString());
    }

    @Test
    void rolesAreLimitedOnlyToPlacesOfTheCitysTree() {
        String account = "{\"username\":\"wuhou-manager\",\"password\":\"a-long-enough-password\",\"roles\":[\"courier-stations.manager@成都市/武侯区/玉林街道\"]}";
        assertEquals(201, chengdu.postAsAdmin("/api/admin/accounts", account).status());

        Reply refused = yibin.postAsAdmin("/api/admin/accounts", account);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.isProblem());
        JsonNode error = refused.json().path("errors").get(0);
        assertEquals("roles[0]", error.path("field").asText(), refused.body());
        assertTrue(error.path("message").asText().contains("is not a place of 宜宾市"), refused.body());
    }

    private static Set<String> enabledModules(RunningPlatform platform) {
        Set<String> enabled = new TreeSet<>();
        for (JsonNode module : platform.getAsAdmin("/api/admin/modules").json()) {
            assertEquals("enabled", module.path("state").asText(), module.toString());
            enabled.add(module.path("id").asText());
        }
        return enabled;
    }

    static JsonNode setting(RunningPlatform platform, String module, String pid, String id) {
        JsonNode view = platform.getAsAdmin("/api/admin/modules/" + module + "/config").json();
        for (JsonNode configuration : view.path("configurations")) {
            if (configuration.path("pid").asText().equals(pid)) {
                for (JsonNode setting : configuration.path("settings")) {
                    if (setting.path("id").asText().equals(id)) {
                        return setting.path("value");
                    }
                }
            }
        }
        throw new AssertionError("no setting " + pid + "/" + id + " in " + view);
    }
}
