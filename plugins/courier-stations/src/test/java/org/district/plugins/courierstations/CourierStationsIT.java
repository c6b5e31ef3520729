package org.district.plugins.courierstations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import javax.imageio.ImageIO;

import org.district.platform.testkit.Account;
import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * The stations as a rider's app, a station manager and the city use them, over HTTP against a real
 * platform. Each test works in a corner of Chengdu of its own, tens of kilometres from the others,
 * so that searches in one never find another's stations.
 */
class CourierStationsIT {

    private static final String API = "/api/courier-stations";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.create().start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** A station as a manager writes it; {@code extra} adds or overrides fields (JSON members). */
    static String station(String name, double lat, double lon, String services, String hours, String extra) {
        return "{\"name\":\"" + name + "\",\"kind\":\"rider\",\"address\":\"测试路 1 号\",\"district\":\"成都市/武侯区\","
                + "\"street\":\"玉林街道\",\"community\":\"玉林社区\",\"lat\":" + lat + ",\"lon\":" + lon + ",\"services\":[" + services
                + "],\"hours\":[" + hours + "],\"capacity\":12" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static long create(String json) {
        Reply created = platform.postAsAdmin(API + "/stations", json);
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").asLong();
    }

    static void assertField(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains(field), field + " not named in " + reply);
    }

    static List<Long> ids(JsonNode stations) {
        List<Long> ids = new ArrayList<>();
        stations.forEach(s -> ids.add((s.has("station") ? s.get("station") : s).get("id").asLong()));
        return ids;
    }

    // --- the directory

    @Test
    void aManagerSeesTheContactPhoneButRidersAndListsSeeItMasked() {
        long id = create(station("玉林骑手驿站", 30.66, 104.07, "\"battery_swap\",\"热水\"", "\"Mon-Fri 08:00-20:00\",\"Sat,Sun 10:00-18:00\"",
                "\"contactPhone\":\"13812345678\",\"closures\":[{\"date\":\"2027-02-06\",\"reason\":\"春节\"}]"));

        JsonNode full = platform.getAsAdmin(API + "/stations/" + id).json();
        assertEquals("13812345678", full.get("contactPhone").asText());
        assertEquals("[\"Mon-Fri 08:00-20:00\",\"Sat,Sun 10:00-18:00\"]", full.get("hours").toString());
        assertEquals("[{\"code\":\"battery_swap\",\"name\":\"电瓶换电\"},{\"code\":\"hot_water\",\"name\":\"热水\"}]", full.get("services").toString());
        assertEquals("open", full.get("status").asText());
        assertTrue(full.get("checkinCode").asText().matches("CS[2-9A-Z]{10}"), full.toString());
        JsonNode read = platform.getAsAdmin("/api/admin/audit?module=courier-stations").json().at("/items/0");
        assertEquals("personal-data.read", read.get("action").asText(), "reading a station in full is audited");
        assertEquals("station " + id, read.get("subject").asText());

        JsonNode listed = null;
        for (JsonNode item : platform.getAsAdmin(API + "/stations?district=成都市/武侯区&size=200").json().get("items")) {
            if (item.get("id").asLong() == id) {
                listed = item;
            }
        }
        assertEquals("138****5678", listed.get("contactPhone").asText());
        assertFalse(listed.has("checkinCode"));

        Reply shown = platform.get(API + "/public/stations/" + id);
        assertEquals("138****5678", shown.json().get("contactPhone").asText());
        assertFalse(shown.body().contains("13812345678") || shown.body().contains(full.get("checkinCode").asText()), shown.body());
        Reply near = platform.get(API + "/public/stations/nearest?lat=30.66&lon=104.07&limit=50");
        assertFalse(near.body().contains("13812345678"), near.body());
    }

