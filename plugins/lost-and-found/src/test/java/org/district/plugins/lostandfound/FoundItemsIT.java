package org.district.plugins.lostandfound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.district.platform.testkit.Account;
import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.district.platform.testkit.WithPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A desk's keepers record what is handed in and give it back; anyone who lost something looks for it. */
@WithPlatform(modules = "lost-and-found")
class FoundItemsIT {

    static final String ITEMS = "/api/lost-and-found/items";
    static final String PUBLIC = "/api/lost-and-found/public/items";
    static final String KEEPER = "lost-and-found.keeper";

    static String item(String description, String category, OffsetDateTime foundAt) {
        return "{\"description\":\"" + description + "\",\"category\":\"" + category + "\",\"place\":\"玉林西路公交站\","
                + "\"desk\":\"玉林社区服务中心\",\"foundAt\":\"" + foundAt + "\"}";
    }

    static OffsetDateTime hoursAgo(int hours) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(hours).withNano(0);
    }

    @Test
    void aKeeperRecordsAnItemThatAnyoneThenFindsWithoutAWordAboutWhoFoundOrClaimedIt(RunningPlatform platform) {
        Account keeper = Account.create(platform, "zhou.keeper", KEEPER);

        OffsetDateTime foundAt = hoursAgo(3);
        Reply recorded = keeper.post(ITEMS, item("蓝色头盔，侧面有贴纸", "helmet", foundAt));

        assertEquals(201, recorded.status(), recorded.toString());
        long id = recorded.json().get("id").asLong();
        assertTrue(recorded.headers().get("Location").get(0).endsWith(ITEMS + "/" + id));
        assertEquals("held", recorded.json().get("status").asText());
        JsonNode listed = find(platform.get(PUBLIC + "?category=helmet&size=200").json(), id);
        assertEquals("蓝色头盔，侧面有贴纸", listed.get("description").asText());
        assertEquals("玉林社区服务中心", listed.get("desk").asText());
        assertEquals(foundAt.toInstant(), OffsetDateTime.parse(listed.get("foundAt").asText()).toInstant());
        assertFalse(listed.has("status") || listed.has("claimantName") || listed.has("recordedAt"), listed.toString());
    }

    @Test
    void aClaimedItemLeavesThePublicListItsClaimantIsMaskedInListsAndReadingItInFullIsAudited(RunningPlatform platform) {
        Account keeper = Account.create(platform, "wu.keeper", KEEPER);
        long id = keeper.post(ITEMS, item("黑色钱包", "bag", hoursAgo(30))).json().get("id").asLong();

        Reply claimed = keeper.post(ITEMS + "/" + id + "/claim", "{\"name\":\"陈师傅\",\"phone\":\"13800001234\"}");
        assertEquals(200, claimed.status(), claimed.toString());
        assertEquals("claimed", claimed.json().get("status").asText());

        assertTrue(platform.get(PUBLIC + "?size=200").json().findValues("id").stream().noneMatch(v -> v.asLong() == id));
        JsonNode inList = find(keeper.get(ITEMS + "?status=claimed&size=200").json(), id);
        assertEquals("陈**", inList.get("claimantName").asText());
        assertEquals("138****1234", inList.get("claimantPhone").asText());

        JsonNode full = keeper.get(ITEMS + "/" + id).json();
        assertEquals("13800001234", full.get("claimantPhone").asText());
        JsonNode read = platform.getAsAdmin("/api/admin/audit?module=lost-and-found").json().at("/items/0");
        assertEquals("personal-data.read", read.get("action").asText(), read.toString());
        assertEquals("found item " + id, read.get("subject").asText());
        assertEquals("wu.keeper", read.get("actor").asText());

        Reply again = keeper.post(ITEMS + "/" + id + "/claim", "{\"name\":\"李女士\",\"phone\":\"13900005678\"}");
        assertEquals(409, again.status(), again.toString());
        assertTrue(again.isProblem(), again.contentType());
    }

    @Test
    void aRecordOrAClaimThatBreaksTheRulesIsAProblemThatNamesEachField(RunningPlatform platform) {
        Reply refused = platform.postAsAdmin(ITEMS, "{\"description\":\" \",\"category\":\"helmet\",\"place\":\"驿站\",\"desk\":\"驿站\","
                + "\"foundAt\":\"" + hoursAgo(-48) + "\"}");
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.contentType());
        assertEquals(List.of("description", "foundAt"), fields(refused));

        Reply unknown = platform.postAsAdmin(ITEMS, item("雨伞", "umbrella", hoursAgo(1)));
        assertEquals(400, unknown.status(), unknown.toString());
        assertEquals(List.of("category"), fields(unknown));
        assertTrue(unknown.json().at("/errors/0/message").asText().startsWith("must be one of helmet, phone"), unknown.body());

        long id = platform.postAsAdmin(ITEMS, item("雨伞", "other", hoursAgo(1))).json().get("id").asLong();
        Reply badPhone = platform.postAsAdmin(ITEMS + "/" + id + "/claim", "{\"name\":\"王先生\",\"phone\":\"12345\"}");
        assertEquals(400, badPhone.status(), badPhone.toString());
        assertEquals(List.of("phone"), fields(badPhone));
        assertEquals("held", platform.getAsAdmin(ITEMS + "/" + id).json().get("status").asText(), "nothing changed");
    }

    @Test
    void onlyKeepersAndAdminsUseTheDeskWhileAnyoneLooksForWhatTheyLost(RunningPlatform platform) {
        assertEquals(401, platform.get(ITEMS).status());
        Account resident = Account.create(platform, "liu.resident");
        assertEquals(403, resident.get(ITEMS).status());
        assertEquals(403, resident.post(ITEMS, item("雨伞", "other", hoursAgo(1))).status());
        assertEquals(200, platform.get(PUBLIC).status());
        assertEquals("helmet", platform.get("/api/lost-and-found/public/categories").json().at("/0/code").asText());
    }

    @Test
    void aListAskedForWithAWrongParameterIsAProblemThatNamesIt(RunningPlatform platform) {
        assertEquals(List.of("size"), fields(platform.get(PUBLIC + "?size=0")));
        assertEquals(List.of("status"), fields(platform.getAsAdmin(ITEMS + "?status=lost")));
        Reply missing = platform.getAsAdmin(ITEMS + "/424242");
        assertEquals(404, missing.status());
        assertEquals("There is no found item 424242.", missing.json().get("detail").asText());
    }

    static JsonNode find(JsonNode page, long id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("item " + id + " is not in " + page);
    }

    static List<String> fields(Reply problem) {
        List<String> fields = new ArrayList<>();
        problem.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields.stream().sorted().toList();
    }
}
