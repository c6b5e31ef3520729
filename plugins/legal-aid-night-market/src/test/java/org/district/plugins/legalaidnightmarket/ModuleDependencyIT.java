package org.district.plugins.legalaidnightmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The night market needs the lawyer roster, and the platform holds to that both ways: the night
 * market does not run without the roster, and the roster is not taken away from under it unless
 * the admin asks for the cascade. Switching either off and on again loses no consultation.
 */
class ModuleDependencyIT {

    private static final String ID = "legal-aid-night-market";
    private static final String ROSTER = "lawyer-roster";
    private static final String API = "/api/" + ID;

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.create().start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static Reply admin(String action, String module) {
        return platform.postAsAdmin("/api/admin/modules/" + module + "/" + action, null);
    }

    private static String consultations() {
        Reply reply = platform.getAsAdmin(API + "/consultations?size=200");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().get("items").toString();
    }

    @Test
    void theRosterIsRequiredBothWaysAndTogglingKeepsEveryConsultation() {
        JsonNode module = platform.module(ID);
        assertEquals("enabled", module.get("state").asText(), module.toString());
        assertTrue(module.get("requires").toString().contains(ROSTER), module.toString());
        assertTrue(platform.module(ROSTER).get("requiredBy").toString().contains(ID));

        long market = platform.postAsAdmin(API + "/markets", NightMarketIT.json("name", "东街夜市", "place", "东街北入口", "district", "宜宾市/翠屏区",
                "openingHours", List.of("Fri 19:00-21:30"))).json().get("id").asLong();
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        long session = platform.postAsAdmin(API + "/markets/" + market + "/sessions",
                NightMarketIT.json("date", yesterday.toString(), "start", "19:00", "end", "21:30")).json().get("id").asLong();
        for (String category : List.of("payment_dispute", "loan_dispute", "consumer")) {
            Reply logged = platform.postAsAdmin(API + "/sessions/" + session + "/consultations", NightMarketIT.json("category", category,
                    "visitor", "resident", "outcome", "answered", "contact", "13812345678", "contactConsent", true));
            assertEquals(201, logged.status(), logged.toString());
        }
        String before = consultations();

        // The roster cannot go while the night market needs it ...
        Reply refused = admin("disable", ROSTER);
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.body().contains(ID), refused.toString());
        assertEquals("enabled", platform.moduleState(ROSTER));
        assertEquals(200, platform.get(API + "/public/markets").status());

        // ... unless the admin asks for the cascade, which takes the night market with it.
        Reply cascaded = platform.postAsAdmin("/api/admin/modules/" + ROSTER + "/disable?cascade=true", null);
        assertEquals(200, cascaded.status(), cascaded.toString());
        assertEquals("disabled", platform.moduleState(ROSTER));
        assertEquals("disabled", platform.moduleState(ID));
        assertEquals(404, platform.get(API + "/public/markets").status());

        // The night market does not start without the roster, and says which module it waits for.
        Reply alone = admin("enable", ID);
        assertEquals(409, alone.status(), alone.toString());
        assertTrue(alone.body().contains(ROSTER), alone.toString());
        assertEquals("disabled", platform.moduleState(ID));

        Reply together = platform.postAsAdmin("/api/admin/modules/" + ID + "/enable?cascade=true", null);
        assertEquals(200, together.status(), together.toString());
        assertEquals("enabled", platform.moduleState(ROSTER));
        assertEquals("enabled", platform.moduleState(ID));
        assertEquals(before, consultations(), "every consultation is still there, as it was");

        // Switching only the night market off and on keeps them too, and so does a restart.
        assertEquals(200, admin("disable", ID).status());
        assertEquals("enabled", platform.moduleState(ROSTER));
        assertEquals(404, platform.getAsAdmin(API + "/consultations").status());
        assertEquals(200, admin("enable", ID).status());
        assertEquals(before, consultations());

        platform.restart();
        assertEquals("enabled", platform.moduleState(ID));
        assertEquals(before, consultations());
        Reply more = platform.postAsAdmin(API + "/sessions/" + session + "/consultations", NightMarketIT.json("category", "family",
                "visitor", "worker", "outcome", "referred_legal_aid_centre"));
        assertEquals(201, more.status(), "the module works on after all of it: " + more);
    }
}
