package org.district.plugins.legalaidnightmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.district.platform.testkit.Account;
import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The night market as a coordinator, a duty lawyer on a phone, an exporter and a resident use it,
 * over HTTP against a real platform holding this module and the lawyer roster it requires. Each
 * test works on its own markets, and on lawyers whose specialties and evenings no other test uses,
 * so the roster's rota sees only that test's lawyers.
 */
class NightMarketIT {

    private static final String API = "/api/legal-aid-night-market";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String COORDINATOR = "coordinator";
    private static final String DUTY_LAWYER = "duty-lawyer";
    private static final String EXPORTER = "exporter";

    private static RunningPlatform platform;
    private static long firm;
    private static int licences;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.create().start();
        TestAccounts.add(platform, Map.of(
                COORDINATOR, Roles.COORDINATOR,
                DUTY_LAWYER, Roles.DUTY_LAWYER,
                EXPORTER, Roles.COORDINATOR + "," + Roles.EXPORT));
        firm = platform.postAsAdmin("/api/lawyer-roster/firms", json("name", "四川蜀南律师事务所", "district", "宜宾市/翠屏区")).json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // --- helpers

    static String json(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return RunningPlatform.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** A lawyer on the roster; phone and licence number are what no public or list view may show. */
    static long lawyer(String name, String phone, List<String> specialties, List<String> availability, boolean active) {
        String licence = String.format("15115202110%06d", ++licences);
        Reply created = platform.postAsAdmin("/api/lawyer-roster/lawyers", json("name", name, "licenceNo", licence, "firmId", firm,
                "specialties", specialties, "languages", List.of("普通话", "四川话"), "phone", phone, "availability", availability, "active", active));
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").asLong();
    }

    static long market(String name, List<String> hours, List<String> specialties) {
        Reply created = platform.postAsAdmin(API + "/markets", json("name", name, "place", name + "北入口法律服务点", "district", "宜宾市/翠屏区",
                "openingHours", hours, "dutySpecialties", specialties));
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").asLong();
    }

    static long session(long market, LocalDate date, String start, String end) {
        Reply created = platform.postAsAdmin(API + "/markets/" + market + "/sessions", json("date", date.toString(), "start", start, "end", end));
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").asLong();
    }

    static Reply consultation(String user, long session, String category, String outcome, String contact, Boolean consent, LocalDate due) {
        return TestAccounts.post(platform, user, API + "/sessions/" + session + "/consultations", json("category", category, "visitor", "stall_holder",
                "summary", "货款结算有争议", "outcome", outcome, "contact", contact, "contactConsent", consent, "followUpDue", due == null ? null : due.toString()));
    }

    static void assertField(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains(field), field + " not named in " + reply);
    }

    static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    // --- the month's schedule and rota

    @Test
    void aCoordinatorPlansTheMonthAndFillsItsRotaFromTheRosterInOneStep() {
        List<Long> lawyers = new ArrayList<>();
        for (String name : List.of("排班甲", "排班乙", "排班丙")) {
            lawyers.add(lawyer(name, null, List.of("administrative"), List.of("Thu 18:00-22:00"), true));
        }
        lawyer("周一律师", null, List.of("administrative"), List.of("Mon 18:00-22:00"), true);
        long market = market("合江门夜市", List.of("Thu 19:00-21:30"), List.of("administrative"));

        Reply planned = TestAccounts.post(platform, COORDINATOR, API + "/markets/" + market + "/schedule?month=2027-03", null);
        assertEquals(200, planned.status(), planned.toString());
        assertEquals(4, planned.json().get("planned").size(), "the four Thursdays of March 2027");
        assertEquals("2027-03-04", planned.json().at("/planned/0/date").asText());
        Reply again = TestAccounts.post(platform, COORDINATOR, API + "/markets/" + market + "/schedule?month=2027-03", null);
        assertEquals(0, again.json().get("planned").size());
        assertEquals(4, again.json().get("alreadyPlanned").asInt());

        Reply rota = TestAccounts.post(platform, COORDINATOR, API + "/markets/" + market + "/rota?month=2027-03&maxPerLawyerPerMonth=1", null);
        assertEquals(200, rota.status(), rota.toString());
        JsonNode assigned = rota.json().get("assigned");
        assertEquals(3, assigned.size(), rota.toString());
        Set<Long> onDuty = new HashSet<>();
        assigned.forEach(a -> onDuty.add(a.get("lawyerId").asLong()));
        assertEquals(new HashSet<>(lawyers), onDuty, "one duty each for the three Thursday lawyers, none for the Monday one");
        assertEquals(1, rota.json().get("unfilled").size());
        assertFalse(rota.json().at("/unfilled/0/reason").asText().isBlank(), "the roster says why");

        JsonNode sessions = platform.getAsAdmin(API + "/sessions?market=" + market).json().get("items");
        int withDuty = 0;
        for (JsonNode session : sessions) {
            if (session.has("duty")) {
                withDuty++;
                assertEquals("rota", session.at("/duty/source").asText());
                assertEquals(COORDINATOR, session.at("/duty/assignedBy").asText());
            }
        }
        assertEquals(3, withDuty);

        Reply refill = TestAccounts.post(platform, COORDINATOR, API + "/markets/" + market + "/rota?month=2027-03&maxPerLawyerPerMonth=1", null);
        assertEquals(0, refill.json().get("assigned").size());
        assertEquals(3, refill.json().get("alreadyCovered").asInt());
        assertField(TestAccounts.post(platform, COORDINATOR, API + "/markets/" + market + "/rota?month=March", null), "month");
        assertField(TestAccounts.post(platform, COORDINATOR, API + "/markets/" + market + "/rota?month=2027-03&maxPerLawyerPerMonth=0", null),
                "maxPerLawyerPerMonth");
    }

