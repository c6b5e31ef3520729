package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;

import org.district.platform.testkit.Account;
import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.district.platform.testkit.WithPlatform;
import org.junit.jupiter.api.Test;

/** The items as editors and readers use them, over HTTP against a real platform holding this module. */
@WithPlatform(modules = "${moduleId}")
class ItemsIT {

    private static final String ITEMS = "/api/${moduleId}/items";

    @Test
    void anEditorAddsAnItemThatAnyoneThenReads(RunningPlatform platform) {
        Account editor = Account.create(platform, "li.editor", "${moduleId}.editor");

        Reply added = editor.post(ITEMS, "{\"name\":\"Night-market stall\",\"description\":\"Open Fridays from 19:00\"}");

        assertEquals(201, added.status(), added.toString());
        long id = added.json().get("id").asLong();
        assertTrue(added.headers().get("Location").get(0).endsWith(ITEMS + "/" + id), added.headers().toString());
        Reply read = platform.get(ITEMS + "/" + id);
        assertEquals(200, read.status(), read.toString());
        assertEquals("Night-market stall", read.json().get("name").asText());
        assertEquals("Open Fridays from 19:00", read.json().get("description").asText());
        Reply page = platform.get(ITEMS + "?page=0&size=1");
        assertEquals(id, page.json().at("/items/0/id").asLong(), "the newest item comes first");
        assertEquals(1, page.json().get("size").asInt());
    }

    @Test
    void anItemWithoutANameIsAProblemThatNamesTheField(RunningPlatform platform) {
        Reply refused = platform.postAsAdmin(ITEMS, "{\"name\":\"  \"}");

        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.contentType());
        assertEquals("name", refused.json().at("/errors/0/field").asText(), refused.body());
    }

    @Test
    void onlyEditorsAndAdminsAddOrRemoveItems(RunningPlatform platform) {
        String item = "{\"name\":\"Lost umbrella\"}";
        Reply anonymous = platform.send(platform.request(ITEMS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(item)));
        assertEquals(401, anonymous.status(), anonymous.toString());

        Account reader = Account.create(platform, "wang.reader");
        assertEquals(403, reader.post(ITEMS, item).status());

        long id = platform.postAsAdmin(ITEMS, item).json().get("id").asLong();
        assertEquals(403, reader.delete(ITEMS + "/" + id).status());
        assertEquals(204, platform.deleteAsAdmin(ITEMS + "/" + id).status());
        assertEquals(404, platform.get(ITEMS + "/" + id).status());
    }

    @Test
    void aMissingItemIsANotFoundProblem(RunningPlatform platform) {
        Reply missing = platform.get(ITEMS + "/987654");

        assertEquals(404, missing.status(), missing.toString());
        assertTrue(missing.isProblem(), missing.contentType());
        assertEquals("There is no item 987654.", missing.json().get("detail").asText());
    }

    @Test
    void aPageTooLargeIsAProblemThatNamesTheParameter(RunningPlatform platform) {
        Reply refused = platform.get(ITEMS + "?size=100000");

        assertEquals(400, refused.status(), refused.toString());
        assertEquals("size", refused.json().at("/errors/0/field").asText(), refused.body());
    }
}
