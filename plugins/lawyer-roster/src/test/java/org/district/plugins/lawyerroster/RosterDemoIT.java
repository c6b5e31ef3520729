package org.district.plugins.lawyerroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.district.platform.testkit.RunningPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The demo roster a city sees when it starts the platform with demo data. */
class RosterDemoIT {

    @Test
    void fortyLawyersOfSixFirmsInYibinAndChengduReadyForNightMarketDuty() {
        try (RunningPlatform platform = RunningPlatform.create().with("DISTRICT_DEMO_DATA", "true").start()) {
            assertEquals(6, platform.getAsAdmin("/api/lawyer-roster/firms").json().get("total").asInt());
            assertEquals(40, platform.getAsAdmin("/api/lawyer-roster/lawyers").json().get("total").asInt());
            assertTrue(platform.getAsAdmin("/api/lawyer-roster/lawyers?district=宜宾市").json().get("total").asInt() >= 15);
            assertTrue(platform.getAsAdmin("/api/lawyer-roster/lawyers?district=成都市").json().get("total").asInt() >= 15);
            assertEquals(39, platform.get("/api/lawyer-roster/public/lawyers").json().get("total").asInt(), "one demo lawyer is inactive");

            JsonNode firstPage = platform.getAsAdmin("/api/lawyer-roster/lawyers?size=40").json().get("items");
            for (JsonNode lawyer : firstPage) {
                assertTrue(lawyer.get("phone").asText().contains("****"), "masked in the list: " + lawyer);
                assertTrue(lawyer.get("availability").size() >= 1, "every demo lawyer can be put on duty: " + lawyer);
            }

            platform.restart();
            assertEquals(40, platform.getAsAdmin("/api/lawyer-roster/lawyers").json().get("total").asInt(), "loaded once");
        }
    }
}