    @Test
    void aLawyerOnDutyAtOneMarketIsNotPutOnDutyAtAnotherTheSameEvening() {
        long only = lawyer("唯一刑事律师", null, List.of("criminal"), List.of("Tue 18:00-22:00"), true);
        long first = market("南门夜市", List.of("Tue 19:00-21:00"), List.of("criminal"));
        long second = market("北门夜市", List.of("Tue 19:00-21:00"), List.of("criminal"));
        platform.postAsAdmin(API + "/markets/" + first + "/schedule?month=2027-04", null);
        platform.postAsAdmin(API + "/markets/" + second + "/schedule?month=2027-04", null);

        Reply atFirst = platform.postAsAdmin(API + "/markets/" + first + "/rota?month=2027-04", null);
        assertEquals(4, atFirst.json().get("assigned").size(), atFirst.toString());
        atFirst.json().get("assigned").forEach(a -> assertEquals(only, a.get("lawyerId").asLong()));

        Reply atSecond = platform.postAsAdmin(API + "/markets/" + second + "/rota?month=2027-04", null);
        assertEquals(0, atSecond.json().get("assigned").size(), atSecond.toString());
        assertEquals(4, atSecond.json().get("unfilled").size());
        atSecond.json().get("unfilled").forEach(u -> assertTrue(u.get("reason").asText().contains("南门夜市"), u.toString()));
    }

    // --- duties by hand, and bad input

