package org.district.plugins.farmaidstreaming;

import static org.district.plugins.farmaidstreaming.Http.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * With DISTRICT_DEMO_DATA=true a city sees Taizhou Jiaojiang's programme as it published it: 62
 * streamers, 470 villagers employed near home, about 30,000 yuan more per person per year; a year of
 * sessions whose reports reconcile every way; sessions to come on the public page.
 */
class DemoDataIT {

    @Test
    void theDemoReproducesJiaojiangsPublishedFigures() {
        try (RunningPlatform platform = RunningPlatform.create().with("DISTRICT_DEMO_DATA", "true").start()) {
            assertFalse(platform.output().contains("could not be loaded"), platform.output());
            Http admin = Http.account(platform, "demo.coordinator", Roles.COORDINATOR);
            assertEquals(62, admin.get("/streamers?size=1").json().get("total").asInt(), "62 streamers");
            assertEquals(12, admin.get("/streamers?pioneer=true&size=1").json().get("total").asInt(), "a dozen pioneers");
            assertTrue(admin.get("/streamers?trained=true&size=1").json().get("total").asInt() >= 50, "most of them trained");
            assertEquals(12, admin.get("/villages?node=台州市/椒江区&size=1").json().get("total").asInt());

            YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
            String year = "?from=" + now.minusMonths(11) + "&to=" + now;
            JsonNode byVillage = exact(admin.get("/reports/villages" + year));
            JsonNode total = byVillage.get("total");
            assertEquals(470, total.get("villagersEmployed").asInt(), "470 villagers employed near home");
            BigDecimal perPerson = total.get("incomeChangePerPerson").decimalValue();
            assertTrue(perPerson.compareTo(new BigDecimal("29500")) >= 0 && perPerson.compareTo(new BigDecimal("30500")) <= 0,
                    "about 30,000 yuan more per person per year: " + perPerson);
            assertTrue(total.get("sessions").asInt() > 150, total.toString());
            BigDecimal sales = total.get("salesValue").decimalValue();
            assertEquals(0, sales.compareTo(exact(admin.get("/reports/streamers" + year)).at("/total/salesValue").decimalValue()));
            assertEquals(0, sales.compareTo(exact(admin.get("/reports/months" + year)).at("/total/salesValue").decimalValue()));
            BigDecimal lines = BigDecimal.ZERO;
            for (JsonNode line : byVillage.get("lines")) {
                lines = lines.add(line.get("salesValue").decimalValue());
            }
            assertEquals(0, sales.compareTo(lines), "the villages add up to the total");

            JsonNode upcoming = platform.get(Http.API + "/public/sessions?days=14&size=50").json();
            assertTrue(upcoming.get("total").asInt() >= 8, upcoming.toString());
            assertTrue(upcoming.at("/items/0/streamer/handle").asText().length() > 1);
            assertFalse(upcoming.toString().contains("realName"));

            long village = byVillage.at("/lines/0/id").asLong();
            Reply svg = admin.get("/villages/" + village + "/sales-chart.svg");
            assertEquals(12, svg.body().split("class=\"bar\"", -1).length - 1, "twelve months, twelve bars");
            long product = admin.get("/products?village=" + village + "&size=1").json().at("/items/0/id").asLong();
            JsonNode suggested = admin.get("/products/" + product + "/suggested-streamers").json();
            assertEquals(10, suggested.get("suggestions").size());
            assertTrue(suggested.at("/suggestions/0/reasons/0").asText().startsWith("sold "), suggested.toString());
        }
    }
}
