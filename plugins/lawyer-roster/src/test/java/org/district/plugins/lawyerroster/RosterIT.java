package org.district.plugins.lawyerroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.district.platform.testkit.Account;
import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The roster as a legal-services coordinator and a resident use it, over HTTP against a real platform. */
class RosterIT {

    private static RunningPlatform platform;
    private static long firm;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.create().start();
        firm = platform.postAsAdmin("/api/lawyer-roster/firms",
                "{\"name\":\"四川蜀南律师事务所\",\"district\":\"宜宾市/翠屏区\",\"address\":\"长江大道 12 号\"}").json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static String lawyer(String name, String licence, String phone, String specialties, String availability) {
        return "{\"name\":\"" + name + "\",\"licenceNo\":\"" + licence + "\",\"firmId\":" + firm + ",\"specialties\":[" + specialties
                + "],\"languages\":[\"普通话\",\"四川话\"],\"phone\":" + (phone == null ? "null" : "\"" + phone + "\"")
                + ",\"availability\":[" + availability + "]}";
    }

    private static long total(String path) {
        return platform.getAsAdmin(path).json().get("total").asLong();
    }

    @Test
    void aCoordinatorSeesALawyerInFullButEveryListMasksPhoneAndLicence() {
        Reply created = platform.postAsAdmin("/api/lawyer-roster/lawyers",
                lawyer("王芳", "15115201810000011", "13812345678", "\"contract\",\"债务与借贷\"", "\"Fri 18:30-22:00\""));
        assertEquals(201, created.status(), created.toString());
        long id = created.json().get("id").asLong();

        JsonNode full = platform.getAsAdmin("/api/lawyer-roster/lawyers/" + id).json();
        assertEquals("13812345678", full.get("phone").asText());
        assertEquals("15115201810000011", full.get("licenceNo").asText());
        assertEquals("[\"contract\",\"debt\"]", full.get("specialties").toString());
        assertEquals("Fri 18:30-22:00", full.at("/availability/0").asText());

        JsonNode read = platform.getAsAdmin("/api/admin/audit?module=lawyer-roster").json().at("/items/0");
        assertEquals("personal-data.read", read.get("action").asText(), "reading a lawyer in full is audited");
        assertEquals("lawyer " + id, read.get("subject").asText());
        assertEquals("admin", read.get("actor").asText());

        JsonNode listed = find(platform.getAsAdmin("/api/lawyer-roster/lawyers?size=200").json(), id);
        assertEquals("138****5678", listed.get("phone").asText());
        assertEquals("1511*********0011", listed.get("licenceNo").asText());

        JsonNode shown = find(platform.get("/api/lawyer-roster/public/lawyers?specialty=contract&size=200").json(), id);
        assertEquals("王芳", shown.get("name").asText());
        assertEquals("四川蜀南律师事务所", shown.get("firm").asText());
        assertFalse(shown.has("phone") || shown.has("licenceNo"), shown.toString());
        assertFalse(platform.get("/api/lawyer-roster/public/lawyers?size=200").body().contains("13812345678"));
    }