    @Test
    void dutiesAreAssignedSwappedAndCancelledWithTheirHistoryKept() {
        long first = lawyer("交通甲", null, List.of("traffic"), List.of("Wed 18:00-22:00"), true);
        long second = lawyer("交通乙", null, List.of("traffic"), List.of("Wed 18:00-22:00"), true);
        long mondays = lawyer("交通周一", null, List.of("traffic"), List.of("Mon 18:00-22:00"), true);
        long retired = lawyer("交通退休", null, List.of("traffic"), List.of("Wed 18:00-22:00"), false);
        long otherField = lawyer("行政律师", null, List.of("administrative"), List.of("Wed 18:00-22:00"), true);
        long market = market("大观楼夜市", List.of("Wed 19:00-21:30"), List.of("traffic"));
        long session = session(market, LocalDate.of(2027, 5, 5), "19:00", "21:30");
        String duty = API + "/sessions/" + session + "/duty";

        assertField(platform.postAsAdmin(duty, json("lawyerId", retired)), "lawyerId");
        Reply unavailable = platform.postAsAdmin(duty, json("lawyerId", mondays));
        assertField(unavailable, "lawyerId");
        assertTrue(unavailable.body().contains("not available"), unavailable.toString());
        assertField(platform.postAsAdmin(duty, json("lawyerId", otherField)), "lawyerId");
        assertField(platform.postAsAdmin(duty, json("lawyerId", 987654321)), "lawyerId");
        assertField(platform.postAsAdmin(duty, "{}"), "lawyerId");

        assertEquals(201, TestAccounts.post(platform, COORDINATOR, duty, json("lawyerId", first)).status());
        assertEquals(409, platform.postAsAdmin(duty, json("lawyerId", second)).status(), "one lawyer on duty: swap instead");
        assertField(platform.postAsAdmin(duty + "/swap", json("lawyerId", second)), "reason");
        Reply swapped = TestAccounts.post(platform, COORDINATOR, duty + "/swap", json("lawyerId", second, "reason", "家中有事，与交通乙换班"));
        assertEquals(200, swapped.status(), swapped.toString());
        assertEquals(second, platform.getAsAdmin(API + "/sessions/" + session).json().at("/duty/lawyerId").asLong());

        JsonNode history = platform.getAsAdmin(API + "/sessions/" + session + "/duties").json();
        assertEquals(2, history.size(), history.toString());
        assertEquals("swapped", history.at("/0/status").asText());
        assertEquals("家中有事，与交通乙换班", history.at("/0/endedReason").asText());
        assertEquals("交通甲", history.at("/0/lawyerName").asText());
        assertEquals("active", history.at("/1/status").asText());
        assertEquals(history.at("/0/id").asLong(), history.at("/1/replacesId").asLong());

        Reply cancelled = platform.postAsAdmin(duty + "/cancel", json("reason", "交通乙临时出庭"));
        assertEquals("cancelled", cancelled.json().get("status").asText(), cancelled.toString());
        assertFalse(platform.getAsAdmin(API + "/sessions/" + session).json().has("duty"));
        assertEquals(2, platform.getAsAdmin(API + "/sessions/" + session + "/duties").json().size(), "the history stays");
        assertEquals(403, TestAccounts.post(platform, DUTY_LAWYER, duty, json("lawyerId", first)).status(), "only coordinators assign duties");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        long market = market("翠屏夜市", List.of("Sun 19:00-21:30"), List.of());
        assertField(platform.postAsAdmin(API + "/markets/" + market + "/sessions", json("date", "2027-06-06", "start", "21:00", "end", "19:00")), "end");
        assertField(platform.postAsAdmin(API + "/markets/" + market + "/sessions", json("date", "2027-06-06", "start", "19:00")), "end");
        assertField(platform.postAsAdmin(API + "/markets", json("name", "坏夜市", "place", "某处", "district", "宜宾市", "openingHours", List.of("Fri 21:00-19:00"))),
                "openingHours[0]");
        assertField(platform.postAsAdmin(API + "/markets", json("name", "坏夜市", "place", "某处", "district", "宜宾市", "openingHours", List.of("Fri 19:00-21:00"),
                "timeZone", "Mars/Olympus")), "timeZone");
        assertField(platform.postAsAdmin(API + "/markets", json("name", "坏夜市", "place", "某处", "district", "宜宾市", "openingHours", List.of("Fri 19:00-21:00"),
                "dutySpecialties", List.of("astrology"))), "dutySpecialties[0]");
        assertEquals(409, platform.postAsAdmin(API + "/markets", json("name", "翠屏夜市", "place", "某处", "district", "宜宾市",
                "openingHours", List.of("Fri 19:00-21:00"))).status(), "market names are unique");

        long past = session(market, today().minusDays(2), "19:00", "21:30");
        assertField(consultation(COORDINATOR, past, "astrology", "answered", null, null, null), "category");
        assertField(consultation(COORDINATOR, past, "payment_dispute", "shrugged", null, null, null), "outcome");
        assertField(consultation(COORDINATOR, past, "payment_dispute", "answered", "13900001111", null, null), "contact");
        assertField(consultation(COORDINATOR, past, "payment_dispute", "follow_up", null, null, null), "followUpDue");
        assertField(consultation(COORDINATOR, past, "payment_dispute", "follow_up", null, null, today().minusDays(10)), "followUpDue");

        long cancelled = session(market, today().minusDays(1), "19:00", "21:30");
        assertField(platform.postAsAdmin(API + "/sessions/" + cancelled + "/cancel", "{}"), "reason");
        assertEquals("cancelled", platform.postAsAdmin(API + "/sessions/" + cancelled + "/cancel", json("reason", "暴雨预警")).json().get("status").asText());
        Reply onCancelled = consultation(DUTY_LAWYER, cancelled, "payment_dispute", "answered", null, null, null);
        assertField(onCancelled, "session");
        assertTrue(onCancelled.body().contains("暴雨预警"), onCancelled.toString());

        long future = session(market, today().plusDays(30), "19:00", "21:30");
        assertField(consultation(DUTY_LAWYER, future, "payment_dispute", "answered", null, null, null), "session");
        assertEquals(0, platform.getAsAdmin(API + "/consultations?market=" + market).json().get("total").asInt(), "nothing was written");
    }

