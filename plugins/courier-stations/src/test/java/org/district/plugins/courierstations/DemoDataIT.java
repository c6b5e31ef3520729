package org.district.plugins.courierstations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.district.platform.testkit.RunningPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The demo a city is shown: Chengdu's three districts and Taizhou Jiaojiang's thirteen round-the-clock stations. */
class DemoDataIT {

    private static final String API = "/api/courier-stations";

    @Test
    void theDemoHasChengduAndJiaojiangStationsVisitsAndAHeatMap() {
        try (RunningPlatform platform = RunningPlatform.create().with("DISTRICT_DEMO_DATA", "true").start()) {
            assertEquals(313, platform.getAsAdmin(API + "/stations?size=1").json().get("total").asInt());
            assertEquals(13, platform.getAsAdmin(API + "/stations?district=台州市/椒江区&size=50").json().get("total").asInt());
            for (String district : new String[] { "成都市/锦江区", "成都市/武侯区", "成都市/高新区" }) {
                assertEquals(100, platform.getAsAdmin(API + "/stations?district=" + district + "&size=1").json().get("total").asInt(), district);
            }

            JsonNode jiaojiang = platform.get(API + "/public/stations/nearest?lat=28.68&lon=121.44&open=true&limit=13&within=30000").json();
            assertEquals(13, jiaojiang.get("stations").size(), "all thirteen open at any hour");
            jiaojiang.get("stations").forEach(s -> assertTrue(s.at("/station/open24h").asBoolean(), s.toString()));

            JsonNode swap = platform.get(API + "/public/stations/nearest?lat=30.657&lon=104.081&service=battery_swap&open=true&limit=5").json();
            assertEquals(5, swap.get("stations").size());
            swap.get("stations").forEach(s -> assertTrue(s.at("/station/services").toString().contains("battery_swap")));

            JsonNode figures = platform.getAsAdmin(API + "/figures?by=day").json();
            assertTrue(figures.get("visits").asLong() > 1000, figures.toString());
            assertTrue(figures.at("/busiestHours/0/hour").asInt() >= 11 && figures.at("/busiestHours/0/hour").asInt() <= 19, "lunch or supper");

            JsonNode sets = platform.getAsAdmin(API + "/coverage").json();
            assertEquals(1, sets.size());
            JsonNode coverage = platform.getAsAdmin(API + "/coverage/" + sets.get(0).get("id").asLong()).json();
            assertEquals(5000, coverage.get("points").asInt());
            assertTrue(coverage.get("share").asDouble() > 0.5, coverage.toString());
        }
    }
}
