package org.district.plugins.noticeboard;

import static org.district.plugins.noticeboard.NoticesIT.NOTICES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.WithPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** With demo data switched on, a new board shows what communities in Chengdu and Yibin post. */
@WithPlatform(modules = "notice-board", settings = "DISTRICT_DEMO_DATA=true")
class DemoDataIT {

    @Test
    void aNewBoardShowsTheDemoNoticesOfThreeCommunities(RunningPlatform platform) {
        JsonNode page = platform.get(NOTICES).json();

        assertEquals(3, page.get("total").asLong(), page.toString());
        TreeSet<String> communities = new TreeSet<>();
        page.get("items").forEach(notice -> communities.add(notice.get("community").asText()));
        assertEquals(new TreeSet<>(List.of("成都市锦江区春熙路街道", "成都市武侯区玉林街道", "宜宾市翠屏区东街社区")), communities);
        assertEquals("东街夜市法律服务", page.at("/items/0/title").asText(), "the newest first");
    }
}