    // --- the evening: consultations, masking, access

    @Test
    void theDutyLawyerLogsConsultationsAndEveryListAndPublicViewMasksOrOmitsPersonalData() {
        LocalDate today = today();
        String tonightDay = day(today.getDayOfWeek());
        long lawyer = lawyer("房产律师", "13712340000", List.of("property"), List.of(tonightDay + " 18:00-22:30"), true);
        long market = market("东街夜市", List.of(tonightDay + " 19:00-21:30"), List.of("property"));
        long tonight = session(market, today, "19:00", "21:30");
        assertEquals(201, platform.postAsAdmin(API + "/sessions/" + tonight + "/duty", json("lawyerId", lawyer)).status());

        Reply logged = consultation(DUTY_LAWYER, tonight, "货款纠纷", "settled", "13812345678", true, null);
        assertEquals(201, logged.status(), logged.toString());
        long id = logged.json().get("id").asLong();
        assertEquals("13812345678", logged.json().get("contact").asText(), "the lawyer who typed it sees it");
        assertEquals("payment_dispute", logged.json().get("category").asText());
        assertEquals(lawyer, logged.json().get("lawyerId").asLong());
        assertEquals(DUTY_LAWYER, logged.json().get("loggedBy").asText());
        assertEquals("open", platform.getAsAdmin(API + "/sessions/" + tonight).json().get("status").asText(), "the first consultation opens the stall");
        Reply followUp = consultation(DUTY_LAWYER, tonight, "loan_dispute", "follow_up", null, null, today.plusDays(7));
        assertEquals(201, followUp.status(), followUp.toString());

        JsonNode ofSession = TestAccounts.get(platform, DUTY_LAWYER, API + "/sessions/" + tonight + "/consultations").json();
        assertEquals(2, ofSession.size());
        assertEquals("138****5678", ofSession.at("/0/contact").asText());
        JsonNode listed = TestAccounts.get(platform, COORDINATOR, API + "/consultations?market=" + market).json();
        assertEquals(2, listed.get("total").asInt());
        assertEquals("138****5678", listed.at("/items/0/contact").asText());
        assertFalse(TestAccounts.get(platform, COORDINATOR, API + "/consultations?size=200").body().contains("13812345678"));
        assertEquals("13812345678", TestAccounts.get(platform, COORDINATOR, API + "/consultations/" + id).json().get("contact").asText());

        JsonNode now = platform.get(API + "/public/markets/" + market + "/tonight").json();
        assertEquals(today.toString(), now.get("date").asText());
        assertEquals(tonight, now.at("/sessions/0/id").asLong());
        assertEquals("房产律师", now.at("/sessions/0/dutyLawyer/name").asText());
        assertEquals("四川蜀南律师事务所", now.at("/sessions/0/dutyLawyer/firm").asText());
        assertEquals("property", now.at("/sessions/0/dutyLawyer/specialties/0").asText());
        assertFalse(now.at("/sessions/0/dutyLawyer").has("phone"));
        for (String view : List.of("/public/markets/" + market + "/tonight", "/public/sessions?market=" + market, "/public/sessions?size=200",
                "/public/markets", "/calendar/markets/" + market + ".ics", "/calendar/lawyers/" + lawyer + ".ics")) {
            Reply shown = platform.get(API + view);
            assertEquals(200, shown.status(), view + " " + shown);
            assertFalse(shown.body().contains("13712340000") || shown.body().contains("1371234") || shown.body().contains("13812345678")
                    || shown.body().contains("151152021"), view + " shows personal data: " + shown.body());
        }
        JsonNode upcoming = platform.get(API + "/public/sessions?market=" + market).json();
        assertEquals("房产律师", upcoming.at("/items/0/dutyLawyer/name").asText());

        Reply closed = TestAccounts.post(platform, DUTY_LAWYER, API + "/sessions/" + tonight + "/close", null);
        assertEquals(200, closed.status(), closed.toString());
        assertTrue(closed.json().get("dutyRecorded").asBoolean(), closed.toString());
        JsonNode served = platform.getAsAdmin("/api/lawyer-roster/lawyers/" + lawyer + "/duties").json();
        assertEquals(today + "T19:00", served.at("/0/start").asText(), "the roster counts the evening towards the lawyer's volunteer hours");
        assertEquals(2.5, platform.getAsAdmin("/api/lawyer-roster/lawyers/" + lawyer).json().get("volunteerHours").asDouble());

        Reply done = platform.send(TestAccounts.as(DUTY_LAWYER, platform.request(API + "/consultations/" + followUp.json().get("id").asLong() + "/follow-up"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json("result", "已电话回访，对方同意分期还款"))));
        assertEquals(200, done.status(), done.toString());
        assertEquals(today.toString(), done.json().get("followUpDone").asText());
    }

