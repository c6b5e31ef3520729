package org.district.plugins.farmaidstreaming;

import static org.district.plugins.farmaidstreaming.Http.assertField;
import static org.district.plugins.farmaidstreaming.Http.assertYuan;
import static org.district.plugins.farmaidstreaming.Http.exact;
import static org.district.plugins.farmaidstreaming.Http.json;
import static org.district.plugins.farmaidstreaming.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The farm-aid module as a coordinator, an exporter and a viewer use it, over HTTP against a real
 * platform. Each test works on villages, products and streamers of its own; the report fixture
 * lives in months no other test touches, so its totals are exactly the hand-computed ones.
 */
class FarmAidStreamingIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static RunningPlatform platform;
    private static Http coordinator;
    private static Http exporter;
    private static Http auditor;
    private static Http anonymous;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.create().start();
        coordinator = Http.account(platform, "li.coordinator", Roles.COORDINATOR);
        exporter = Http.account(platform, "wang.exporter", Roles.COORDINATOR, Roles.EXPORT);
        auditor = Http.account(platform, "zhao.auditor", "auditor");
        anonymous = new Http(platform, null);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // --- helpers

    static LocalDateTime now() {
        return LocalDateTime.now(SHANGHAI).withSecond(0).withNano(0);
    }

    static String at(LocalDateTime time) {
        return time.format(MINUTES);
    }

    static long village(String name) {
        return coordinator.create("/villages", json("name", name, "kind", "village", "node", "台州市/椒江区/测试街道/" + name,
                "contactName", "陈海东", "contactPhone", "13957600101"));
    }

    static long product(long village, String name, String category, String price) {
        return coordinator.create("/products", json("villageId", village, "name", name, "category", category, "unit", "箱",
                "price", new BigDecimal(price), "stock", 500));
    }

    static long streamer(String handle, String platformCode, long followers, List<String> categories, List<String> availability, boolean pioneer) {
        return coordinator.create("/streamers", json("handle", handle, "realName", "测" + handle, "phone", "13800000000", "pioneer", pioneer,
                "accounts", platformCode == null ? List.of() : List.of(map("platform", platformCode, "accountId", "acct-" + handle.hashCode(),
                        "followers", followers)),
                "categories", categories, "availability", availability));
    }

    static long session(long streamer, String platformCode, Long village, LocalDateTime when, List<Long> products) {
        return coordinator.create("/sessions", json("streamerId", streamer, "platform", platformCode, "villageId", village,
                "scheduledAt", at(when), "minutes", 120, "productIds", products));
    }

    static Map<String, Object> result(long product, int units, String value, int orders, int returns) {
        return map("productId", product, "unitsSold", units, "salesValue", new BigDecimal(value), "orders", orders, "returns", returns);
    }

    static Reply record(long session, List<Map<String, Object>> results) {
        return coordinator.put("/sessions/" + session + "/results", json("results", results));
    }

    static JsonNode lastAudit() {
        return platform.getAsAdmin("/api/admin/audit?module=farm-aid-streaming&size=1").json().at("/items/0");
    }

    // --- access

    @Test
    void coordinatingNeedsTheRoleWhileViewersNeedNothing() {
        assertEquals(401, anonymous.get("/streamers").status());
        assertEquals(401, anonymous.get("/reports/villages").status());
        assertEquals(401, anonymous.post("/sessions", "{}").status());
        assertEquals(403, auditor.get("/streamers").status());
        assertEquals(200, coordinator.get("/streamers").status());
        assertEquals(403, coordinator.get("/exports/streamers.csv").status(), "personal data leaves only with the export role");
        assertEquals(200, anonymous.get("/public/sessions").status());
        JsonNode catalogue = anonymous.get("/public/catalogue").json();
        assertEquals("douyin", catalogue.at("/platforms/0/code").asText());
        assertEquals("抖音", catalogue.at("/platforms/0/zh").asText());
        assertEquals(5, catalogue.get("categories").size());
    }

    // --- personal data

    @Test
    void aStreamerIsMaskedInListsShownInFullOnceAuditedAndNeverNamedInPublic() {
        long id = coordinator.create("/streamers", json("handle", "椒江小鲜", "realName", "张三丰", "phone", "13812345678", "pioneer", true,
                "accounts", List.of(map("platform", "douyin", "accountId", "dy123456789", "followers", 128000),
                        map("platform", "视频号", "accountId", "sph7788", "followers", 5200)),
                "categories", List.of("produce", "加工食品"), "availability", List.of("周六 19:00-22:00", "Sun 19:00-22:00")));

        JsonNode listed = null;
        for (JsonNode item : coordinator.get("/streamers?q=椒江小鲜").json().get("items")) {
            listed = item.get("id").asLong() == id ? item : listed;
        }
        assertNotNull(listed);
        assertEquals("张**", listed.get("realName").asText());
        assertEquals("138****5678", listed.get("phone").asText());
        assertEquals("dy*******89", listed.at("/accounts/0/accountId").asText());
        assertEquals(128000, listed.at("/accounts/0/followers").asLong());
        assertEquals("[\"Sat,Sun 19:00-22:00\"]", listed.get("availability").toString());
        assertEquals("[\"produce\",\"processed_food\"]", listed.get("categories").toString());

        assertEquals(1, coordinator.get("/streamers?q=椒江小鲜&platform=wechat_channels").json().get("total").asInt());
        assertEquals(0, coordinator.get("/streamers?q=椒江小鲜&platform=kuaishou").json().get("total").asInt());
        assertEquals(1, coordinator.get("/streamers?q=椒江小鲜&category=加工食品&pioneer=true").json().get("total").asInt());
        assertEquals(0, coordinator.get("/streamers?q=椒江小鲜&category=crafts").json().get("total").asInt());

        JsonNode full = coordinator.get("/streamers/" + id).json();
        assertEquals("张三丰", full.get("realName").asText());
        assertEquals("13812345678", full.get("phone").asText());
        assertEquals("dy123456789", full.at("/accounts/0/accountId").asText());
        assertEquals("wechat_channels", full.at("/accounts/1/platform").asText());
        JsonNode audited = lastAudit();
        assertEquals("personal-data.read", audited.get("action").asText(), "reading a streamer in full is audited");
        assertEquals("streamer " + id, audited.get("subject").asText());
        assertEquals("li.coordinator", audited.get("actor").asText());

        long village = village("掩码测试村");
        long product = product(village, "掩码蜜橘", "produce", "45.00");
        session(id, "douyin", village, now().plusDays(2).withHour(19).withMinute(30), List.of(product));
        Reply upcoming = anonymous.get("/public/sessions?days=7&size=200");
        assertEquals(200, upcoming.status(), upcoming.toString());
        assertTrue(upcoming.body().contains("椒江小鲜"), "the public sees the handle");
        assertTrue(upcoming.body().contains("掩码蜜橘"), "and the products");
        for (String secret : List.of("张三丰", "13812345678", "dy123456789", "sph7788", "陈海东", "13957600101", "stock")) {
            assertFalse(upcoming.body().contains(secret), secret + " shown publicly: " + upcoming.body());
        }
        JsonNode shown = null;
        for (JsonNode s : upcoming.json().get("items")) {
            shown = s.at("/streamer/handle").asText().equals("椒江小鲜") ? s : shown;
        }
        assertEquals("douyin", shown.get("platform").asText());
        assertEquals("抖音", shown.get("platformName").asText());
        assertEquals(List.of("handle", "pioneer"), fieldNames(shown.get("streamer")));

        JsonNode villages = coordinator.get("/villages?q=掩码测试村").json();
        assertEquals("陈**", villages.at("/items/0/contactName").asText());
        assertEquals("139****0101", villages.at("/items/0/contactPhone").asText());
        assertEquals("13957600101", coordinator.get("/villages/" + village).json().get("contactPhone").asText());
        assertEquals("village " + village, lastAudit().get("subject").asText(), "reading a village contact in full is audited");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theRosterLeavesWithPersonalDataOnlyThroughTheExportRoleAndIsAudited() {
        streamer("导出测试主播", "kuaishou", 3000, List.of("crafts"), List.of(), false);
        Reply csv = exporter.get("/exports/streamers.csv");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertEquals("attachment; filename=\"farm-aid-streamers.csv\"", Http.header(csv, "Content-Disposition"));
        assertTrue(csv.body().startsWith("\uFEFFid,handle,real_name,phone,"), csv.body());
        assertTrue(csv.body().contains("导出测试主播,测导出测试主播,13800000000"), csv.body());
        JsonNode audited = lastAudit();
        assertEquals("export", audited.get("action").asText());
        assertEquals("wang.exporter", audited.get("actor").asText());
        assertEquals("streamers with personal data", audited.get("subject").asText());
    }

    // --- bad input

    @Test
    void badInputIsA400NamingTheField() {
        long villageA = village("校验甲村");
        long villageB = village("校验乙村");
        long own = product(villageA, "甲村番茄", "produce", "36.00");
        long other = product(villageB, "乙村布鞋", "clothing", "79.00");
        long streamer = streamer("校验主播", "douyin", 12000, List.of("produce"), List.of(), false);

        assertField(coordinator.post("/streamers", json("handle", "x1", "realName", "某", "accounts",
                List.of(map("platform", "bilibili", "accountId", "b1", "followers", 10)))), "accounts[0].platform");
        assertField(coordinator.post("/streamers", json("handle", "x2", "realName", "某", "accounts",
                List.of(map("platform", "douyin", "accountId", "d1", "followers", -1)))), "accounts[0].followers");
        assertField(coordinator.post("/streamers", json("handle", "x3", "realName", "某", "categories", List.of("furniture"))), "categories[0]");
        assertField(coordinator.post("/streamers", json("handle", "x4", "realName", "某", "availability", List.of("Sat 22:00-19:00"))),
                "availability[0]");
        assertField(coordinator.post("/streamers", json("handle", "x5", "realName", "某", "phone", "12345")), "phone");
        assertField(coordinator.post("/streamers", json("realName", "某")), "handle");

        String product = "{\"villageId\":" + villageA + ",\"name\":\"坏价格\",\"category\":\"produce\",\"unit\":\"箱\",\"stock\":1,\"price\":";
        assertField(coordinator.post("/products", product + "-0.01}"), "price");
        assertField(coordinator.post("/products", product + "12.345}"), "price");
        assertField(coordinator.post("/products", product + "\"12.00\"}"), "price");
        assertField(coordinator.post("/products", json("villageId", villageA, "name", "负库存", "category", "produce", "unit", "箱",
                "price", 1, "stock", -5)), "stock");
        assertField(coordinator.post("/products", json("villageId", villageA, "name", "怪类别", "category", "furniture", "unit", "箱",
                "price", 1, "stock", 5)), "category");
        assertField(coordinator.post("/products", json("villageId", villageA, "name", "半季", "category", "produce", "unit", "箱",
                "price", 1, "stock", 5, "seasonStart", 5)), "seasonEnd");
        assertField(coordinator.post("/villages", json("name", "怪村", "kind", "town", "node", "台州市")), "kind");

        LocalDateTime past = now().minusDays(3).withHour(19).withMinute(0);
        assertField(coordinator.post("/sessions", json("streamerId", streamer, "platform", "myspace", "scheduledAt", at(past),
                "productIds", List.of(own))), "platform");
        assertField(coordinator.post("/sessions", json("streamerId", streamer, "platform", "kuaishou", "scheduledAt", at(past),
                "productIds", List.of(own))), "platform");
        assertField(coordinator.post("/sessions", json("streamerId", streamer, "platform", "douyin", "villageId", villageA,
                "scheduledAt", at(past), "productIds", List.of(own, other))), "productIds[1]");
        assertField(coordinator.post("/sessions", json("streamerId", streamer, "platform", "douyin", "scheduledAt", "next Saturday",
                "productIds", List.of(own))), "scheduledAt");
        assertField(coordinator.post("/sessions", json("streamerId", streamer, "platform", "douyin", "scheduledAt", at(past),
                "productIds", List.of())), "productIds");

        long done = session(streamer, "douyin", villageA, past, List.of(own));
        assertField(record(done, List.of(result(own, -1, "0.00", 0, 0))), "results[0].unitsSold");
        assertField(record(done, List.of(result(own, 10, "-3.60", 10, 0))), "results[0].salesValue");
        assertField(record(done, List.of(result(own, 10, "360.001", 10, 0))), "results[0].salesValue");
        assertField(record(done, List.of(result(own, 10, "360.00", -1, 0))), "results[0].orders");
        assertField(record(done, List.of(result(own, 10, "360.00", 11, 0))), "results[0].orders");
        assertField(record(done, List.of(result(own, 10, "360.00", 10, 11))), "results[0].returns");
        assertField(record(done, List.of(result(other, 10, "790.00", 10, 0))), "results[0].productId");
        assertField(record(done, List.of(result(own, 10, "360.00", 10, 0), result(own, 1, "36.00", 1, 0))), "results[1].productId");
        assertField(coordinator.put("/sessions/" + done + "/results", json("results", List.of(result(own, 10, "360.00", 10, 0)),
                "totalSalesValue", new BigDecimal("360.01"))), "totalSalesValue");
        assertEquals(0, coordinator.get("/sessions/" + done + "/results").json().get("results").size(), "nothing was written");
        assertEquals("planned", coordinator.get("/sessions/" + done).json().get("status").asText());

        long future = session(streamer, "douyin", villageA, now().plusDays(5).withHour(20).withMinute(0), List.of(own));
        Reply tooEarly = record(future, List.of(result(own, 1, "36.00", 1, 0)));
        assertField(tooEarly, "session");
        assertTrue(tooEarly.body().contains("has not happened yet"), tooEarly.toString());
        long cancelled = session(streamer, "douyin", villageA, now().minusDays(6).withHour(20).withMinute(0), List.of(own));
        assertEquals(200, coordinator.post("/sessions/" + cancelled + "/cancel", json("reason", "台风预警，改期")).status());
        assertField(record(cancelled, List.of(result(own, 1, "36.00", 1, 0))), "session");

        assertField(coordinator.put("/villages/" + villageA + "/impact/" + YearMonth.now(SHANGHAI).plusMonths(1),
                json("villagersEmployed", 3, "incomeChangePerPerson", 1000)), "month");
        assertField(coordinator.put("/villages/" + villageA + "/impact/" + YearMonth.now(SHANGHAI),
                json("villagersEmployed", -3, "incomeChangePerPerson", 1000)), "villagersEmployed");
        assertField(coordinator.get("/reports/villages?from=2026-13"), "from");
        assertField(coordinator.get("/reports/villages?from=2026-05&to=2026-01"), "to");
        assertField(coordinator.get("/products/" + own + "/suggested-streamers?at=tonight"), "at");
        assertField(coordinator.get("/streamers?platform=myspace"), "platform");
        assertField(anonymous.get("/public/sessions?days=0"), "days");
    }

    // --- sessions and results

    @Test
    void sessionsMoveFromPlannedToLiveToDoneAndOnlyForwards() {
        long village = village("状态测试村");
        long grapes = product(village, "状态葡萄", "produce", "69.00");
        long jam = product(village, "状态果酱", "processed_food", "25.50");
        long streamer = streamer("状态主播", "kuaishou", 40000, List.of("produce"), List.of("Daily 00:00-24:00"), false);

        LocalDateTime later = now().plusDays(9).withHour(20).withMinute(0);
        long planned = session(streamer, "kuaishou", village, later, List.of(grapes));
        Reply early = coordinator.post("/sessions/" + planned + "/start", null);
        assertEquals(409, early.status(), "a session goes live only around its time: " + early);
        Reply overlapping = coordinator.post("/sessions", json("streamerId", streamer, "platform", "kuaishou", "scheduledAt",
                at(later.plusMinutes(60)), "productIds", List.of(jam)));
        assertEquals(409, overlapping.status(), "one streamer, one session at a time: " + overlapping);
        Reply moved = coordinator.put("/sessions/" + planned, json("streamerId", streamer, "platform", "kuaishou", "scheduledAt",
                at(later.plusDays(1)), "minutes", 90, "productIds", List.of(grapes, jam)));
        assertEquals(200, moved.status(), moved.toString());
        assertEquals(2, moved.json().get("products").size());
        assertEquals(at(later.plusDays(1).plusMinutes(90)), moved.json().get("endsAt").asText().substring(0, 16));
        Reply cancelled = coordinator.post("/sessions/" + planned + "/cancel", json("reason", "货品未到仓"));
        assertEquals("cancelled", cancelled.json().get("status").asText());
        assertEquals(409, coordinator.post("/sessions/" + planned + "/cancel", json("reason", "again")).status());
        assertEquals(409, coordinator.put("/sessions/" + planned, json("streamerId", streamer, "platform", "kuaishou", "scheduledAt",
                at(later), "productIds", List.of(grapes))).status(), "a cancelled session stays cancelled");

        long happened = session(streamer, "kuaishou", village, now().minusHours(3), List.of(grapes, jam));
        Reply live = coordinator.post("/sessions/" + happened + "/start", null);
        assertEquals("live", live.json().get("status").asText(), live.toString());
        Reply recorded = coordinator.put("/sessions/" + happened + "/results", json("results",
                List.of(result(grapes, 120, "7452.00", 100, 3), result(jam, 40, "960.00", 35, 0)), "totalSalesValue", new BigDecimal("8412.00")));
        assertEquals(200, recorded.status(), recorded.toString());
        JsonNode results = exact(recorded);
        assertEquals("done", results.get("status").asText());
        assertYuan("8412.00", results.at("/total/salesValue"));
        assertEquals(160, results.at("/total/unitsSold").asLong());
        assertEquals("li.coordinator", results.get("recordedBy").asText());
        JsonNode view = exact(coordinator.get("/sessions/" + happened));
        assertYuan("8412.00", view.at("/totals/salesValue"));
        assertEquals(135, view.at("/totals/orders").asLong());
        assertEquals(3, view.at("/totals/returns").asLong());

        // A correction replaces the results whole; the totals follow, as they are always summed from them.
        Reply corrected = record(happened, List.of(result(grapes, 118, "7332.40", 99, 4)));
        assertEquals(200, corrected.status(), corrected.toString());
        assertYuan("7332.40", exact(coordinator.get("/sessions/" + happened)).at("/totals/salesValue"));
        assertEquals(1, coordinator.get("/sessions/" + happened + "/results").json().get("results").size());
        assertEquals(409, coordinator.post("/sessions/" + happened + "/cancel", json("reason", "too late")).status());
        assertEquals(409, coordinator.put("/sessions/" + happened, json("streamerId", streamer, "platform", "kuaishou", "scheduledAt",
                at(now().minusHours(3)), "productIds", List.of(grapes))).status(), "a session that is done is not changed");
        assertEquals(409, coordinator.post("/sessions/" + happened + "/start", null).status());

        JsonNode list = coordinator.get("/sessions?streamer=" + streamer + "&status=done").json();
        assertEquals(1, list.get("total").asInt());
        assertEquals(1, coordinator.get("/sessions?streamer=" + streamer + "&status=cancelled").json().get("total").asInt());
        assertEquals(2, coordinator.get("/sessions?village=" + village).json().get("total").asInt());
    }

    // --- reports against a hand-computed fixture

    @Test
    void reportTotalsMatchTheHandComputedFixtureInJsonAndCsvAndTheChart() throws Exception {
        YearMonth m1 = YearMonth.now(SHANGHAI).minusMonths(30);
        YearMonth m2 = m1.plusMonths(1);
        long a = village("报表甲村");
        long b = village("报表乙合作社");
        long a1 = product(a, "甲村蜜橘", "produce", "10.00");
        long a2 = product(a, "甲村橘子罐头", "processed_food", "25.50");
        long b1 = product(b, "乙社针织衫", "clothing", "99.90");
        long s1 = streamer("报表主播一", "douyin", 20000, List.of(), List.of(), false);
        long s2 = streamer("报表主播二", "kuaishou", 5000, List.of(), List.of(), false);

        long x1 = session(s1, "douyin", a, m1.atDay(5).atTime(20, 0), List.of(a1, a2));
        long x2 = session(s2, "kuaishou", b, m1.atDay(12).atTime(20, 0), List.of(b1));
        long x3 = session(s1, "douyin", null, m2.atDay(3).atTime(19, 0), List.of(a1, b1));
        long x4 = session(s2, "kuaishou", b, m2.atDay(20).atTime(20, 0), List.of(b1));
        assertEquals(200, record(x1, List.of(result(a1, 100, "950.00", 80, 2), result(a2, 20, "510.00", 20, 0))).status());
        assertEquals(200, record(x2, List.of(result(b1, 10, "899.10", 9, 1))).status());
        assertEquals(200, record(x3, List.of(result(a1, 50, "480.50", 40, 1), result(b1, 5, "499.50", 5, 0))).status());
        assertEquals(200, coordinator.post("/sessions/" + x4 + "/cancel", json("reason", "平台维护")).status());
        for (Object[] impact : new Object[][] { { a, m1, 10, "30000.00" }, { a, m2, 5, "24000.00" }, { b, m2, 3, "36000.00" } }) {
            Reply put = coordinator.put("/villages/" + impact[0] + "/impact/" + impact[1],
                    json("villagersEmployed", impact[2], "incomeChangePerPerson", new BigDecimal((String) impact[3])));
            assertEquals(200, put.status(), put.toString());
        }
        String period = "?from=" + m1 + "&to=" + m2;

        JsonNode byVillage = exact(coordinator.get("/reports/villages" + period));
        assertEquals("village", byVillage.get("by").asText());
        assertEquals(2, byVillage.get("lines").size());
        JsonNode lineA = byVillage.at("/lines/0");
        assertEquals(a, lineA.get("id").asLong(), "the village that sold most comes first");
        assertEquals("报表甲村", lineA.get("name").asText());
        assertEquals(2, lineA.get("sessions").asInt());
        assertEquals(170, lineA.get("unitsSold").asInt());
        assertEquals(140, lineA.get("orders").asInt());
        assertEquals(3, lineA.get("returns").asInt());
        assertYuan("1940.50", lineA.get("salesValue"));
        assertEquals(15, lineA.get("villagersEmployed").asInt());
        assertYuan("28000.00", lineA.get("incomeChangePerPerson"));
        assertYuan("420000.00", lineA.get("totalIncomeChange"));
        JsonNode lineB = byVillage.at("/lines/1");
        assertEquals(2, lineB.get("sessions").asInt());
        assertEquals(15, lineB.get("unitsSold").asInt());
        assertYuan("1398.60", lineB.get("salesValue"));
        assertYuan("36000.00", lineB.get("incomeChangePerPerson"));
        JsonNode total = byVillage.get("total");
        assertEquals(3, total.get("sessions").asInt(), "the cancelled session sold nothing");
        assertEquals(185, total.get("unitsSold").asInt());
        assertEquals(154, total.get("orders").asInt());
        assertEquals(4, total.get("returns").asInt());
        assertYuan("3339.10", total.get("salesValue"));
        assertEquals(18, total.get("villagersEmployed").asInt());
        assertYuan("29333.33", total.get("incomeChangePerPerson"));

        JsonNode byStreamer = exact(coordinator.get("/reports/streamers" + period));
        assertEquals("报表主播一", byStreamer.at("/lines/0/name").asText());
        assertEquals(2, byStreamer.at("/lines/0/sessions").asInt());
        assertEquals(175, byStreamer.at("/lines/0/unitsSold").asInt());
        assertYuan("2440.00", byStreamer.at("/lines/0/salesValue"));
        assertYuan("899.10", byStreamer.at("/lines/1/salesValue"));
        assertYuan("3339.10", byStreamer.at("/total/salesValue"));
        assertFalse(byStreamer.get("total").has("villagersEmployed"));

        JsonNode byMonth = exact(coordinator.get("/reports/months" + period));
        assertEquals(m1.toString(), byMonth.at("/lines/0/month").asText());
        assertEquals(130, byMonth.at("/lines/0/unitsSold").asInt());
        assertYuan("2359.10", byMonth.at("/lines/0/salesValue"));
        assertYuan("30000.00", byMonth.at("/lines/0/incomeChangePerPerson"));
        assertEquals(1, byMonth.at("/lines/1/sessions").asInt());
        assertYuan("980.00", byMonth.at("/lines/1/salesValue"));
        assertYuan("28500.00", byMonth.at("/lines/1/incomeChangePerPerson"));

        JsonNode villageA = exact(coordinator.get("/reports/months" + period + "&village=" + a));
        assertYuan("1460.00", villageA.at("/lines/0/salesValue"));
        assertYuan("480.50", villageA.at("/lines/1/salesValue"));
        assertYuan("1940.50", villageA.at("/total/salesValue"));
        assertField(coordinator.get("/reports/months" + period + "&village=999999"), "village");

        Reply csv = coordinator.get("/reports/villages.csv" + period);
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertEquals("attachment; filename=\"farm-aid-sales-by-village-" + m1 + "-" + m2 + ".csv\"",
                Http.header(csv, "Content-Disposition"));
        assertEquals(List.of(
                "village_id,village,sessions,units_sold,orders,returns,sales_value_yuan,villagers_employed,income_change_per_person_yuan,income_change_total_yuan",
                a + ",报表甲村,2,170,140,3,1940.50,15,28000.00,420000.00",
                b + ",报表乙合作社,2,15,14,1,1398.60,3,36000.00,108000.00",
                "total,,3,185,154,4,3339.10,18,29333.33,528000.00"), List.of(csv.body().substring(1).split("\r\n")));
        JsonNode audited = lastAudit();
        assertEquals("export", audited.get("action").asText(), "every export is audited");
        assertEquals("sales report by village", audited.get("subject").asText());
        assertEquals(m1.toString(), audited.at("/details/from").asText());

        String months = coordinator.get("/reports/months.csv" + period + "&lang=zh").body();
        assertTrue(months.contains("\r\n合计,3,185,154,4,3339.10,18,29333.33,528000.00"), months);
        String streamers = coordinator.get("/reports/streamers.csv" + period).body();
        assertTrue(streamers.contains(s1 + ",报表主播一,2,175,145,3,2440.00\r\n"), streamers);

        JsonNode chart = exact(coordinator.get("/villages/" + a + "/sales-chart" + period));
        assertEquals(2, chart.get("series").size());
        assertEquals(m1.toString(), chart.at("/series/0/month").asText());
        assertYuan("1460.00", chart.at("/series/0/salesValue"));
        assertEquals(120, chart.at("/series/0/unitsSold").asInt());
        assertYuan("480.50", chart.at("/series/1/salesValue"));
        Reply svg = coordinator.get("/villages/" + a + "/sales-chart.svg" + period);
        assertEquals(200, svg.status(), svg.toString());
        assertTrue(svg.contentType().startsWith("image/svg+xml"), svg.contentType());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
        NodeList rects = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            String value = ((org.w3c.dom.Element) rects.item(i)).getAttribute("data-sales-value");
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        assertEquals(List.of("1460.00", "480.50"), values);
        assertTrue(svg.body().contains("报表甲村"), "titled with the village");
    }

    // --- matching

    @Test
    void suggestionsAreRankedWithReasonsAndExplainWhoIsLeftOut() {
        long village = village("推荐测试村");
        long oranges = product(village, "推荐蜜橘", "produce", "45.00");
        LocalDate saturday = LocalDate.now(SHANGHAI).plusDays(2);
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
            saturday = saturday.plusDays(1);
        }
        LocalDateTime wanted = saturday.atTime(20, 0);

        long veteran = streamer("推荐老手", "douyin", 128_000, List.of("produce"), List.of("Sat 19:00-22:00"), true);
        long newcomer = streamer("推荐新人", "kuaishou", 850, List.of("produce"), List.of(), false);
        long mornings = streamer("推荐早班", "douyin", 20_000, List.of(), List.of("Mon-Fri 09:00-11:00"), false);
        long busy = streamer("推荐忙碌", "douyin", 20_000, List.of(), List.of("Sat 18:00-23:00"), false);
        long noAccount = streamer("推荐无号", null, 0, List.of(), List.of(), false);

        // the veteran's record: 1,240 units of produce in two sessions, and a completed course with a certificate
        long first = session(veteran, "douyin", village, now().minusDays(40).withHour(20).withMinute(0), List.of(oranges));
        long second = session(veteran, "douyin", village, now().minusDays(33).withHour(20).withMinute(0), List.of(oranges));
        assertEquals(200, record(first, List.of(result(oranges, 1000, "42750.00", 900, 10))).status());
        assertEquals(200, record(second, List.of(result(oranges, 240, "10800.00", 200, 2))).status());
        long course = coordinator.create("/courses", json("title", "推荐测试直播带货培训", "organiser", "椒江区人社局", "hours", 24));
        long klass = coordinator.create("/courses/" + course + "/sessions", json("startsAt", at(now().minusHours(1)),
                "endsAt", at(now().plusDays(1)), "place", "椒江区新就业群体服务中心", "capacity", 2));
        long enrolment = coordinator.create("/course-sessions/" + klass + "/enrolments", json("streamerId", veteran));
        Reply completed = coordinator.post("/enrolments/" + enrolment + "/complete", json("certificateNo", "JJZB-TEST-001"));
        assertEquals("completed", completed.json().get("status").asText(), completed.toString());
        // the busy one streams elsewhere at the time
        long other = session(busy, "douyin", village, wanted.minusMinutes(30), List.of(oranges));

        Reply reply = coordinator.get("/products/" + oranges + "/suggested-streamers?limit=50&at=" + at(wanted));
        assertEquals(200, reply.status(), reply.toString());
        JsonNode answer = reply.json();
        JsonNode best = answer.at("/suggestions/0");
        assertEquals(veteran, best.get("streamerId").asLong(), answer.toString());
        assertEquals(86, best.get("score").asInt());
        assertEquals(List.of("sold 1,240 units of produce in 2 sessions", "lists produce among what they sell well",
                "available Saturday evenings (Sat 19:00-22:00)", "128k followers on Douyin", "completed live-commerce training",
                "holds a live-commerce certificate", "pioneer streamer"), texts(best.get("reasons")));

        JsonNode fresh = find(answer.get("suggestions"), newcomer);
        assertNotNull(fresh, "a streamer without availability is still suggested");
        assertTrue(texts(fresh.get("reasons")).contains("has given no weekly availability: confirm Saturday 20:00 with them"), fresh.toString());
        assertEquals("not available Saturday 20:00-22:00 (available Mon-Fri 09:00-11:00)", find(answer.get("excluded"), mornings).get("reason").asText());
        assertTrue(find(answer.get("excluded"), busy).get("reason").asText().startsWith("already in session " + other + " on Douyin"),
                answer.toString());
        assertEquals("has no live-streaming account on record", find(answer.get("excluded"), noAccount).get("reason").asText());
        assertEquals(reply.body(), coordinator.get("/products/" + oranges + "/suggested-streamers?limit=50&at=" + at(wanted)).body(),
                "the same answer every time");

        JsonNode anyTime = coordinator.get("/products/" + oranges + "/suggested-streamers?limit=50").json();
        assertNotNull(find(anyTime.get("suggestions"), mornings), "without a time nobody is left out for availability");
        assertTrue(anyTime.get("notes").toString().contains("availability and other sessions were not checked"));

        // a full class says so
        long late = streamer("推荐迟到", "douyin", 100, List.of(), List.of(), false);
        long third = streamer("推荐第三", "douyin", 100, List.of(), List.of(), false);
        coordinator.create("/course-sessions/" + klass + "/enrolments", json("streamerId", late));
        assertEquals(409, coordinator.post("/course-sessions/" + klass + "/enrolments", json("streamerId", third)).status());
        assertEquals(409, coordinator.post("/course-sessions/" + klass + "/enrolments", json("streamerId", late)).status(), "once each");
        JsonNode trained = coordinator.get("/streamers?trained=true&q=推荐").json();
        assertEquals(1, trained.get("total").asInt());
        assertEquals(1, trained.at("/items/0/coursesCompleted").asInt());
        assertTrue(trained.at("/items/0/certified").asBoolean());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static JsonNode find(JsonNode array, long streamerId) {
        for (JsonNode item : array) {
            if (item.get("streamerId").asLong() == streamerId) {
                return item;
            }
        }
        return null;
    }

    // --- keeping records that others refer to

    @Test
    void whatIsReferencedIsDeactivatedRatherThanDeleted() {
        long unused = village("删除测试空村");
        assertEquals(204, coordinator.delete("/villages/" + unused).status());
        assertEquals(404, coordinator.get("/villages/" + unused).status());

        long village = village("停用测试村");
        long other = village("停用测试邻村");
        long neverSold = product(village, "停用未售", "crafts", "35.00");
        long sold = product(village, "停用已售", "crafts", "58.00");
        long idle = streamer("停用闲置主播", "douyin", 100, List.of(), List.of(), false);
        long working = streamer("停用在岗主播", "douyin", 100, List.of(), List.of(), false);
        long session = session(working, "douyin", village, now().minusDays(8).withHour(20).withMinute(0), List.of(sold));
        assertEquals(200, record(session, List.of(result(sold, 3, "174.00", 3, 0))).status());

        assertEquals(204, coordinator.delete("/products/" + neverSold).status());
        Reply kept = coordinator.delete("/products/" + sold);
        assertEquals(200, kept.status());
        assertFalse(kept.json().get("active").asBoolean());
        assertField(coordinator.put("/products/" + sold, json("villageId", other, "name", "停用已售", "category", "crafts", "unit", "个",
                "price", 58, "stock", 1)), "villageId");
        assertField(coordinator.post("/sessions", json("streamerId", working, "platform", "douyin", "scheduledAt",
                at(now().plusDays(20)), "productIds", List.of(sold))), "productIds[0]");
        assertEquals(1, coordinator.get("/products?village=" + village + "&active=false").json().get("total").asInt());

        assertEquals(204, coordinator.delete("/streamers/" + idle).status());
        Reply deactivated = coordinator.delete("/streamers/" + working);
        assertEquals(200, deactivated.status());
        assertFalse(deactivated.json().get("active").asBoolean());
        assertEquals(1, coordinator.get("/sessions?streamer=" + working).json().get("total").asInt(), "its sessions stay");
        assertEquals(200, coordinator.delete("/villages/" + village).status());
        assertFalse(coordinator.get("/villages/" + village).json().get("active").asBoolean());

        coordinator.create("/products", json("villageId", other, "name", "冬季蜜橘", "category", "produce", "unit", "箱", "price", 45,
                "stock", 10, "seasonStart", 11, "seasonEnd", 2));
        product(other, "全年布鞋", "clothing", "79.00");
        assertEquals(2, coordinator.get("/products?village=" + other + "&inSeason=1").json().get("total").asInt(), "a season may wrap the year");
        assertEquals(1, coordinator.get("/products?village=" + other + "&inSeason=6").json().get("total").asInt());
        assertField(coordinator.get("/products?inSeason=13"), "inSeason");

        Reply updated = coordinator.put("/villages/" + other, json("name", "停用测试邻村", "kind", "cooperative", "node", "台州市/椒江区/前所街道"));
        assertEquals("cooperative", updated.json().get("kind").asText());
        assertEquals(1, coordinator.get("/villages?node=台州市/椒江区/前所街道&q=停用").json().get("total").asInt());
        assertEquals(409, coordinator.post("/villages", json("name", "停用测试邻村", "kind", "village", "node", "台州市")).status());
        assertEquals(404, coordinator.get("/sessions/987654321").status());
    }

    // --- coordinators limited to places

    @Test
    void aCoordinatorLimitedToADistrictWorksOnItsVillagesAndReadsButDoesNotChangeWhatIsCityWide() {
        YearMonth month = YearMonth.now(SHANGHAI).minusMonths(40);
        long ours = coordinator.create("/villages", json("name", "甲区甲村", "kind", "village", "node", "测试市/甲区/甲街道/甲村"));
        long theirs = coordinator.create("/villages", json("name", "乙区乙村", "kind", "village", "node", "测试市/乙区/乙村"));
        long ourProduct = product(ours, "甲村枇杷", "produce", "30.00");
        long theirProduct = product(theirs, "乙村茶叶", "produce", "88.00");
        long streamer = streamer("地区测试主播", "douyin", 1000, List.of(), List.of(), false);
        long ourSession = session(streamer, "douyin", ours, month.atDay(5).atTime(20, 0), List.of(ourProduct));
        long theirSession = session(streamer, "douyin", theirs, month.atDay(12).atTime(20, 0), List.of(theirProduct));
        long mixed = session(streamer, "douyin", null, month.atDay(19).atTime(20, 0), List.of(ourProduct, theirProduct));
        assertEquals(200, record(ourSession, List.of(result(ourProduct, 10, "300.00", 10, 0))).status());
        assertEquals(200, record(theirSession, List.of(result(theirProduct, 5, "440.00", 5, 0))).status());
        assertEquals(200, record(mixed, List.of(result(ourProduct, 1, "30.00", 1, 0), result(theirProduct, 1, "88.00", 1, 0))).status());
        String impact = json("villagersEmployed", 4, "incomeChangePerPerson", new BigDecimal("20000.00"));
        assertEquals(200, coordinator.put("/villages/" + ours + "/impact/" + month, impact).status());
        assertEquals(200, coordinator.put("/villages/" + theirs + "/impact/" + month, impact).status());
        Http limited = Http.account(platform, "jia.coordinator", Roles.COORDINATOR + "@测试市/甲区");

        assertEquals(List.of(ours), ids(limited.get("/villages?size=200")), "the district's villages only");
        assertEquals(List.of(ourProduct), ids(limited.get("/products?size=200")), "their products only");
        assertEquals(List.of(ourSession), ids(limited.get("/sessions?size=200")), "sessions whose villages all lie in the district");
        JsonNode report = exact(limited.get("/reports/villages?from=" + month + "&to=" + month));
        assertEquals(1, report.get("lines").size(), report.toString());
        assertEquals(ours, report.at("/lines/0/id").asLong());
        assertYuan("330.00", report.at("/total/salesValue"));
        assertEquals(4, report.at("/total/villagersEmployed").asLong(), report.toString());
        JsonNode rows = limited.get("/reports/impact?from=" + month + "&to=" + month).json();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(ours, rows.at("/0/village/id").asLong());

        assertOutside(limited.get("/villages/" + theirs), "id");
        assertOutside(limited.get("/villages/" + theirs + "/impact"), "id");
        assertOutside(limited.get("/villages/" + theirs + "/sales-chart"), "id");
        assertOutside(limited.get("/products/" + theirProduct), "id");
        assertOutside(limited.get("/products/" + theirProduct + "/suggested-streamers"), "id");
        assertOutside(limited.get("/sessions/" + theirSession), "id");
        assertOutside(limited.get("/sessions/" + mixed + "/results"), "id");
        assertOutside(limited.get("/products?village=" + theirs), "village");
        assertOutside(limited.get("/sessions?product=" + theirProduct), "product");
        assertOutside(limited.get("/reports/villages?village=" + theirs), "village");
        assertOutside(limited.get("/reports/impact?village=" + theirs), "village");

        assertOutside(limited.post("/villages", json("name", "越界村", "kind", "village", "node", "测试市/乙区/越界村")), "node");
        assertOutside(limited.put("/villages/" + ours, json("name", "甲区甲村", "kind", "village", "node", "测试市/乙区/甲村")), "node");
        assertOutside(limited.put("/villages/" + theirs, json("name", "改名村", "kind", "village", "node", "测试市/甲区/乙村")), "id");
        assertOutside(limited.delete("/villages/" + theirs), "id");
        String tea = json("villageId", theirs, "name", "乙村新茶", "category", "produce", "unit", "盒", "price", new BigDecimal("66.00"), "stock", 5);
        assertOutside(limited.post("/products", tea), "villageId");
        assertOutside(limited.put("/products/" + theirProduct, tea), "id");
        assertOutside(limited.put("/products/" + ourProduct, tea.replace("乙村新茶", "甲村枇杷")), "villageId");
        assertOutside(limited.delete("/products/" + theirProduct), "id");
        assertOutside(limited.post("/sessions", json("streamerId", streamer, "platform", "douyin", "scheduledAt", at(now().plusDays(30)),
                "productIds", List.of(ourProduct, theirProduct))), "productIds[1]");
        assertOutside(limited.put("/sessions/" + theirSession + "/results", json("results", List.of(result(theirProduct, 1, "88.00", 1, 0)))), "id");
        assertOutside(limited.post("/sessions/" + mixed + "/cancel", json("reason", "越界")), "id");
        assertOutside(limited.put("/villages/" + theirs + "/impact/" + month, impact.replace("4", "9")), "id");
        assertOutside(limited.delete("/villages/" + theirs + "/impact/" + month), "id");

        JsonNode their = platform.getAsAdmin(Http.API + "/villages/" + theirs).json();
        assertEquals("乙区乙村", their.get("name").asText(), "nothing refused was written");
        assertTrue(their.get("active").asBoolean());
        assertEquals(ours, platform.getAsAdmin(Http.API + "/products/" + ourProduct).json().at("/village/id").asLong(), "the product stayed");
        assertEquals("乙村茶叶", platform.getAsAdmin(Http.API + "/products/" + theirProduct).json().get("name").asText());
        assertYuan("440.00", exact(platform.getAsAdmin(Http.API + "/sessions/" + theirSession + "/results")).at("/total/salesValue"));
        assertEquals(4, platform.getAsAdmin(Http.API + "/villages/" + theirs + "/impact?from=" + month + "&to=" + month).json()
                .at("/0/villagersEmployed").asInt());
        assertEquals(1, coordinator.get("/products?village=" + theirs).json().get("total").asInt());

        assertEquals(201, limited.post("/products", json("villageId", ours, "name", "甲村新笋", "category", "produce", "unit", "斤",
                "price", new BigDecimal("12.00"), "stock", 50)).status());
        assertEquals(201, limited.post("/sessions", json("streamerId", streamer, "platform", "douyin", "villageId", ours,
                "scheduledAt", at(now().plusDays(30)), "productIds", List.of(ourProduct))).status());
        assertEquals(200, limited.put("/villages/" + ours + "/impact/" + month, impact.replace("4", "5")).status());

        // Streamers and training are the whole city's: read, not changed.
        assertEquals(200, limited.get("/streamers/" + streamer).status());
        assertEquals(200, limited.get("/courses").status());
        Reply refused = limited.post("/streamers", json("handle", "越界主播", "realName", "越界", "accounts", List.of(), "categories", List.of()));
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains("belongs to the whole city"), refused.toString());
        assertEquals(403, limited.delete("/streamers/" + streamer).status());
        assertEquals(403, limited.post("/courses", json("title", "越界课程", "organiser", "甲区", "hours", 8)).status());
        assertTrue(platform.getAsAdmin(Http.API + "/streamers/" + streamer).json().get("active").asBoolean(), "the refused removal changed nothing");

        List<Long> all = ids(coordinator.get("/villages?q=区&size=200"));
        assertTrue(all.contains(ours) && all.contains(theirs), all.toString());
        assertEquals(200, coordinator.get("/sessions/" + mixed).status());
    }

    private static List<Long> ids(Reply page) {
        assertEquals(200, page.status(), page.toString());
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private static void assertOutside(Reply reply, String field) {
        assertEquals(403, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertEquals(field, reply.json().at("/errors/0/field").asText(), reply.toString());
        assertTrue(reply.json().get("detail").asText().contains("测试市/甲区"), "names the coordinator's places: " + reply);
    }
}
