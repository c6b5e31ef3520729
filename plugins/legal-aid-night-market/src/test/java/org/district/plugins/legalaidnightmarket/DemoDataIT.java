package org.district.plugins.legalaidnightmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** With DISTRICT_DEMO_DATA=true a city sees Yibin's Dongjie night market and a Chengdu one, with a season of figures. */
class DemoDataIT {

    private static final String API = "/api/legal-aid-night-market";

    @Test
    void theDemoHasDongjieAndAChengduMarketWithSessionsDutiesAndFigures() {
        try (RunningPlatform platform = RunningPlatform.create().with("DISTRICT_DEMO_DATA", "true").start()) {
            JsonNode markets = platform.get(API + "/public/markets").json().get("items");
            List<String> names = new ArrayList<>();
            markets.forEach(m -> names.add(m.get("name").asText()));
            assertTrue(names.contains("宜宾东街夜市"), names.toString());
            assertTrue(names.contains("成都玉林夜市"), names.toString());
            assertFalse(platform.output().contains("could not be loaded"), platform.output());

            Reply figures = platform.getAsAdmin(API + "/figures?from=" + java.time.YearMonth.now(NightMarket.DEFAULT_ZONE).minusMonths(1));
            assertEquals(200, figures.status(), figures.toString());
            assertTrue(figures.json().at("/months/0/consultations").asInt() > 0, figures.toString());

            JsonNode upcoming = platform.get(API + "/public/sessions?days=31&size=200").json().get("items");
            assertTrue(upcoming.size() > 0, "sessions to come");
            boolean cancelled = platform.getAsAdmin(API + "/sessions?status=cancelled").json().get("total").asInt() == 1;
            assertTrue(cancelled, "one evening was called off for a storm");
            assertFalse(platform.getAsAdmin(API + "/consultations?size=200").body().matches(".*\"contact\":\"1\\d{10}\".*"),
                    "contacts are masked in the list");
        }
    }
}