    @Test
    void personalDataLeavesOnlyWithTheExportRoleAndEachRoleSeesOnlyItsPart() {
        long market = market("江北夜市", List.of("Sat 19:00-21:30"), List.of());
        long past = session(market, today().minusDays(3), "19:00", "21:30");
        assertEquals(201, consultation(DUTY_LAWYER, past, "tenancy", "answered", "13566667777", true, null).status());

        assertEquals(401, platform.get(API + "/sessions").status());
        assertEquals(401, platform.get(API + "/consultations").status());
        assertEquals(401, platform.get(API + "/exports/figures.csv").status());
        assertEquals(403, TestAccounts.post(platform, DUTY_LAWYER, API + "/markets", json("name", "x")).status());
        assertEquals(403, TestAccounts.get(platform, DUTY_LAWYER, API + "/figures").status());
        assertEquals(200, TestAccounts.get(platform, DUTY_LAWYER, API + "/sessions?market=" + market).status());

        Reply refused = TestAccounts.get(platform, COORDINATOR, API + "/exports/consultations.csv");
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.body().contains(Roles.EXPORT), refused.toString());

        Reply exported = TestAccounts.get(platform, EXPORTER, API + "/exports/consultations.csv?market=" + market);
        assertEquals(200, exported.status(), exported.toString());
        assertTrue(exported.contentType().startsWith("text/csv"), exported.toString());
        assertTrue(exported.body().contains("13566667777"), "the export role gets the contact in full");
        assertEquals(200, platform.getAsAdmin(API + "/exports/consultations.csv?market=" + market).status(), "admins hold every role");
        Reply trail = platform.getAsAdmin("/api/admin/audit?module=legal-aid-night-market&size=200");
        assertTrue(trail.body().contains("\"actor\":\"" + EXPORTER + "\"") && trail.body().contains("consultations with personal data"),
                "the export is in the audit trail with who made it: " + trail);

