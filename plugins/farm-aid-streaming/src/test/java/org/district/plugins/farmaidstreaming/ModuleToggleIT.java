package org.district.plugins.farmaidstreaming;

import static org.district.plugins.farmaidstreaming.Http.json;
import static org.district.plugins.farmaidstreaming.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.Test;

/** An admin switches the module off and on, and restarts the platform: streamers, sessions, results, impact and reports are all still there. */
class ModuleToggleIT {

    private static final String ID = "farm-aid-streaming";

    @Test
    void disablingEnablingAndRestartingKeepEveryRecord() {
        try (RunningPlatform platform = RunningPlatform.create().start()) {
            assertEquals("enabled", platform.moduleState(ID));
            Http coordinator = Http.account(platform, "chen.coordinator", Roles.COORDINATOR);
            long village = coordinator.create("/villages", json("name", "开关测试村", "kind", "village", "node", "台州市/椒江区/章安街道"));
            long product = coordinator.create("/products", json("villageId", village, "name", "章安西兰花", "category", "produce", "unit", "箱",
                    "price", new BigDecimal("39.90"), "stock", 100));
            long streamer = coordinator.create("/streamers", json("handle", "开关主播", "realName", "陈某", "accounts",
                    List.of(map("platform", "douyin", "accountId", "dy1", "followers", 5000))));
            LocalDateTime when = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(2).withHour(20).withMinute(0);
            long session = coordinator.create("/sessions", json("streamerId", streamer, "platform", "douyin", "villageId", village,
                    "scheduledAt", when.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")), "productIds", List.of(product)));
            Reply recorded = coordinator.put("/sessions/" + session + "/results", json("results", List.of(map("productId", product,
                    "unitsSold", 30, "salesValue", new BigDecimal("1137.15"), "orders", 28, "returns", 1))));
            assertEquals(200, recorded.status(), recorded.toString());
            Reply impact = coordinator.put("/villages/" + village + "/impact/" + YearMonth.from(when),
                    json("villagersEmployed", 6, "incomeChangePerPerson", new BigDecimal("31000.00")));
            assertEquals(200, impact.status(), impact.toString());

            String report = coordinator.get("/reports/villages").body();
            String sessionBefore = coordinator.get("/sessions/" + session).body();
            String streamerBefore = coordinator.get("/streamers/" + streamer).body();
            assertTrue(report.contains("1137.15"), report);

            assertEquals(200, platform.postAsAdmin("/api/admin/modules/" + ID + "/disable", null).status());
            assertEquals("disabled", platform.moduleState(ID));
            assertEquals(404, coordinator.get("/sessions/" + session).status());
            assertEquals(404, platform.get("/api/" + ID + "/public/sessions").status());

            assertEquals(200, platform.postAsAdmin("/api/admin/modules/" + ID + "/enable", null).status());
            awaitServing(coordinator);
            assertEquals(report, coordinator.get("/reports/villages").body(), "the report is as it was");
            assertEquals(sessionBefore, coordinator.get("/sessions/" + session).body());
            assertEquals(streamerBefore, coordinator.get("/streamers/" + streamer).body());

            platform.restart();
            awaitServing(coordinator);
            assertEquals("enabled", platform.moduleState(ID));
            assertEquals(report, coordinator.get("/reports/villages").body(), "and after a restart");
            assertEquals(sessionBefore, coordinator.get("/sessions/" + session).body());
            coordinator.create("/products", json("villageId", village, "name", "章安芥菜", "category", "produce", "unit", "斤",
                    "price", new BigDecimal("6.50"), "stock", 10));
            assertEquals(2, coordinator.get("/products?village=" + village).json().get("total").asInt(), "the module works on after all of it");
        }
    }

    /**
     * Enabling returns once the module is started; its REST application then takes up its resources
     * one by one, reloading as each arrives, and a request that meets a reload may fail. Waits until
     * the module has answered 200 five times in a row (at most 15 s).
     */
    private static void awaitServing(Http coordinator) {
        long deadline = System.currentTimeMillis() + 15_000;
        int inARow = 0;
        while (inARow < 5) {
            int status = coordinator.get("/reports/villages").status();
            inARow = status == 200 ? inARow + 1 : 0;
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the module did not answer steadily after it was enabled (last status " + status + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
