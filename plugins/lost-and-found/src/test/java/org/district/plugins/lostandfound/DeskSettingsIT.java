package org.district.plugins.lostandfound;

import static org.district.plugins.lostandfound.FoundItemsIT.ITEMS;
import static org.district.plugins.lostandfound.FoundItemsIT.fields;
import static org.district.plugins.lostandfound.FoundItemsIT.find;
import static org.district.plugins.lostandfound.FoundItemsIT.hoursAgo;
import static org.district.plugins.lostandfound.FoundItemsIT.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.district.platform.testkit.WithPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A city sets its desks through the admin API (the console's settings form); each change applies to the next request. */
@WithPlatform(modules = "lost-and-found")
class DeskSettingsIT {

    static final String CONFIG = "/api/admin/modules/lost-and-found/config";
    static final String SETTINGS = CONFIG + "/" + Desk.PID;

    @Test
    void theSettingsAreDescribedInTheAdminsLanguageWithTheirRanges(RunningPlatform platform) {
        JsonNode zh = platform.getAsAdmin(CONFIG + "?lang=zh-CN").json().at("/configurations/0");
        assertEquals(Desk.PID, zh.get("pid").asText(), zh.toString());
        assertEquals("失物招领", zh.get("name").asText());
        assertEquals("保管天数", setting(zh, "holdDays").get("name").asText());

        JsonNode en = platform.getAsAdmin(CONFIG + "?lang=en").json().at("/configurations/0");
        JsonNode hold = setting(en, "holdDays");
        assertEquals("Days an item is held", hold.get("name").asText());
        assertEquals("1", hold.get("min").asText());
        assertEquals("365", hold.get("max").asText());
        assertEquals("[\"90\"]", hold.get("defaults").toString());
        assertEquals("helmet|头盔|Helmet", setting(en, "categories").at("/defaults/0").asText());
    }

    @Test
    void aCategoryTheCityAddsCanBeRecordedAtOnce(RunningPlatform platform) {
        assertEquals(400, platform.postAsAdmin(ITEMS, item("红色雨伞", "umbrella", hoursAgo(2))).status());
        Reply changed = platform.putAsAdmin(SETTINGS, "{\"categories\":[\"helmet|头盔|Helmet\",\"umbrella|雨伞|Umbrella\",\"other|其他|Other\"]}");
        assertEquals(200, changed.status(), changed.toString());
        try {
            assertEquals(201, platform.postAsAdmin(ITEMS, item("红色雨伞", "umbrella", hoursAgo(2))).status());
            assertEquals("雨伞", platform.get("/api/lost-and-found/public/categories").json().at("/1/zh").asText());
        } finally {
            assertEquals(200, platform.putAsAdmin(SETTINGS, "{\"categories\":null}").status());
        }
        assertEquals(400, platform.postAsAdmin(ITEMS, item("红色雨伞", "umbrella", hoursAgo(2))).status(), "the defaults again");
    }

    @Test
    void anItemHeldLongerThanTheCityHoldsItemsIsDue(RunningPlatform platform) {
        long id = platform.postAsAdmin(ITEMS, item("旧背包", "bag", hoursAgo(24 * 10))).json().get("id").asLong();
        assertFalse(find(platform.getAsAdmin(ITEMS + "?size=200").json(), id).get("due").asBoolean(), "ten days of ninety");

        assertEquals(200, platform.putAsAdmin(SETTINGS, "{\"holdDays\":7}").status());
        try {
            JsonNode due = find(platform.getAsAdmin(ITEMS + "?due=true&size=200").json(), id);
            assertTrue(due.get("due").asBoolean(), due.toString());
        } finally {
            assertEquals(200, platform.putAsAdmin(SETTINGS, "{\"holdDays\":null}").status());
        }
    }

    @Test
    void aHoldingTimeOutOfItsRangeChangesNothing(RunningPlatform platform) {
        Reply refused = platform.putAsAdmin(SETTINGS, "{\"holdDays\":0}");

        assertEquals(400, refused.status(), refused.toString());
        assertEquals(java.util.List.of("holdDays"), fields(refused));
        assertTrue(setting(platform.getAsAdmin(CONFIG).json().at("/configurations/0"), "holdDays").path("value").isMissingNode());
    }

    static JsonNode setting(JsonNode configuration, String id) {
        for (JsonNode setting : configuration.get("settings")) {
            if (setting.get("id").asText().equals(id)) {
                return setting;
            }
        }
        throw new AssertionError("no setting " + id + " in " + configuration);
    }
}
