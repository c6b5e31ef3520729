package org.district.plugins.lostandfound;

import static org.district.plugins.lostandfound.DeskSettingsIT.CONFIG;
import static org.district.plugins.lostandfound.DeskSettingsIT.SETTINGS;
import static org.district.plugins.lostandfound.DeskSettingsIT.setting;
import static org.district.plugins.lostandfound.FoundItemsIT.ITEMS;
import static org.district.plugins.lostandfound.FoundItemsIT.KEEPER;
import static org.district.plugins.lostandfound.FoundItemsIT.hoursAgo;
import static org.district.plugins.lostandfound.FoundItemsIT.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.district.platform.testkit.Account;
import org.district.platform.testkit.Modules;
import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.district.platform.testkit.WithPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The module as an admin runs it: its names and role, its console page for keepers, switched off and
 * on without losing anything, a restart, and the city's retention of claimants' personal data.
 */
@WithPlatform(modules = "lost-and-found")
class LostAndFoundModuleIT {

    private static final String ID = "lost-and-found";

    @Test
    void theModuleIsListedInEnglishAndChineseWithItsKeeperRole(Modules modules) {
        JsonNode module = modules.describe(ID);

        assertEquals("Lost and found", module.at("/name/en").asText());
        assertEquals("失物招领", module.at("/name/zh-CN").asText());
        assertEquals("community", module.get("category").asText());
        assertEquals("[\"" + KEEPER + "\"]", module.get("roles").toString());
    }

    @Test
    void keepersSeeTheDeskPageWhichGoesAndComesBackWithTheModuleAndItsItems(RunningPlatform platform, Modules modules) {
        Account keeper = Account.create(platform, "sun.keeper", KEEPER);
        Account resident = Account.create(platform, "zhao.resident");
        long id = keeper.post(ITEMS, item("灰色外套", "clothing", hoursAgo(1))).json().get("id").asLong();
        JsonNode page = keeper.get("/api/console/pages").json().get(0);
        assertEquals("lost-and-found", page.get("module").asText(), page.toString());
        assertEquals("失物招领处", page.at("/title/zh-CN").asText());
        assertEquals("Lost-and-found desk", page.at("/title/en").asText());
        assertEquals("[]", resident.get("/api/console/pages").body());
        Reply script = platform.get(page.get("script").asText());
        assertEquals(200, script.status());
        assertTrue(script.body().contains("export async function mount(root, console)"));

        modules.disable(ID);
        assertEquals(404, keeper.get(ITEMS + "/" + id).status());
        assertEquals("[]", keeper.get("/api/console/pages").body());
        assertEquals(404, platform.get(page.get("script").asText()).status());

        modules.enable(ID);
        assertEquals("灰色外套", keeper.get(ITEMS + "/" + id).json().get("description").asText());
        assertEquals(1, keeper.get("/api/console/pages").json().size());
    }

    @Test
    void itemsAndSettingsOutliveARestart(RunningPlatform platform) {
        long id = platform.postAsAdmin(ITEMS, item("身份证", "documents", hoursAgo(5))).json().get("id").asLong();
        assertEquals(200, platform.putAsAdmin(SETTINGS, "{\"holdDays\":30}").status());
        try {
            platform.restart();

            assertEquals("enabled", platform.moduleState(ID));
            assertEquals("身份证", platform.getAsAdmin(ITEMS + "/" + id).json().get("description").asText());
            assertEquals(30, setting(platform.getAsAdmin(CONFIG).json().at("/configurations/0"), "holdDays").get("value").asInt());
        } finally {
            platform.putAsAdmin(SETTINGS, "{\"holdDays\":null}");
        }
    }

    @Test
    void claimantsAreForgottenOnceTheCitysRetentionHasPassedAndTheItemStays(RunningPlatform platform) {
        long id = platform.postAsAdmin(ITEMS, item("银色手表", "other", hoursAgo(6))).json().get("id").asLong();
        assertEquals(200, platform.postAsAdmin(ITEMS + "/" + id + "/claim", "{\"name\":\"马先生\",\"phone\":\"13700002222\"}").status());
        JsonNode claims = platform.getAsAdmin("/api/admin/retention").json();
        assertTrue(claims.toString().contains("\"module\":\"lost-and-found\",\"dataset\":\"claims\""), claims.toString());
        assertEquals(180, retention(claims).get("defaultDays").asInt());

        assertEquals(200, platform.putAsAdmin("/api/admin/retention/lost-and-found/claims", "{\"days\":0}").status());
        try {
            assertEquals(200, platform.postAsAdmin("/api/admin/retention/purge", null).status());
        } finally {
            platform.putAsAdmin("/api/admin/retention/lost-and-found/claims", "{\"days\":180}");
        }

        JsonNode item = platform.getAsAdmin(ITEMS + "/" + id).json();
        assertEquals("claimed", item.get("status").asText());
        assertFalse(item.has("claimantName") || item.has("claimantPhone"), item.toString());
    }

    private static JsonNode retention(JsonNode datasets) {
        for (JsonNode dataset : datasets) {
            if (dataset.get("module").asText().equals(ID)) {
                return dataset;
            }
        }
        throw new AssertionError("no retention of " + ID + " in " + datasets);
    }
}