        Reply figures = TestAccounts.get(platform, COORDINATOR, API + "/exports/figures.csv?market=" + market + "&from=" + today().minusDays(3).toString().substring(0, 7));
        assertEquals(200, figures.status(), figures.toString());
        assertTrue(figures.headers().get("content-disposition").get(0).contains("attachment"), figures.headers().toString());
        assertFalse(figures.body().contains("13566667777"), "the figures carry no personal data");
    }

    // --- figures

    @Test
    void theMonthsFiguresCountByCategoryAndOutcomeWithTheShareSettledOnTheSpotAndOverdueFollowUps() {
        long market = market("叙州夜市", List.of("Fri 19:00-21:30"), List.of());
        long first = session(market, LocalDate.of(2026, 9, 4), "19:00", "21:30");
        long second = session(market, LocalDate.of(2026, 9, 11), "19:00", "21:30");
        assertEquals(201, consultation(COORDINATOR, first, "payment_dispute", "answered", null, null, null).status());
        assertEquals(201, consultation(COORDINATOR, first, "payment_dispute", "settled", null, null, null).status());
        assertEquals(201, consultation(COORDINATOR, second, "loan_dispute", "follow_up", null, null, LocalDate.of(2026, 9, 18)).status());
        long referred = consultation(COORDINATOR, second, "neighbour_friction", "referred_mediation_committee", null, null, LocalDate.of(2026, 9, 25))
                .json().get("id").asLong();
        platform.putAsAdmin(API + "/consultations/" + referred + "/follow-up", json("doneOn", "2026-09-25", "result", "调委会已受理"));

        Reply reply = TestAccounts.get(platform, COORDINATOR, API + "/figures?from=2026-08&to=2026-09&market=" + market);
        assertEquals(200, reply.status(), reply.toString());
        JsonNode august = reply.json().at("/months/0");
        assertEquals(0, august.get("consultations").asInt());
        JsonNode september = reply.json().at("/months/1");
        assertEquals("2026-09", september.get("month").asText());
        assertEquals(4, september.get("consultations").asInt());
        assertEquals(2, september.at("/byCategory/payment_dispute").asInt());
        assertEquals(1, september.at("/byCategory/neighbour_friction").asInt());
        assertEquals(0, september.at("/byCategory/family").asInt());
        assertEquals(1, september.at("/byOutcome/settled").asInt());
        assertEquals(2, september.get("settledOnTheSpot").asInt());
        assertEquals(0.5, september.get("shareSettledOnTheSpot").asDouble());
        assertEquals(1, september.get("followUpsOverdue").asInt(), "the loan dispute's follow-up was due 18 Sep and never made");
        assertEquals(4, reply.json().at("/total/consultations").asInt());

        JsonNode overdue = TestAccounts.get(platform, COORDINATOR, API + "/consultations?overdue=true&market=" + market).json();
        assertEquals(1, overdue.get("total").asInt());
        assertEquals("loan_dispute", overdue.at("/items/0/category").asText());

        Reply csv = TestAccounts.get(platform, COORDINATOR, API + "/exports/figures.csv?from=2026-09&to=2026-09&market=" + market);
        List<String> lines = csv.body().lines().toList();
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
        List<String> row = List.of(lines.get(1).split(","));
        assertEquals("2026-09", row.get(0));
        assertEquals("4", row.get(header.indexOf("consultations")));
        assertEquals("0.5000", row.get(header.indexOf("share_settled_on_the_spot")));
        assertEquals("1", row.get(header.indexOf("follow_ups_overdue")));
        assertTrue(TestAccounts.get(platform, COORDINATOR, API + "/exports/figures.csv?from=2026-09&to=2026-09&lang=zh").body().contains("货款纠纷"));
        assertField(TestAccounts.get(platform, COORDINATOR, API + "/figures?from=2026-09&to=2026-08"), "to");
        assertField(TestAccounts.get(platform, COORDINATOR, API + "/figures?from=September"), "from");
    }

    // --- calendar feeds

    @Test
    void theCalendarFeedsOfAMarketAndOfALawyerParseBackWithTheSameLibrary() throws Exception {
        long first = lawyer("婚姻家庭甲", null, List.of("family"), List.of("Fri 18:00-22:00"), true);
        long second = lawyer("婚姻家庭乙", null, List.of("family"), List.of("Fri 18:00-22:00"), true);
        long market = market("五粮液夜市", List.of("Fri 19:00-21:30"), List.of("family"));
        JsonNode planned = platform.postAsAdmin(API + "/markets/" + market + "/schedule?month=2027-01", null).json().get("planned");
        assertEquals(5, planned.size(), "the five Fridays of January 2027");
        platform.postAsAdmin(API + "/markets/" + market + "/rota?month=2027-01", null);
        long january8 = planned.get(1).get("id").asLong();
        long january15 = planned.get(2).get("id").asLong();
        platform.postAsAdmin(API + "/sessions/" + january15 + "/cancel", json("reason", "春节前市场整修"));
        long holder = platform.getAsAdmin(API + "/sessions/" + january8).json().at("/duty/lawyerId").asLong();
        long other = holder == first ? second : first;
        assertEquals(200, platform.postAsAdmin(API + "/sessions/" + january8 + "/duty/swap", json("lawyerId", other, "reason", "换班")).status());

        Reply feed = platform.get(API + "/calendar/markets/" + market + ".ics");
        assertEquals(200, feed.status(), feed.toString());
        assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(5, events.size());
        VEvent eighth = event(events, january8);
        assertEquals("20270108T110000Z", CalendarFeedTest.value(eighth, Property.DTSTART), "19:00 in China is 11:00 UTC");
        assertEquals("20270108T133000Z", CalendarFeedTest.value(eighth, Property.DTEND));
        assertTrue(CalendarFeedTest.value(eighth, Property.SUMMARY).contains("五粮液夜市"));
        assertEquals("CANCELLED", CalendarFeedTest.value(event(events, january15), Property.STATUS));
        assertEquals("CONFIRMED", CalendarFeedTest.value(eighth, Property.STATUS));

        Calendar newHolder = new CalendarBuilder().build(new StringReader(platform.get(API + "/calendar/lawyers/" + other + ".ics").body()));
        assertEquals("CONFIRMED", CalendarFeedTest.value(event(newHolder.getComponents("VEVENT"), january8), Property.STATUS));
        Calendar oldHolder = new CalendarBuilder().build(new StringReader(platform.get(API + "/calendar/lawyers/" + holder + ".ics").body()));
        assertEquals("CANCELLED", CalendarFeedTest.value(event(oldHolder.getComponents("VEVENT"), january8), Property.STATUS),
                "the lawyer who handed the duty over sees it go from their calendar");

        assertEquals(404, platform.get(API + "/calendar/markets/987654321.ics").status());
        assertEquals(404, platform.get(API + "/calendar/lawyers/987654321.ics").status());
    }

    private static VEvent event(List<VEvent> events, long session) {
        return events.stream().filter(e -> CalendarFeedTest.value(e, Property.UID).equals("session-" + session + "@legal-aid-night-market"))
                .findFirst().orElseThrow(() -> new AssertionError("no event for session " + session));
    }

    @Test
    void tonightWithoutASessionPointsToTheNextOne() {
        long market = market("临港夜市", List.of("Sat 19:00-21:30"), List.of());
        long later = session(market, today().plusDays(3), "19:00", "21:30");
        JsonNode tonight = platform.get(API + "/public/markets/" + market + "/tonight").json();
        assertEquals(0, tonight.get("sessions").size());
        assertEquals(later, tonight.at("/next/id").asLong());
        assertNull(tonight.at("/next/dutyLawyer").textValue());
        assertEquals(404, platform.get(API + "/public/markets/987654321/tonight").status());
        assertEquals(8, platform.get(API + "/public/catalogue").json().get("categories").size());
    }

    // --- coordinators limited to places

    @Test
    void aCoordinatorLimitedToADistrictWorksOnItsMarketsAndNoOthers() {
        long ours = placedMarket("甲区夜市", "测试市/甲区");
        long theirs = placedMarket("乙区夜市", "测试市/乙区");
        long ourPast = session(ours, today().minusDays(2), "19:00", "21:30");
        long theirPast = session(theirs, today().minusDays(2), "19:00", "21:30");
        long ourNext = session(ours, today().plusDays(10), "19:00", "21:30");
        long theirNext = session(theirs, today().plusDays(10), "19:00", "21:30");
        String consulted = json("category", "payment_dispute", "visitor", "stall_holder", "outcome", "follow_up", "contact", "13900001111",
                "contactConsent", true, "followUpDue", today().toString());
        long ourConsultation = platform.postAsAdmin(API + "/sessions/" + ourPast + "/consultations", consulted).json().get("id").asLong();
        long theirConsultation = platform.postAsAdmin(API + "/sessions/" + theirPast + "/consultations",
                consulted.replace("13900001111", "13900002222")).json().get("id").asLong();
        Account coordinator = Account.create(platform, "jia.coordinator", Roles.COORDINATOR + "@测试市/甲区");

        List<Long> markets = ids(coordinator.get(API + "/markets?size=200"));
        assertEquals(List.of(ours), markets, "the district's markets only");
        List<Long> sessions = ids(coordinator.get(API + "/sessions?size=200"));
        assertEquals(List.of(ourPast, ourNext), sessions, "the sessions of the district's markets only");
        assertEquals(List.of(ourConsultation), ids(coordinator.get(API + "/consultations?size=200")));
        Reply figures = coordinator.get(API + "/figures?from=" + today().minusDays(2).toString().substring(0, 7));
        assertEquals(1, figures.json().at("/total/consultations").asInt(), "figures count the district's markets only: " + figures);
        assertEquals(200, coordinator.get(API + "/sessions/" + ourNext).status());
        assertOutside(coordinator.get(API + "/markets/" + theirs), "id");
        assertOutside(coordinator.get(API + "/sessions/" + theirNext), "id");
        assertOutside(coordinator.get(API + "/sessions/" + theirPast + "/consultations"), "id");
        assertOutside(coordinator.get(API + "/sessions/" + theirNext + "/duties"), "id");
        assertOutside(coordinator.get(API + "/consultations/" + theirConsultation), "id");
        assertOutside(coordinator.get(API + "/sessions?market=" + theirs), "market");
        assertOutside(coordinator.get(API + "/consultations?session=" + theirPast), "session");
        assertOutside(coordinator.get(API + "/figures?market=" + theirs), "market");
        assertOutside(coordinator.get(API + "/exports/figures.csv?market=" + theirs), "market");

        String moved = json("name", "甲区夜市", "place", "北入口", "district", "测试市/乙区", "openingHours", List.of("Sat 19:00-21:30"));
        assertOutside(coordinator.post(API + "/markets", moved.replace("甲区夜市", "越界夜市")), "district");
        assertOutside(coordinator.put(API + "/markets/" + ours, moved), "district");
        assertOutside(coordinator.put(API + "/markets/" + theirs, moved.replace("测试市/乙区", "测试市/甲区").replace("甲区夜市", "乙区夜市")), "id");
        assertOutside(coordinator.delete(API + "/markets/" + theirs), "id");
        assertOutside(coordinator.post(API + "/markets/" + theirs + "/sessions",
                json("date", today().plusDays(11).toString(), "start", "19:00", "end", "21:30")), "id");
        assertOutside(coordinator.post(API + "/markets/" + theirs + "/schedule?month=" + today().plusMonths(1).toString().substring(0, 7), null), "id");
        assertOutside(coordinator.post(API + "/markets/" + theirs + "/rota?month=" + today().plusMonths(1).toString().substring(0, 7), null), "id");
        assertOutside(coordinator.put(API + "/sessions/" + theirNext, json("date", today().plusDays(12).toString(), "start", "19:00", "end", "21:30")), "id");
        assertOutside(coordinator.post(API + "/sessions/" + theirNext + "/cancel", json("reason", "暴雨")), "id");
        assertOutside(coordinator.post(API + "/sessions/" + theirNext + "/duty", json("lawyerId", 1)), "id");
        assertOutside(coordinator.post(API + "/sessions/" + theirPast + "/consultations", consulted), "id");
        assertOutside(coordinator.put(API + "/consultations/" + theirConsultation + "/follow-up", json("result", "已回访")), "id");

        JsonNode their = platform.getAsAdmin(API + "/markets/" + theirs).json();
        assertEquals("测试市/乙区", their.get("district").asText(), "nothing refused was written");
        assertEquals("乙区夜市", their.get("name").asText());
        assertEquals(2, platform.getAsAdmin(API + "/sessions?market=" + theirs).json().get("total").asInt());
        JsonNode next = platform.getAsAdmin(API + "/sessions/" + theirNext).json();
        assertEquals("planned", next.get("status").asText());
        assertEquals(today().plusDays(10).toString(), next.get("date").asText());
        assertEquals(1, platform.getAsAdmin(API + "/consultations?session=" + theirPast).json().get("total").asInt());
        assertFalse(platform.getAsAdmin(API + "/consultations/" + theirConsultation).json().hasNonNull("followUpDone"));

        assertEquals(201, coordinator.post(API + "/markets/" + ours + "/sessions",
                json("date", today().plusDays(11).toString(), "start", "19:00", "end", "21:30")).status());
        assertEquals(201, coordinator.post(API + "/sessions/" + ourPast + "/consultations", consulted).status());
        assertEquals(200, coordinator.post(API + "/sessions/" + ourNext + "/cancel", json("reason", "暴雨")).status());
        assertEquals(200, coordinator.put(API + "/consultations/" + ourConsultation + "/follow-up", json("result", "已回访")).status());

        // The export role limited to the district takes out the district's personal data only, audited as ever.
        Account exporter = Account.create(platform, "jia.exporter", Roles.EXPORT + "@测试市/甲区");
        Reply exported = exporter.get(API + "/exports/consultations.csv");
        assertEquals(200, exported.status(), exported.toString());
        assertTrue(exported.body().contains("13900001111") && !exported.body().contains("13900002222"), exported.body());
        assertOutside(exporter.get(API + "/exports/consultations.csv?market=" + theirs), "market");
        assertTrue(platform.getAsAdmin("/api/admin/audit?module=legal-aid-night-market&size=200").body().contains("\"actor\":\"jia.exporter\""));
        Account lawyer = Account.create(platform, "jia.lawyer", Roles.DUTY_LAWYER + "@测试市/甲区");
        assertOutside(lawyer.post(API + "/sessions/" + theirPast + "/open", null), "id");

        Account everywhere = Account.create(platform, "city.coordinator", Roles.COORDINATOR);
        List<Long> all = ids(everywhere.get(API + "/markets?size=200"));
        assertTrue(all.contains(ours) && all.contains(theirs), all.toString());
        assertEquals(200, everywhere.get(API + "/sessions/" + theirNext).status());
        assertEquals(200, everywhere.get(API + "/consultations/" + theirConsultation).status());
    }

    static long placedMarket(String name, String district) {
        Reply created = platform.postAsAdmin(API + "/markets", json("name", name, "place", "北入口", "district", district,
                "openingHours", List.of("Sat 19:00-21:30")));
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").asLong();
    }

    static List<Long> ids(Reply page) {
        assertEquals(200, page.status(), page.toString());
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    static void assertOutside(Reply reply, String field) {
        assertEquals(403, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertEquals(field, reply.json().at("/errors/0/field").asText(), reply.toString());
        assertTrue(reply.json().get("detail").asText().contains("测试市/甲区"), "names the caller's places: " + reply);
    }
}
