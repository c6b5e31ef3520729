package org.district.plugins.lostandfound;

import static org.district.plugins.lostandfound.FoundItemsIT.ITEMS;
import static org.district.plugins.lostandfound.FoundItemsIT.PUBLIC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.WithPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** With demo data switched on, the desks hold what riders and residents handed in, and one phone went back. */
@WithPlatform(modules = "lost-and-found", settings = "DISTRICT_DEMO_DATA=true")
class DemoDataIT {

    @Test
    void theDesksHoldThreeItemsAndOnePhoneWentBackToItsOwner(RunningPlatform platform) {
        JsonNode held = platform.get(PUBLIC).json();
        assertEquals(3, held.get("total").asLong(), held.toString());
        assertEquals("黑色头盔，带蓝牙耳机", held.at("/items/0/description").asText(), "the longest-waiting first");

        JsonNode claimed = platform.getAsAdmin(ITEMS + "?status=claimed").json();
        assertEquals(1, claimed.get("total").asLong());
        assertEquals("陈**", claimed.at("/items/0/claimantName").asText());
        assertEquals("138****1234", claimed.at("/items/0/claimantPhone").asText());
    }
}