    @Test
    void managingNeedsSigningInWhileRidersNeedNothing() {
        assertEquals(401, platform.get(API + "/stations").status());
        assertEquals(401, platform.get(API + "/figures").status());
        assertEquals(401, platform.get(API + "/coverage").status());
        assertEquals(401, platform.send(platform.request(API + "/stations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(station("x", 30.6, 104.0, "", "\"24h\"", "")))).status());
        assertEquals(200, platform.get(API + "/public/stations/nearest?lat=30.66&lon=104.07").status());
        assertEquals(16, platform.get(API + "/public/services").json().size());
        assertEquals(3750.0, platform.getAsAdmin(API + "/settings").json().get("serviceRadiusMetres").asDouble());

        platform.addAccount("zhang.manager", "jinjiang-stations", "courier-stations.manager");
        platform.addAccount("li.auditor", "audits-all-day", "auditor");
        assertEquals(200, platform.send(as("zhang.manager", "jinjiang-stations", API + "/stations")).status());
        assertEquals(403, platform.send(as("li.auditor", "audits-all-day", API + "/stations")).status());
    }

    private static HttpRequest.Builder as(String user, String password, String path) {
        return platform.request(path).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET();
    }

    @Test
    void badStationsAreRefusedNamingTheProblemAndNothingIsWritten() {
        long before = platform.getAsAdmin(API + "/stations?size=1").json().get("total").asLong();
        assertField(platform.postAsAdmin(API + "/stations", station("x", 95, 104.0, "", "\"24h\"", "")), "lat");
        assertField(platform.postAsAdmin(API + "/stations", station("x", 30.6, 181, "", "\"24h\"", "")), "lon");
        assertField(platform.postAsAdmin(API + "/stations", station("北京的站", 39.9, 116.4, "", "\"24h\"", "")), "location");
        assertField(platform.postAsAdmin(API + "/stations", station("x", 30.6, 104.0, "", "\"Mon-Fri 08:00-12:00\",\"Fri 11:00-14:00\"", "")), "hours[1]");
        assertField(platform.postAsAdmin(API + "/stations", station("x", 30.6, 104.0, "", "\"Fri 22:00-02:00\"", "")), "hours[0]");
        assertField(platform.postAsAdmin(API + "/stations", station("x", 30.6, 104.0, "\"toilet\",\"massage\"", "\"24h\"", "")), "services[1]");
        assertField(platform.postAsAdmin(API + "/stations", station("x", 30.6, 104.0, "", "\"24h\"", "").replace("\"rider\"", "\"castle\"")), "kind");
        assertField(platform.postAsAdmin(API + "/stations", station("x", 30.6, 104.0, "", "\"24h\"", "\"status\":\"temporarily_closed\"")), "statusReason");
        assertField(platform.postAsAdmin(API + "/stations", station("x", 30.6, 104.0, "", "\"24h\"", "\"contactPhone\":\"12345\"")), "contactPhone");
        assertField(platform.postAsAdmin(API + "/stations", station("x", 30.6, 104.0, "", "", "")), "hours");
        assertEquals(before, platform.getAsAdmin(API + "/stations?size=1").json().get("total").asLong());

        assertField(platform.get(API + "/public/stations/nearest?lat=100&lon=104"), "lat");
        assertField(platform.get(API + "/public/stations/nearest?lat=39.9&lon=116.4"), "location");
        assertField(platform.get(API + "/public/stations/nearest?lat=30.6&lon=104&service=massage"), "service");
        assertField(platform.get(API + "/public/stations/nearest?lat=30.6&lon=104&coords=bd09"), "coords");
        assertField(platform.get(API + "/public/stations/nearest?lat=30.6&lon=104&at=tonight"), "at");
        assertField(platform.get(API + "/public/stations?bbox=104,30"), "bbox");
    }

    @Test
    void aStationIsUpdatedDeletedAndSurvivesNothingOnceGone() {
        long id = create(station("临时驿站", 30.70, 104.10, "\"toilet\"", "\"24h\"", ""));
        Reply changed = platform.putAsAdmin(API + "/stations/" + id, station("临时驿站（装修）", 30.70, 104.10, "\"toilet\"", "\"24h\"",
                "\"status\":\"temporarily_closed\",\"statusReason\":\"店面装修\""));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("temporarily_closed", platform.get(API + "/public/stations/" + id).json().get("status").asText());
        assertEquals("店面装修", platform.get(API + "/public/stations/" + id).json().get("statusReason").asText());
        assertEquals(204, platform.deleteAsAdmin(API + "/stations/" + id).status());
        assertEquals(404, platform.get(API + "/public/stations/" + id).status());
        assertFalse(ids(platform.get(API + "/public/stations/nearest?lat=30.70&lon=104.10&limit=50").json().get("stations")).contains(id));
    }

    // --- nearest

    @Test
    void theNearestOpenStationWithBatterySwapComesFirstWithDistanceAndTimes() {
        double lat = 30.20;
        double lon = 104.70;
        double metre = 1 / 111_195.0;
        long here = create(station("换电站甲", lat, lon, "\"battery_swap\",\"toilet\"", "\"24h\"", ""));
        long noSwap = create(station("无换电站", lat + 300 * metre, lon, "\"toilet\"", "\"24h\"", ""));
        long closed = create(station("装修中换电站", lat + 800 * metre, lon, "\"battery_swap\"", "\"24h\"",
                "\"status\":\"temporarily_closed\",\"statusReason\":\"装修\""));
        long further = create(station("换电站乙", lat + 2000 * metre, lon, "\"battery_swap\"", "\"24h\"", ""));

        JsonNode open = platform.get(API + "/public/stations/nearest?lat=" + lat + "&lon=" + lon + "&service=battery_swap&open=true&limit=2&within=5000").json();
        assertEquals(List.of(here, further), ids(open.get("stations")));
        JsonNode second = open.get("stations").get(1);
        assertEquals(2000, second.get("distanceMetres").asLong(), 2);
        assertEquals(35, second.get("walkMinutes").asInt(), "2 km x 1.3 along streets at 4.5 km/h, rounded up");
        assertEquals(11, second.get("rideMinutes").asInt(), "2.6 km at 15 km/h");
        assertTrue(second.get("open").asBoolean());

        JsonNode any = platform.get(API + "/public/stations/nearest?lat=" + lat + "&lon=" + lon + "&service=battery_swap&limit=3&within=5000").json();
        assertEquals(List.of(here, closed, further), ids(any.get("stations")), "without open=true the closed one shows, marked");
        assertFalse(any.get("stations").get(1).get("open").asBoolean());

        JsonNode all = platform.get(API + "/public/stations/nearest?lat=" + lat + "&lon=" + lon + "&limit=4&within=5000").json();
        assertEquals(List.of(here, noSwap, closed, further), ids(all.get("stations")));

        Reply geo = platform.send(platform.request(API + "/public/stations/nearest?lat=" + lat + "&lon=" + lon + "&service=battery_swap&open=true&limit=2&within=5000")
                .header("Accept", "application/geo+json").GET());
        assertEquals(200, geo.status(), geo.toString());
        assertTrue(geo.contentType().startsWith("application/geo+json"), geo.contentType());
        JsonNode collection = geo.json();
        assertEquals("FeatureCollection", collection.get("type").asText());
        assertEquals(here, collection.at("/features/0/id").asLong());
        assertEquals("Point", collection.at("/features/0/geometry/type").asText());
        assertEquals(lon, collection.at("/features/0/geometry/coordinates/0").asDouble(), 1e-7);
        assertEquals(lat, collection.at("/features/0/geometry/coordinates/1").asDouble(), 1e-7);
        assertEquals(2000, collection.at("/features/1/properties/distanceMetres").asLong(), 2);

        JsonNode view = platform.get(API + "/public/stations?bbox=" + (lon - 0.01) + "," + (lat - 0.001) + "," + (lon + 0.01) + "," + (lat + 0.01)
                + "&service=battery_swap").json();
        assertEquals(List.of(here, closed), ids(view.get("stations")));
    }

    @Test
    void eachNearestStationShowsAsItsOwnPageDoesAndFollowsEveryChange() throws InterruptedException {
        double lat = 30.30;
        double lon = 103.70;
        long id = create(station("写一次驿站", lat, lon, "\"lockers\",\"toilet\"", "\"24h\"",
                "\"contactPhone\":\"13812345678\",\"closures\":[{\"date\":\"2026-12-11\",\"reason\":\"节日闭站\"}]"));
        String near = API + "/public/stations/nearest?lat=" + lat + "&lon=" + lon + "&service=lockers&within=1000&limit=1&at=";

        // the same station in every answer, as its own page shows it on the day asked about, phone masked
        JsonNode before = platform.get(near + "2026-12-04T12:00").json().at("/stations/0/station");
        assertEquals(platform.get(API + "/public/stations/" + id).json(), before);
        assertEquals("138****5678", before.get("contactPhone").asText());
        assertEquals("节日闭站", before.at("/closures/0/reason").asText());
        assertEquals(before, platform.get(near + "2026-12-04T20:00").json().at("/stations/0/station"), "asked again: the same view");
        assertEquals(0, platform.get(near + "2026-12-12T12:00").json().at("/stations/0/station/closures").size(),
                "asked about a day after the closure, the closure is past");
        JsonNode gcj02 = platform.get(near + "2026-12-04T12:00&coords=gcj02&lat=" + lat + "&lon=" + lon).json().at("/stations/0/station");
        assertEquals("gcj02", gcj02.get("coords").asText());
        assertTrue(Math.abs(gcj02.get("lon").asDouble() - lon) > 1e-3, "a Chinese map app's coordinates: " + gcj02);
        assertEquals("wgs84", platform.get(near + "2026-12-04T12:00").json().at("/stations/0/station/coords").asText());

        // an edit shows in the next answer
        Reply changed = platform.putAsAdmin(API + "/stations/" + id, station("写一次驿站（新址）", lat, lon, "\"lockers\"", "\"24h\"", ""));
        assertEquals(200, changed.status(), changed.toString());
        JsonNode after = platform.get(near + "2026-12-04T12:00").json().at("/stations/0/station");
        assertEquals("写一次驿站（新址）", after.get("name").asText());
        assertEquals(1, after.get("services").size());
        assertFalse(after.has("closures") && after.get("closures").size() > 0, after.toString());

        // so does a new name for a service in the city's catalogue, and the old one comes back with the default
        JsonNode settings = platform.getAsAdmin(API + "/settings").json();
        String pid = settings.get("pid").asText();
        String lockers = after.at("/services/0/name").asText();
        List<String> catalogue = new ArrayList<>();
        settings.get("services").forEach(service -> catalogue.add("\"" + service.get("code").asText() + "|"
                + ("lockers".equals(service.get("code").asText()) ? "智能寄存柜" : service.get("zh").asText()) + "|" + service.get("en").asText() + "\""));
        try {
            Reply renamed = platform.putAsAdmin("/api/admin/modules/courier-stations/config/" + pid, "{\"services\":" + catalogue + "}");
            assertEquals(200, renamed.status(), renamed.toString());
            assertEquals("智能寄存柜", until(near + "2026-12-04T12:00", "/stations/0/station/services/0/name", "智能寄存柜"));
        } finally {
            assertEquals(200, platform.putAsAdmin("/api/admin/modules/courier-stations/config/" + pid, "{\"services\":null}").status());
        }
        assertEquals(lockers, until(near + "2026-12-04T12:00", "/stations/0/station/services/0/name", lockers));
    }

    /** The text at {@code pointer} once it is {@code expected}, within ten seconds. */
    private static String until(String path, String pointer, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String now = platform.get(path).json().at(pointer).asText();
        while (!expected.equals(now)) {
            assertTrue(System.nanoTime() < deadline, pointer + " stayed " + now);
            Thread.sleep(50);
            now = platform.get(path).json().at(pointer).asText();
        }
        return now;
    }

    @Test
    void openAtAGivenTimeFollowsHoursAcrossMidnightAndHolidayClosures() {
        double lat = 30.90;
        double lon = 104.70;
        // 2026-12-04 is a Friday; 2026-12-11 is closed for a holiday
        long night = create(station("夜间驿站", lat, lon, "\"hot_water\"", "\"Fri 18:00-24:00\",\"Sat 00:00-02:00\"",
                "\"closures\":[{\"date\":\"2026-12-11\",\"reason\":\"节日闭站\"}]"));
        long always = create(station("全天驿站", lat + 0.02, lon, "\"hot_water\"", "\"24h\"",
                "\"closures\":[{\"date\":\"2026-10-01\",\"reason\":\"国庆\"}]"));
        String near = API + "/public/stations/nearest?lat=" + lat + "&lon=" + lon + "&service=hot_water&open=true&within=5000&at=";

        assertEquals(List.of(night, always), ids(platform.get(near + "2026-12-04T23:30").json().get("stations")));
        assertEquals("2026-12-05T02:00:00", platform.get(near + "2026-12-04T23:30").json().at("/stations/0/openUntil").asText());
        assertEquals(List.of(night, always), ids(platform.get(near + "2026-12-05T00:00").json().get("stations")));
        assertEquals(List.of(night, always), ids(platform.get(near + "2026-12-05T01:59").json().get("stations")));
        assertEquals(List.of(always), ids(platform.get(near + "2026-12-05T02:00").json().get("stations")));
        assertEquals(List.of(always), ids(platform.get(near + "2026-12-04T17:59").json().get("stations")));
        assertEquals(List.of(always), ids(platform.get(near + "2026-12-11T20:00").json().get("stations")), "closed for the holiday");
        assertEquals(List.of(), ids(platform.get(near + "2026-10-01T12:00").json().get("stations")), "a Thursday: the night station is shut"
                + " and the round-the-clock one is closed for National Day");
        assertEquals(List.of(always), ids(platform.get(near + "2026-10-02T00:30").json().get("stations")));
        // an instant with an offset is read in the city's time: 15:30 UTC is 23:30 in Chengdu
        assertEquals(List.of(night, always), ids(platform.get(near + "2026-12-04T15:30Z").json().get("stations")));
    }

    @Test
    void openNowUsesTheCitysClock() {
        double lat = 30.95;
        double lon = 104.40;
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
        String otherDay = now.plusDays(3).getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
        long always = create(station("全天", lat, lon, "\"wifi\"", "\"24h\"", ""));
        long notToday = create(station("三天后才开", lat + 0.001, lon, "\"wifi\"", "\"" + otherDay + " 00:00-24:00\"", ""));
        String near = API + "/public/stations/nearest?lat=" + lat + "&lon=" + lon + "&service=wifi&within=3000";
        assertEquals(List.of(always), ids(platform.get(near + "&open=true").json().get("stations")));
        assertEquals(List.of(always, notToday), ids(platform.get(near).json().get("stations")));
        assertEquals("Asia/Shanghai", platform.get(near).json().get("timeZone").asText());
    }

    // --- GCJ-02

    @Test
    void gcj02ConversionMatchesThePublishedReferencePairs() {
        double[][] published = { // wgsLat, wgsLon, gcjLat, gcjLon (eviltransform's fixtures)
            { 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215 },
            { 22.543847, 113.912316, 22.540796131694766, 113.9171764808363 },
            { 39.911954, 116.377817, 39.91334545536069, 116.38404722455657 } };
        for (double[] pair : published) {
            JsonNode gcj = platform.get(API + "/public/coordinates?lat=" + pair[0] + "&lon=" + pair[1] + "&from=wgs84&to=gcj02").json();
            assertEquals(pair[2], gcj.get("lat").asDouble(), 1e-9);
            assertEquals(pair[3], gcj.get("lon").asDouble(), 1e-9);
            JsonNode wgs = platform.get(API + "/public/coordinates?lat=" + pair[2] + "&lon=" + pair[3] + "&from=gcj02&to=wgs84").json();
            assertEquals(pair[0], wgs.get("lat").asDouble(), 1e-8);
            assertEquals(pair[1], wgs.get("lon").asDouble(), 1e-8);
        }
    }

    @Test
    void aStationEnteredFromAChineseMapAppRoundTripsThroughGcj02() {
        double wgsLat = 30.40;
        double wgsLon = 103.50;
        JsonNode gcj = platform.get(API + "/public/coordinates?lat=" + wgsLat + "&lon=" + wgsLon + "&to=gcj02").json();
        double gcjLat = gcj.get("lat").asDouble();
        double gcjLon = gcj.get("lon").asDouble();
        assertTrue(Math.abs(gcjLat - wgsLat) + Math.abs(gcjLon - wgsLon) > 0.001, "GCJ-02 is offset in Chengdu");

        Reply created = platform.postAsAdmin(API + "/stations?coords=gcj02", station("地图选点驿站", gcjLat, gcjLon, "", "\"24h\"", ""));
        assertEquals(201, created.status(), created.toString());
        assertEquals("gcj02", created.json().get("coords").asText());
        assertEquals(gcjLat, created.json().get("lat").asDouble(), 1e-7);
        long id = created.json().get("id").asLong();

        JsonNode stored = platform.get(API + "/public/stations/" + id).json();
        assertEquals("wgs84", stored.get("coords").asText());
        assertEquals(wgsLat, stored.get("lat").asDouble(), 1e-7);
        assertEquals(wgsLon, stored.get("lon").asDouble(), 1e-7);
        JsonNode shown = platform.get(API + "/public/stations/" + id + "?coords=gcj02").json();
        assertEquals(gcjLat, shown.get("lat").asDouble(), 1e-7);
        assertEquals(gcjLon, shown.get("lon").asDouble(), 1e-7);

        JsonNode near = platform.get(API + "/public/stations/nearest?coords=gcj02&limit=1&lat=" + gcjLat + "&lon=" + gcjLon).json();
        assertEquals(id, near.at("/stations/0/station/id").asLong());
        assertEquals(0, near.at("/stations/0/distanceMetres").asLong());
        assertEquals(gcjLat, near.at("/stations/0/station/lat").asDouble(), 1e-7);
    }

    // --- check-ins and figures

    private static Reply scan(String code, String kind, String token, String services, OffsetDateTime at) {
        return platform.send(platform.request(API + "/public/checkins").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"workerKind\":\"" + kind + "\",\"token\":\"" + token
                        + "\",\"services\":[" + services + "]" + (at == null ? "" : ",\"scannedAt\":\"" + at + "\"") + "}")));
    }

    @Test
    void repeatedScansWithinTheWindowCountOnceAndFiguresCountVisits() {
        long id = create(station("签到驿站", 30.80, 103.20, "\"battery_swap\",\"toilet\"", "\"24h\"", ""));
        String code = platform.getAsAdmin(API + "/stations/" + id + "/checkin-code").json().get("code").asText();
        // twenty past an hour three hours ago: every counted scan below falls in that hour
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.HOURS).plusMinutes(20);

        Reply first = scan(code, "food_delivery", "app-install-7f3a91", "\"battery_swap\"", t0);
        assertEquals(201, first.status(), first.toString());
        assertTrue(first.json().get("counted").asBoolean());
        Reply again = scan(code, "food_delivery", "app-install-7f3a91", "\"battery_swap\"", t0.plusMinutes(5));
        assertEquals(200, again.status(), again.toString());
        assertFalse(again.json().get("counted").asBoolean());
        assertEquals(200, scan(code, "food_delivery", "app-install-7f3a91", "", t0.minusMinutes(4)).status(), "an offline scan uploaded late");
        assertEquals(201, scan(code.toLowerCase(Locale.ROOT), "外卖骑手", "app-install-7f3a91", "\"battery_swap\"", t0.plusMinutes(11)).status(),
                "after the window it counts again");
        assertEquals(201, scan(code, "courier", "app-install-22c0d4", "\"toilet\"", t0.plusMinutes(1)).status(), "another worker");

        assertField(scan(code, "courier", "app-install-22c0d4", "\"wifi\"", null), "services[0]");
        assertField(scan(code, "courier", "app-install-22c0d4", "\"massage\"", null), "services[0]");
        assertField(scan(code, "astronaut", "app-install-22c0d4", "", null), "workerKind");
        assertField(scan(code, "courier", "short", "", null), "token");
        assertField(scan(code, "courier", "app-install-22c0d4", "", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2)), "scannedAt");
        assertField(scan("CSNOSUCHCODE", "courier", "app-install-22c0d4", "", null), "code");

        LocalDate day = t0.atZoneSameInstant(SHANGHAI).toLocalDate();
        JsonNode figures = platform.getAsAdmin(API + "/figures?stationId=" + id + "&by=hour&from=" + day.minusDays(1) + "&to=" + day.plusDays(1)).json();
        assertEquals(3, figures.get("visits").asLong(), figures.toString());
        assertEquals(2, figures.get("visitors").asLong());
        assertEquals(2, figures.at("/byWorkerKind/food_delivery").asLong());
        assertEquals(1, figures.at("/byWorkerKind/courier").asLong());
        assertEquals(72, figures.get("series").size(), "three days by the hour");
        assertEquals(3, java.util.stream.StreamSupport.stream(figures.get("series").spliterator(), false).mapToLong(c -> c.get("visits").asLong()).sum());
        assertEquals(t0.atZoneSameInstant(SHANGHAI).getHour(), figures.at("/busiestHours/0/hour").asInt(), figures.toString());
        assertEquals(3, figures.at("/busiestHours/0/visits").asLong());
        assertEquals(1, figures.get("busiestHours").size());
        assertEquals("battery_swap", figures.at("/services/0/code").asText());
        assertEquals(2, figures.at("/services/0/uses").asLong());
        assertEquals("toilet", figures.at("/services/1/code").asText());
        assertEquals(1, platform.getAsAdmin(API + "/figures?stationId=" + id + "&by=day&from=" + day + "&to=" + day).json().get("series").size());
        assertEquals(id, platform.getAsAdmin(API + "/figures?by=week&from=" + day + "&to=" + day).json().at("/busiestStations/0/stationId").asLong(0),
                "all stations, by week");
        assertField(platform.getAsAdmin(API + "/figures?by=hour&from=2026-01-01&to=2026-06-01"), "by");
        assertField(platform.getAsAdmin(API + "/figures?by=week&from=2020-01-01&to=2026-01-01"), "from");
        assertField(platform.getAsAdmin(API + "/figures?from=2026-02-01&to=2026-01-01"), "to");
        assertField(platform.getAsAdmin(API + "/figures?by=fortnight"), "by");

        // a station with visits is retired, not deleted; a retired station takes no check-ins
        Reply removed = platform.deleteAsAdmin(API + "/stations/" + id);
        assertEquals(200, removed.status(), removed.toString());
        assertEquals("retired", removed.json().get("status").asText());
        assertField(scan(code, "courier", "app-install-22c0d4", "", null), "code");
        assertFalse(ids(platform.get(API + "/public/stations/nearest?lat=30.80&lon=103.20&within=1000").json().get("stations")).contains(id));
        assertEquals(3, platform.getAsAdmin(API + "/figures?stationId=" + id + "&from=" + day.minusDays(1) + "&to=" + day.plusDays(1)).json().get("visits").asLong());
    }

    @Test
    void theQrCodeHoldsTheCheckinCodeAndANewCodeRetiresTheOld() throws Exception {
        long id = create(station("扫码驿站", 30.85, 103.30, "", "\"24h\"", ""));
        String code = platform.getAsAdmin(API + "/stations/" + id + "/checkin-code").json().get("code").asText();
        HttpResponse<byte[]> png = java.net.http.HttpClient.newHttpClient().send(
                RunningPlatform.asAdmin(platform.request(API + "/stations/" + id + "/qr.png?size=300")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, java.util.Arrays.copyOf(png.body(), 4));
        assertEquals(code, decodeQr(png.body()));

        String fresh = platform.postAsAdmin(API + "/stations/" + id + "/checkin-code", null).json().get("code").asText();
        assertFalse(fresh.equals(code));
        assertField(scan(code, "courier", "app-install-qr-test", "", null), "code");
        assertEquals(201, scan(fresh, "courier", "app-install-qr-test", "", null).status());
        assertField(platform.getAsAdmin(API + "/stations/" + id + "/qr.png?size=5"), "size");
    }

    private static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
                .getText();
    }

    // --- coverage

    @Test
    void coverageOfASmallLayoutMatchesTheHandComputedAnswer() {
        // One open station covers four points of weight 1 beside it. Six units of weight lie 19 km east,
        // beside a station closed for now; five lie 11 km north, beside a retired one. Share: 4 / 15.
        create(station("覆盖驿站", 31.30, 103.10, "", "\"24h\"", ""));
        create(station("东边停业驿站", 31.30, 103.30, "", "\"24h\"", "\"status\":\"temporarily_closed\",\"statusReason\":\"装修\""));
        long retired = create(station("北边撤销驿站", 31.40, 103.101, "", "\"24h\"", ""));
        platform.putAsAdmin(API + "/stations/" + retired, station("北边撤销驿站", 31.40, 103.101, "", "\"24h\"", "\"status\":\"retired\""));
        String csv = "lat,lon,weight\n31.301,103.101,1\n31.299,103.099,1\n31.302,103.100,1\n31.300,103.102,1\n"
                + "31.300,103.300,2\n31.301,103.301,2\n31.299,103.301,2\n31.400,103.100,5\n";
        Reply uploaded = platform.postAsAdmin(API + "/coverage?name=手算布局", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(201, uploaded.status(), uploaded.toString());
        assertEquals(8, uploaded.json().get("points").asInt());
        long set = uploaded.json().get("id").asLong();

        JsonNode report = platform.getAsAdmin(API + "/coverage/" + set).json();
        assertEquals(3750.0, report.get("radiusMetres").asDouble());
        assertEquals(15.0, report.get("totalWeight").asDouble());
        assertEquals(4.0, report.get("coveredWeight").asDouble());
        assertEquals(4.0 / 15.0, report.get("share").asDouble(), 1e-12);
        assertEquals(2, report.get("uncoveredClusters").size());
        assertEquals(6.0, report.at("/uncoveredClusters/0/weight").asDouble());
        assertEquals(3, report.at("/uncoveredClusters/0/points").asInt());
        assertEquals(31.300, report.at("/uncoveredClusters/0/lat").asDouble(), 0.001);
        assertEquals(103.3007, report.at("/uncoveredClusters/0/lon").asDouble(), 0.001);
        assertEquals(5.0, report.at("/uncoveredClusters/1/weight").asDouble());

        JsonNode proposals = platform.getAsAdmin(API + "/coverage/" + set + "/proposals?k=2").json();
        assertEquals("greedy maximum coverage", proposals.get("method").asText());
        assertEquals(2, proposals.get("proposals").size());
        assertEquals(6.0, proposals.at("/proposals/0/addedWeight").asDouble());
        assertEquals(10.0 / 15.0, proposals.at("/proposals/0/shareAfter").asDouble(), 1e-12);
        assertTrue(Math.abs(proposals.at("/proposals/0/lon").asDouble() - 103.30) < 0.02, proposals.toString());
        assertEquals(5.0, proposals.at("/proposals/1/addedWeight").asDouble());
        assertEquals(1.0, proposals.at("/proposals/1/shareAfter").asDouble(), 1e-12);

        assertEquals(1.0, platform.getAsAdmin(API + "/coverage/" + set + "?radius=25000").json().get("share").asDouble(), 1e-12,
                "a 25 km circle around the open station reaches everything");
        assertField(platform.getAsAdmin(API + "/coverage/" + set + "?radius=1"), "radius");
        assertField(platform.getAsAdmin(API + "/coverage/" + set + "/proposals?k=0"), "k");
    }

    @Test
    void anUploadWithBadRowsIsRefusedRowByRowAndNothingIsLoaded() {
        int before = platform.getAsAdmin(API + "/coverage").json().size();
        Reply refused = platform.postAsAdmin(API + "/coverage", ("lat,lon,weight\n30.6,104.06,1\n95,104.06,1\n30.6,east,1\n30.6,104.06,-1\n"
                + "39.9,116.4,1\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(400, refused.status(), refused.toString());
        List<String> where = new ArrayList<>();
        refused.json().get("errors").forEach(e -> where.add(e.get("field").asText()));
        assertEquals(List.of("line 3, lat", "line 4, lon", "line 5, weight", "line 6"), where);
        assertTrue(refused.json().get("detail").asText().startsWith("4 problem(s)"), refused.toString());
        assertEquals(before, platform.getAsAdmin(API + "/coverage").json().size(), "nothing half-loaded");
    }

    @Test
    void aHundredThousandPointsGoUpGzippedAndInParts() throws IOException {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("lat,lon,weight\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%d%n", 30.5 + random.nextDouble() * 0.3, 103.9 + random.nextDouble() * 0.3,
                    1 + random.nextInt(9)));
        }
        byte[] plain = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(plain.length > 1024 * 1024, "too large to send plain");
        assertEquals(413, platform.postAsAdmin(API + "/coverage", plain, "text/csv").status());
        byte[] gzipped = gzip(plain);
        assertTrue(gzipped.length < 1024 * 1024, gzipped.length + " bytes");

        Reply uploaded = platform.send(RunningPlatform.asAdmin(platform.request(API + "/coverage?name=heat")).header("Content-Type", "text/csv")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gzipped)));
        assertEquals(201, uploaded.status(), uploaded.toString());
        assertEquals(100_000, uploaded.json().get("points").asInt());
        long set = uploaded.json().get("id").asLong();

        Reply part = platform.postAsAdmin(API + "/coverage/" + set + "/points", gzip("30.6,104.06,4\n30.61,104.07,6\n".getBytes(StandardCharsets.UTF_8)),
                "application/gzip");
        assertEquals(200, part.status(), part.toString());
        assertEquals(100_002, part.json().get("points").asInt());
        JsonNode report = platform.getAsAdmin(API + "/coverage/" + set).json();
        assertEquals(100_002, report.get("points").asInt());
        assertEquals(part.json().get("totalWeight").asDouble(), report.get("totalWeight").asDouble(), 1e-6);
        assertEquals(204, platform.deleteAsAdmin(API + "/coverage/" + set).status());
        assertEquals(404, platform.getAsAdmin(API + "/coverage/" + set).status());
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    // --- managers limited to places

    @Test
    void aManagerLimitedToADistrictManagesItsStationsAndNoOthers() {
        String jia = "\"district\":\"测试市/甲区\"";
        String yi = "\"district\":\"测试市/乙区\"";
        long ours = create(station("甲区驿站", 30.20, 104.60, "\"lockers\"", "\"24h\"", jia));
        long theirs = create(station("乙区驿站", 30.21, 104.61, "\"lockers\"", "\"24h\"", yi));
        Account manager = Account.create(platform, "jia.manager", "courier-stations.manager@测试市/甲区");

        List<Long> listed = ids(manager.get(API + "/stations?q=区驿站&size=200").json().get("items"));
        assertTrue(listed.contains(ours) && !listed.contains(theirs), "the list holds the district's stations only: " + listed);
        assertEquals(200, manager.get(API + "/stations/" + ours).status());
        assertOutside(manager.get(API + "/stations/" + theirs), "id");
        assertOutside(manager.get(API + "/stations/" + theirs + "/checkin-code"), "id");

        Reply added = manager.post(API + "/stations", station("甲区新驿站", 30.22, 104.62, "\"lockers\"", "\"24h\"", jia));
        assertEquals(201, added.status(), added.toString());
        assertOutside(manager.post(API + "/stations", station("越界驿站", 30.22, 104.62, "\"lockers\"", "\"24h\"", yi)), "district");
        assertOutside(manager.put(API + "/stations/" + ours, station("搬走", 30.20, 104.60, "\"lockers\"", "\"24h\"", yi)), "district");
        assertOutside(manager.put(API + "/stations/" + theirs, station("改名", 30.21, 104.61, "\"lockers\"", "\"24h\"", jia)), "id");
        assertOutside(manager.delete(API + "/stations/" + theirs), "id");
        assertEquals("乙区驿站", platform.getAsAdmin(API + "/stations/" + theirs).json().get("name").asText(), "nothing refused was written");
        assertEquals(200, manager.put(API + "/stations/" + ours, station("甲区驿站（改）", 30.20, 104.60, "\"lockers\"", "\"24h\"", jia)).status());

        assertOutside(manager.get(API + "/figures?stationId=" + theirs), "stationId");
        assertEquals(200, manager.get(API + "/figures?stationId=" + ours).status());
        Reply upload = platform.send(manager.signed(API + "/coverage?name=plan").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("30.2,104.6,1\n")));
        assertEquals(403, upload.status(), upload.toString());
        assertTrue(upload.json().get("detail").asText().contains("belongs to the whole city"), upload.toString());

        Account everywhere = Account.create(platform, "city.manager", "courier-stations.manager");
        List<Long> all = ids(everywhere.get(API + "/stations?q=区驿站&size=200").json().get("items"));
        assertTrue(all.contains(ours) && all.contains(theirs), all.toString());
        assertEquals(200, everywhere.get(API + "/stations/" + theirs).status());
    }

    private static void assertOutside(Reply reply, String field) {
        assertEquals(403, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertEquals(field, reply.json().at("/errors/0/field").asText(), reply.toString());
        assertTrue(reply.json().get("detail").asText().contains("测试市/甲区"), "names the manager's places: " + reply);
    }

    // --- restarts

    @Test
    void stationsAndTheirIndexComeBackAfterARestart() {
        long id = create(station("重启后仍在", 31.00, 103.60, "\"lockers\"", "\"24h\"", ""));
        platform.restart();
        JsonNode near = platform.get(API + "/public/stations/nearest?lat=31.00&lon=103.60&service=lockers&limit=1").json();
        assertEquals(List.of(id), ids(near.get("stations")));
    }
}
