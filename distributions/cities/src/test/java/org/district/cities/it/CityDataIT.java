package org.district.cities.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.district.platform.testkit.RunningPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The profile is a city's starting point and its database the state after: what an admin changes
 * at runtime outlives restarts, and the database stays the one city's.
 */
class CityDataIT {

    private static final String STATIONS_PID = "org.district.plugins.courierstations";

    @Test
    void whatAnAdminChangesOutlivesTheProfileAcrossRestarts() {
        try (RunningPlatform yibin = RunningPlatform.of(CityArchives.unpack("yibin")).start()) {
            JsonNode profileValues = CityArchives.profile("yibin").path("settings").path(STATIONS_PID).path("values");
            int fromProfile = profileValues.path("serviceMinutes").asInt();
            int changed = fromProfile == 25 ? 20 : 25;
            assertEquals(200, yibin.putAsAdmin("/api/admin/modules/courier-stations/config/" + STATIONS_PID,
                    "{\"serviceMinutes\":" + changed + ",\"cityAreas\":null}").status());
            assertEquals(200, yibin.postAsAdmin("/api/admin/modules/courier-stations/disable", "").status());

            yibin.restart();

            assertEquals("disabled", yibin.moduleState("courier-stations"), "the admin's toggle, not the profile's choice");
            assertEquals(changed, CityBundlesIT.setting(yibin, "courier-stations", STATIONS_PID, "serviceMinutes").asInt());
            JsonNode areas = CityBundlesIT.setting(yibin, "courier-stations", STATIONS_PID, "cityAreas");
            assertTrue(areas.isMissingNode() || areas.isNull(),
                    "a setting the admin set back to its default is not written again from the profile: " + areas);
            assertEquals("enabled", yibin.moduleState("lawyer-roster"));
        }
    }

    @Test
    void aBundleOfAnotherCityIsRefusedOnACitysDatabase() throws Exception {
        String yibinDatabase;
        try (RunningPlatform yibin = RunningPlatform.of(CityArchives.unpack("yibin")).start()) {
            yibinDatabase = yibin.jdbcUrl();
            yibin.stop();
            try (RunningPlatform chengdu = RunningPlatform.of(CityArchives.unpack("chengdu")).with("DISTRICT_JDBC_URL", yibinDatabase)) {
                assertEquals(1, chengdu.startExpectingExit());
                assertTrue(chengdu.output().contains("this database holds the data of city 'yibin', and this is the bundle of city 'chengdu'"),
                        chengdu.output());
            }
        }
    }
}