    private static JsonNode find(JsonNode page, long id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + page);
    }

    @Test
    void theAdminSideNeedsSigningInAndThePublicSideDoesNot() {
        assertEquals(401, platform.get("/api/lawyer-roster/lawyers").status());
        assertEquals(401, platform.send(platform.request("/api/lawyer-roster/import").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("a,b\n"))).status());
        assertEquals(200, platform.get("/api/lawyer-roster/public/lawyers").status());
        assertEquals(10, platform.get("/api/lawyer-roster/public/specialties").json().size());
    }

    @Test
    void badLawyersAreRefusedNamingTheFieldAndNothingIsWritten() {
        long before = total("/api/lawyer-roster/lawyers");
        assertField(platform.postAsAdmin("/api/lawyer-roster/lawyers", lawyer("李明", "1511520181000001", null, "\"contract\"", "")), "licenceNo");
        assertField(platform.postAsAdmin("/api/lawyer-roster/lawyers", lawyer("李明", "1511520181000001X", null, "\"contract\"", "")), "licenceNo");
        assertField(platform.postAsAdmin("/api/lawyer-roster/lawyers", lawyer("李明", "15115201810000021", null, "\"astrology\"", "")), "specialties");
        assertField(platform.postAsAdmin("/api/lawyer-roster/lawyers",
                lawyer("李明", "15115201810000021", null, "\"contract\"", "\"Fri 18:00-21:00\",\"Fri 20:00-22:00\"")), "availability[1]");
        assertField(platform.postAsAdmin("/api/lawyer-roster/lawyers",
                lawyer("李明", "15115201810000021", null, "\"contract\"", "\"Fri 21:00-18:00\"")), "availability[0]");
        assertField(platform.postAsAdmin("/api/lawyer-roster/lawyers", lawyer("李明", "15115201810000021", "12345", "\"contract\"", "")), "phone");
        assertField(platform.postAsAdmin("/api/lawyer-roster/lawyers",
                lawyer("李明", "15115201810000021", null, "\"contract\"", "").replace("\"firmId\":" + firm, "\"firmId\":999999")), "firmId");
        assertEquals(before, total("/api/lawyer-roster/lawyers"));

        platform.postAsAdmin("/api/lawyer-roster/lawyers", lawyer("李明", "15115201810000021", null, "\"contract\"", ""));
        Reply duplicate = platform.postAsAdmin("/api/lawyer-roster/lawyers", lawyer("李明", "15115201810000021", null, "\"labour\"", ""));
        assertEquals(409, duplicate.status(), duplicate.toString());
    }

    private static void assertField(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.isProblem());
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains(field), field + " not named in " + reply);
    }

    @Test
    void lawyersAreFoundBySpecialtyLanguageDistrictAndAvailability() {
        long tenancy = platform.postAsAdmin("/api/lawyer-roster/lawyers",
                lawyer("赵静", "15115201810000031", null, "\"tenancy\"", "\"Sat 14:00-22:00\"").replace("\"四川话\"", "\"宜宾话\"")).json().get("id").asLong();
        assertTrue(ids("/api/lawyer-roster/lawyers?specialty=tenancy").contains(tenancy));
        assertTrue(ids("/api/lawyer-roster/lawyers?specialty=租赁").contains(tenancy));
        assertTrue(ids("/api/lawyer-roster/lawyers?language=宜宾话").contains(tenancy));
        assertTrue(ids("/api/lawyer-roster/lawyers?district=宜宾市").contains(tenancy));
        assertTrue(ids("/api/lawyer-roster/lawyers?availableOn=Sat&availableAt=20:00").contains(tenancy));
        assertFalse(ids("/api/lawyer-roster/lawyers?availableOn=Sat&availableAt=22:00").contains(tenancy));
        assertFalse(ids("/api/lawyer-roster/lawyers?district=成都市").contains(tenancy));
        assertField(platform.getAsAdmin("/api/lawyer-roster/lawyers?specialty=magic"), "specialty");
        assertField(platform.getAsAdmin("/api/lawyer-roster/lawyers?availableAt=late"), "availableAt");
    }

    private static List<Long> ids(String path) {
        List<Long> ids = new ArrayList<>();
        platform.getAsAdmin(path + "&size=200").json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void aLawyerWithDutiesOnRecordIsDeactivatedNotDeleted() {
        long served = platform.postAsAdmin("/api/lawyer-roster/lawyers", lawyer("孙伟", "15115201810000041", null, "\"labour\"", "")).json().get("id").asLong();
        Reply duty = platform.postAsAdmin("/api/lawyer-roster/lawyers/" + served + "/duties",
                "{\"start\":\"2026-10-09T19:00\",\"end\":\"2026-10-09T21:30\",\"place\":\"东街夜市\"}");
        assertEquals(201, duty.status(), duty.toString());
        assertEquals(2.5, platform.getAsAdmin("/api/lawyer-roster/lawyers/" + served).json().get("volunteerHours").asDouble());

        Reply removed = platform.deleteAsAdmin("/api/lawyer-roster/lawyers/" + served);
        assertEquals(200, removed.status(), removed.toString());
        assertFalse(removed.json().get("active").asBoolean());
        assertEquals(1, platform.getAsAdmin("/api/lawyer-roster/lawyers/" + served + "/duties").json().size());

        long fresh = platform.postAsAdmin("/api/lawyer-roster/lawyers", lawyer("周洋", "15115201810000042", null, "\"labour\"", "")).json().get("id").asLong();
        assertEquals(204, platform.deleteAsAdmin("/api/lawyer-roster/lawyers/" + fresh).status());
        assertEquals(404, platform.getAsAdmin("/api/lawyer-roster/lawyers/" + fresh).status());

        assertField(platform.postAsAdmin("/api/lawyer-roster/lawyers/" + served + "/duties",
                "{\"start\":\"2026-10-09T21:00\",\"end\":\"2026-10-09T19:00\",\"place\":\"东街夜市\"}"), "end");
    }

    // --- import

    private static final String HEADER = "执业证号,姓名,律所,专业领域,语言,电话,值班时间,在职\n";

    private static byte[] csv(Charset charset, String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(charset);
    }

    private static Reply importFile(byte[] file, String query) {
        return platform.postAsAdmin("/api/lawyer-roster/import" + query, file, "text/csv");
    }

    @Test
    void theSpreadsheetImportsOnceAndAgainChangesNothing() {
        byte[] file = csv(StandardCharsets.UTF_8,
                "15115201910000101,陈静,宜宾金沙江律师事务所,合同;劳动,普通话;宜宾话,13900001111,周五 18:30-22:00,是",
                "15115201910000102,刘强,宜宾金沙江律师事务所,债务与借贷,普通话,,Sat 14:00-22:00,是",
                "\"15115201910000103\",\"黄敏\",\"四川蜀南律师事务所\",\"family、consumer\",\"普通话, 英语\",\"0831-2345678\",\"Mon 18:30-21:00; Wed 18:30-21:00\",true");
        Reply first = importFile(file, "");
        assertEquals(200, first.status(), first.toString());
        assertEquals(3, first.json().get("created").asInt());
        assertEquals(1, first.json().get("firmsCreated").asInt());
        assertEquals("UTF-8", first.json().get("encoding").asText());

        Reply again = importFile(file, "");
        assertEquals(0, again.json().get("created").asInt());
        assertEquals(0, again.json().get("updated").asInt());
        assertEquals(3, again.json().get("unchanged").asInt());

        Reply changed = importFile(csv(StandardCharsets.UTF_8,
                "15115201910000102,刘强,宜宾金沙江律师事务所,债务与借贷;合同,普通话,,Sat 14:00-22:00,是"), "");
        assertEquals(1, changed.json().get("updated").asInt());
    }

    @Test
    void aGb18030ExportFromExcelIsRecognised() {
        Reply report = importFile(csv(Charset.forName("GB18030"),
                "15115201910000201,杨丽,四川川南明法律师事务所,交通,四川话,13700002222,周六 09:00-12:00,是"), "");
        assertEquals(200, report.status(), report.toString());
        assertEquals("GB18030", report.json().get("encoding").asText());
        assertTrue(platform.get("/api/lawyer-roster/public/lawyers?specialty=traffic&size=200").body().contains("杨丽"));

        Reply declaredWrongly = importFile(csv(Charset.forName("GB18030"),
                "15115201910000202,杨洋,四川川南明法律师事务所,交通,四川话,,,是"), "?encoding=UTF-8");
        assertEquals(400, declaredWrongly.status(), declaredWrongly.toString());
        assertTrue(declaredWrongly.json().get("detail").asText().contains("UTF-8"), declaredWrongly.toString());
    }

    @Test
    void oneBadRowRefusesTheWholeFileWithALineAndColumnReport() {
        long before = total("/api/lawyer-roster/lawyers");
        Reply refused = importFile(csv(StandardCharsets.UTF_8,
                "15115201910000301,吴杰,四川蜀南律师事务所,合同,普通话,,,是",
                "1511520191000030,郭涛,四川蜀南律师事务所,风水,普通话,,Fri 19:00-18:00,是"), "");
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        List<String> where = new ArrayList<>();
        refused.json().get("errors").forEach(e -> where.add(e.get("field").asText()));
        assertTrue(where.contains("line 3, licence_no"), where.toString());
        assertTrue(where.contains("line 3, specialties"), where.toString());
        assertTrue(where.contains("line 3, availability"), where.toString());
        assertEquals(before, total("/api/lawyer-roster/lawyers"), "all or nothing");

        Reply missingColumn = importFile("姓名,律所\n王伟,四川蜀南律师事务所\n".getBytes(StandardCharsets.UTF_8), "");
        assertEquals(400, missingColumn.status());
        assertTrue(missingColumn.body().contains("licence_no"), missingColumn.toString());
    }

    @Test
    void aDryRunReportsAndWritesNothing() {
        long before = total("/api/lawyer-roster/lawyers");
        Reply dry = importFile(csv(StandardCharsets.UTF_8,
                "15115201910000401,何超,四川新设律师事务所,合同,普通话,,,是"), "?dryRun=true");
        assertEquals(200, dry.status(), dry.toString());
        assertTrue(dry.json().get("dryRun").asBoolean());
        assertEquals(1, dry.json().get("created").asInt());
        assertEquals(1, dry.json().get("firmsCreated").asInt());
        assertEquals(before, total("/api/lawyer-roster/lawyers"));
        assertFalse(platform.getAsAdmin("/api/lawyer-roster/firms?size=200").body().contains("四川新设律师事务所"));
    }

    // --- rota

    @Test
    void theRotaSpreadsDutiesEvenlyExplainsWhatItCannotFillAndIsTheSameEveryTime() {
        for (int i = 0; i < 4; i++) {
            platform.postAsAdmin("/api/lawyer-roster/lawyers",
                    lawyer("排班律师" + i, "1511520201000050" + i, null, "\"contract\",\"traffic\"", "\"Thu 18:00-22:00\""));
        }
        StringBuilder sessions = new StringBuilder();
        // eight Thursday evenings in 2027, outside every other test's availability
        String[] thursdays = { "2027-01-07", "2027-01-14", "2027-01-21", "2027-01-28", "2027-02-04", "2027-02-11", "2027-02-18", "2027-02-25" };
        for (String day : thursdays) {
            sessions.append("{\"key\":\"dongjie-").append(day).append("\",\"start\":\"").append(day).append("T19:00\",\"end\":\"")
                    .append(day).append("T21:30\",\"place\":\"东街夜市\",\"requiredSpecialties\":[\"contract\"]},");
        }
        sessions.append("{\"key\":\"criminal-clinic\",\"start\":\"2027-01-07T19:00\",\"end\":\"2027-01-07T21:00\",\"place\":\"东街夜市\",\"requiredSpecialties\":[\"criminal\",\"traffic\"]}");
        String request = "{\"maxPerLawyerPerMonth\":4,\"sessions\":[" + sessions + "]}";

        Reply rota = platform.postAsAdmin("/api/lawyer-roster/rota", request);
        assertEquals(200, rota.status(), rota.toString());
        JsonNode assignments = rota.json().get("assignments");
        assertEquals(8, assignments.size(), rota.toString());
        java.util.Map<Long, Integer> perLawyer = new java.util.TreeMap<>();
        assignments.forEach(a -> perLawyer.merge(a.get("lawyerId").asLong(), 1, Integer::sum));
        assertEquals(List.of(2, 2, 2, 2), new ArrayList<>(perLawyer.values()), "four lawyers, eight evenings: two each " + perLawyer);
        assertEquals("criminal-clinic", rota.json().at("/unfilled/0/sessionKey").asText());
        assertTrue(rota.json().at("/unfilled/0/reason").asText().contains("criminal"), rota.toString());

        assertEquals(rota.body(), platform.postAsAdmin("/api/lawyer-roster/rota", request).body(), "deterministic");

        assertField(platform.postAsAdmin("/api/lawyer-roster/rota", "{\"maxPerLawyerPerMonth\":0,\"sessions\":[" + sessions + "]}"), "maxPerLawyerPerMonth");
        assertField(platform.postAsAdmin("/api/lawyer-roster/rota",
                "{\"maxPerLawyerPerMonth\":2,\"sessions\":[{\"key\":\"x\",\"start\":\"2027-01-07T21:00\",\"end\":\"2027-01-07T19:00\"}]}"), "sessions[0].end");
    }

    // --- operators limited to places

    @Test
    void anOperatorLimitedToADistrictWorksWithItsFirmsAndLawyersAndNoOthers() {
        long ours = platform.postAsAdmin("/api/lawyer-roster/firms", "{\"name\":\"甲区律师事务所\",\"district\":\"测试市/甲区\"}").json().get("id").asLong();
        long theirs = platform.postAsAdmin("/api/lawyer-roster/firms", "{\"name\":\"乙区律师事务所\",\"district\":\"测试市/乙区\"}").json().get("id").asLong();
        String sunday = "\"Sun 08:00-10:00\"";
        long ourLawyer = platform.postAsAdmin("/api/lawyer-roster/lawyers", lawyerAt(ours, "甲律师", "15115202210000601", sunday)).json().get("id").asLong();
        long theirLawyer = platform.postAsAdmin("/api/lawyer-roster/lawyers", lawyerAt(theirs, "乙律师", "15115202210000602", sunday)).json().get("id").asLong();
        Account operator = Account.create(platform, "jia.operator", "lawyer-roster.operator@测试市/甲区");

        List<Long> firms = ids(operator.get("/api/lawyer-roster/firms?size=200"));
        assertTrue(firms.contains(ours) && !firms.contains(theirs), "the firms of the district only: " + firms);
        List<Long> lawyers = ids(operator.get("/api/lawyer-roster/lawyers?size=200"));
        assertEquals(List.of(ourLawyer), lawyers, "the lawyers of the district's firms only");
        assertEquals(1, operator.get("/api/lawyer-roster/lawyers?size=200").json().get("total").asInt(), "counted before paging");
        assertEquals(200, operator.get("/api/lawyer-roster/lawyers/" + ourLawyer).status());
        assertOutside(operator.get("/api/lawyer-roster/lawyers/" + theirLawyer), "id");
        assertOutside(operator.get("/api/lawyer-roster/lawyers/" + theirLawyer + "/duties"), "id");
        assertOutside(operator.get("/api/lawyer-roster/firms/" + theirs), "id");

        String duty = "{\"start\":\"2026-11-01T08:00\",\"end\":\"2026-11-01T10:00\",\"place\":\"甲区夜市\"}";
        assertOutside(operator.post("/api/lawyer-roster/lawyers/" + theirLawyer + "/duties", duty), "id");
        assertOutside(operator.post("/api/lawyer-roster/lawyers", lawyerAt(theirs, "越界律师", "15115202210000603", sunday)), "firmId");
        assertOutside(operator.put("/api/lawyer-roster/lawyers/" + ourLawyer, lawyerAt(theirs, "甲律师", "15115202210000601", sunday)), "firmId");
        assertOutside(operator.put("/api/lawyer-roster/lawyers/" + theirLawyer, lawyerAt(ours, "改名", "15115202210000602", sunday)), "id");
        assertOutside(operator.delete("/api/lawyer-roster/lawyers/" + theirLawyer), "id");
        assertOutside(operator.post("/api/lawyer-roster/firms", "{\"name\":\"越界律师事务所\",\"district\":\"测试市/乙区\"}"), "district");
        assertOutside(operator.post("/api/lawyer-roster/firms", "{\"name\":\"无址律师事务所\"}"), "district");
        assertOutside(operator.put("/api/lawyer-roster/firms/" + ours, "{\"name\":\"甲区律师事务所\",\"district\":\"测试市/乙区\"}"), "district");
        assertOutside(operator.put("/api/lawyer-roster/firms/" + theirs, "{\"name\":\"乙区律师事务所\",\"district\":\"测试市/甲区\"}"), "id");
        assertOutside(operator.delete("/api/lawyer-roster/firms/" + theirs), "id");

        JsonNode their = platform.getAsAdmin("/api/lawyer-roster/lawyers/" + theirLawyer).json();
        assertEquals("乙律师", their.get("name").asText(), "nothing refused was written");
        assertTrue(their.get("active").asBoolean());
        assertEquals(ours, platform.getAsAdmin("/api/lawyer-roster/lawyers/" + ourLawyer).json().at("/firm/id").asLong());
        assertEquals(0, platform.getAsAdmin("/api/lawyer-roster/lawyers/" + theirLawyer + "/duties").json().size());
        assertEquals("测试市/乙区", platform.getAsAdmin("/api/lawyer-roster/firms/" + theirs).json().get("district").asText());
        assertFalse(platform.getAsAdmin("/api/lawyer-roster/firms?size=200").body().contains("越界律师事务所"));

        assertEquals(201, operator.post("/api/lawyer-roster/lawyers/" + ourLawyer + "/duties", duty).status());
        Reply changed = operator.put("/api/lawyer-roster/lawyers/" + ourLawyer, lawyerAt(ours, "甲律师（改）", "15115202210000601", sunday));
        assertEquals(200, changed.status(), changed.toString());

        // An import with one row outside the district is refused whole, row by row.
        long before = platform.getAsAdmin("/api/lawyer-roster/lawyers").json().get("total").asLong();
        Reply refused = importAs(operator, csv(StandardCharsets.UTF_8,
                "15115202210000604,甲新人,甲区律师事务所,合同,普通话,,,是",
                "15115202210000605,乙新人,乙区律师事务所,合同,普通话,,,是",
                "15115202210000602,乙律师,甲区律师事务所,合同,普通话,,,是",
                "15115202210000606,新所新人,未登记律师事务所,合同,普通话,,,是"));
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains("测试市/甲区"), refused.toString());
        List<String> where = new ArrayList<>();
        refused.json().get("errors").forEach(e -> where.add(e.get("field").asText()));
        assertEquals(List.of("line 3, firm", "line 4, licence_no", "line 5, firm"), where, refused.toString());
        assertEquals(before, platform.getAsAdmin("/api/lawyer-roster/lawyers").json().get("total").asLong(), "nothing half-loaded");
        Reply imported = importAs(operator, csv(StandardCharsets.UTF_8, "15115202210000604,甲新人,甲区律师事务所,合同,普通话,,,是"));
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(1, imported.json().get("created").asInt());

        // The district's rota is served by the district's lawyers.
        String rota = "{\"maxPerLawyerPerMonth\":4,\"sessions\":[{\"key\":\"sunday\",\"start\":\"2027-03-07T08:00\",\"end\":\"2027-03-07T09:00\"}]}";
        Reply planned = operator.post("/api/lawyer-roster/rota", rota);
        assertEquals(200, planned.status(), planned.toString());
        assertEquals(ourLawyer, planned.json().at("/assignments/0/lawyerId").asLong(), planned.toString());

        Account everywhere = Account.create(platform, "city.operator", "lawyer-roster.operator");
        List<Long> all = ids(everywhere.get("/api/lawyer-roster/lawyers?size=200"));
        assertTrue(all.contains(ourLawyer) && all.contains(theirLawyer), all.toString());
        assertEquals(200, everywhere.get("/api/lawyer-roster/lawyers/" + theirLawyer).status());
        assertTrue(ids(everywhere.get("/api/lawyer-roster/firms?size=200")).contains(theirs));
    }

    private static Reply importAs(Account account, byte[] file) {
        return platform.send(account.signed("/api/lawyer-roster/import").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    private static String lawyerAt(long firmId, String name, String licence, String availability) {
        return "{\"name\":\"" + name + "\",\"licenceNo\":\"" + licence + "\",\"firmId\":" + firmId
                + ",\"specialties\":[\"contract\"],\"availability\":[" + availability + "]}";
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
        assertTrue(reply.json().get("detail").asText().contains("测试市/甲区"), "names the operator's places: " + reply);
    }
}
