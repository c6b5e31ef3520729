package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.district.platform.testkit.Modules;
import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.district.platform.testkit.WithPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The module as an admin sees it: its names, roles and settings, its console page, and switching it
 * off and on again without losing its data.
 */
@WithPlatform(modules = "${moduleId}")
class ModuleIT {

    private static final String ID = "${moduleId}";
    private static final String ITEMS = "/api/" + ID + "/items";

    @Test
    void theModuleIsListedWithItsNamesAndItsRole(Modules modules) {
        JsonNode module = modules.describe(ID);

        assertEquals("${moduleName}", module.at("/name/en").asText());
        assertEquals("${moduleNameZh}", module.at("/name/zh-CN").asText());
        assertEquals("[\"" + ID + ".editor\"]", module.get("roles").toString());
    }

    @Test
    void theCitysLimitOnItemsAppliesAtOnce(RunningPlatform platform) {
        String settings = "/api/admin/modules/" + ID + "/config/" + Items.PID;
        JsonNode described = platform.getAsAdmin("/api/admin/modules/" + ID + "/config?lang=zh-CN").json();
        assertEquals(Items.PID, described.at("/configurations/0/pid").asText(), described.toString());
        assertEquals("maxItems", described.at("/configurations/0/settings/0/id").asText());
        assertEquals("条目上限", described.at("/configurations/0/settings/0/name").asText(), "the settings are described in Chinese too");

        long items = platform.get(ITEMS).json().get("total").asLong();
        Reply limited = platform.putAsAdmin(settings, "{\"maxItems\":" + (items + 1) + "}");
        assertEquals(200, limited.status(), limited.toString());
        try {
            assertEquals(201, platform.postAsAdmin(ITEMS, "{\"name\":\"The last one allowed\"}").status());
            Reply refused = platform.postAsAdmin(ITEMS, "{\"name\":\"One too many\"}");
            assertEquals(409, refused.status(), refused.toString());
            assertTrue(refused.isProblem(), refused.contentType());
        } finally {
            platform.putAsAdmin(settings, "{\"maxItems\":null}");
        }

        Reply outOfRange = platform.putAsAdmin(settings, "{\"maxItems\":0}");
        assertEquals(400, outOfRange.status(), "the platform checks the Metatype range: " + outOfRange);
        assertEquals("maxItems", outOfRange.json().at("/errors/0/field").asText(), outOfRange.body());
    }

    @Test
    void theConsolePageAndTheItemsComeAndGoWithTheModule(RunningPlatform platform, Modules modules) {
        long id = platform.postAsAdmin(ITEMS, "{\"name\":\"Kept while switched off\"}").json().get("id").asLong();
        assertTrue(pages(platform).contains("\"module\":\"" + ID + "\""), pages(platform));
        Reply script = platform.get("/console/modules/" + ID + "/items.js");
        assertEquals(200, script.status(), script.toString());
        assertTrue(script.body().contains("export async function mount"), script.body());

        modules.disable(ID);
        Reply gone = platform.get(ITEMS + "/" + id);
        assertEquals(404, gone.status(), gone.toString());
        assertTrue(gone.isProblem(), gone.contentType());
        assertTrue(!pages(platform).contains("\"module\":\"" + ID + "\""), pages(platform));

        modules.enable(ID);
        assertEquals("Kept while switched off", platform.get(ITEMS + "/" + id).json().get("name").asText());
    }

    private static String pages(RunningPlatform platform) {
        return platform.getAsAdmin("/api/console/pages").body();
    }
}
