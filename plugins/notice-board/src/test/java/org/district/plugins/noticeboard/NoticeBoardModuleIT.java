package org.district.plugins.noticeboard;

import static org.district.plugins.noticeboard.NoticesIT.NOTICES;
import static org.district.plugins.noticeboard.NoticesIT.notice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.district.platform.testkit.Modules;
import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.district.platform.testkit.WithPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The board as an admin sees it: named in both languages with its editor role, switched off and on, restarted. */
@WithPlatform(modules = "notice-board")
class NoticeBoardModuleIT {

    private static final String ID = "notice-board";

    @Test
    void theBoardIsListedInEnglishAndChineseWithItsEditorRole(Modules modules) {
        JsonNode board = modules.describe(ID);

        assertEquals("Community notice board", board.at("/name/en").asText());
        assertEquals("社区公告栏", board.at("/name/zh-CN").asText());
        assertEquals("community", board.get("category").asText());
        assertEquals("[\"notice-board.editor\"]", board.get("roles").toString());
    }

    @Test
    void switchedOffTheBoardAnswersNotFoundAndComesBackWithEveryNotice(RunningPlatform platform, Modules modules) {
        long id = platform.postAsAdmin(NOTICES, notice("社区议事会", "玉林社区", null)).json().get("id").asLong();

        modules.disable(ID);
        Reply gone = platform.get(NOTICES + "/" + id);
        assertEquals(404, gone.status(), gone.toString());
        assertEquals("Module 'notice-board' is disabled.", gone.json().get("detail").asText());

        modules.enable(ID);
        assertEquals("社区议事会", platform.get(NOTICES + "/" + id).json().get("title").asText());
    }

    @Test
    void theNoticesOutliveARestart(RunningPlatform platform) {
        long id = platform.postAsAdmin(NOTICES, notice("重启之后仍在", "玉林社区", null)).json().get("id").asLong();

        platform.restart();

        assertEquals("enabled", platform.moduleState(ID));
        assertEquals("重启之后仍在", platform.get(NOTICES + "/" + id).json().get("title").asText());
    }
}
