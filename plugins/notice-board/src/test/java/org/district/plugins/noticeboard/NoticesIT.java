package org.district.plugins.noticeboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.district.platform.testkit.Account;
import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.district.platform.testkit.WithPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Residents read a community's notices; its editors post them and take them down. */
@WithPlatform(modules = "notice-board")
class NoticesIT {

    static final String NOTICES = "/api/notice-board/notices";

    static String notice(String title, String community, String expiresAt) {
        return "{\"title\":\"" + title + "\",\"body\":\"" + title + "：详见社区服务中心。\",\"community\":\"" + community + "\",\"expiresAt\":"
                + (expiresAt == null ? "null" : "\"" + expiresAt + "\"") + "}";
    }

    @Test
    void anyoneReadsACommunitysCurrentNoticesNewestFirstOnePageAtATime(RunningPlatform platform) {
        String yulin = "成都市武侯区玉林街道";
        long first = platform.postAsAdmin(NOTICES, notice("电动车电池免费检测", yulin, "2099-01-01T00:00:00+08:00")).json().get("id").asLong();
        long second = platform.postAsAdmin(NOTICES, notice("骑手驿站夜间开放", yulin, null)).json().get("id").asLong();
        platform.postAsAdmin(NOTICES, notice("东街夜市法律服务", "宜宾市翠屏区东街社区", null));

        JsonNode page = platform.get(NOTICES + "?community=" + URLEncoder.encode(yulin, StandardCharsets.UTF_8)
                + "&page=0&size=1").json();
        assertEquals(2, page.get("total").asLong(), page.toString());
        assertEquals(second, page.at("/items/0/id").asLong(), "the newest first");
        JsonNode next = platform.get(NOTICES + "?community=" + URLEncoder.encode(yulin, StandardCharsets.UTF_8)
                + "&page=1&size=1").json();
        assertEquals(first, next.at("/items/0/id").asLong());
        assertEquals(OffsetDateTime.parse("2099-01-01T00:00:00+08:00").toInstant(),
                OffsetDateTime.parse(next.at("/items/0/expiresAt").asText()).toInstant(), next.toString());
    }

    @Test
    void anEditorPostsANoticeAndTakesItDown(RunningPlatform platform) {
        Account editor = Account.create(platform, "zhao.editor", "notice-board.editor");

        Reply posted = editor.post(NOTICES, notice("社区义诊", "成都市锦江区春熙路街道", null));
        assertEquals(201, posted.status(), posted.toString());
        long id = posted.json().get("id").asLong();
        assertTrue(posted.headers().get("Location").get(0).endsWith(NOTICES + "/" + id), posted.headers().toString());
        assertEquals("社区义诊", platform.get(NOTICES + "/" + id).json().get("title").asText());

        assertEquals(204, editor.delete(NOTICES + "/" + id).status());
        Reply gone = platform.get(NOTICES + "/" + id);
        assertEquals(404, gone.status());
        assertTrue(gone.isProblem(), gone.contentType());
        assertEquals("There is no notice " + id + ".", gone.json().get("detail").asText());
    }

    @Test
    void aNoticeThatBreaksTheRulesIsAProblemThatNamesEachField(RunningPlatform platform) {
        Reply refused = platform.postAsAdmin(NOTICES, "{\"title\":\" \",\"body\":\"停水通知\",\"community\":\"玉林社区\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}");

        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.contentType());
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(List.of("expiresAt", "title"), fields.stream().sorted().toList(), refused.body());
    }

    @Test
    void onlyEditorsAndAdminsPostOrTakeDownNotices(RunningPlatform platform) {
        String notice = notice("停电通知", "玉林社区", null);
        Reply anonymous = platform.send(platform.request(NOTICES).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(notice)));
        assertEquals(401, anonymous.status(), anonymous.toString());

        Account resident = Account.create(platform, "liu.resident");
        assertEquals(403, resident.post(NOTICES, notice).status());
        long id = platform.postAsAdmin(NOTICES, notice).json().get("id").asLong();
        assertEquals(403, resident.delete(NOTICES + "/" + id).status());
        assertEquals(200, resident.get(NOTICES + "/" + id).status(), "reading is for anyone");
    }
}
