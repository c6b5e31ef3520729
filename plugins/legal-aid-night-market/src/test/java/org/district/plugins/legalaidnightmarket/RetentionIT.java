package org.district.plugins.legalaidnightmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A consultation's personal data is kept no longer than the city's retention: the purge erases the
 * contact, the notes and the follow-up result, keeps what the figures count, and is audited.
 */
class RetentionIT {

    private static final String API = "/api/legal-aid-night-market";

    @Test
    void aPurgeErasesWhatIdentifiesAPersonAndKeepsTheFigures() {
        try (RunningPlatform platform = RunningPlatform.create().start()) {
            TestAccounts.add(platform, Map.of("coordinator", Roles.COORDINATOR));
            Reply listed = platform.getAsAdmin("/api/admin/retention");
            JsonNode consultations = null;
            for (JsonNode dataset : listed.json()) {
                if (dataset.get("module").asText().equals("legal-aid-night-market")) {
                    consultations = dataset;
                }
            }
            assertTrue(consultations != null, listed.toString());
            assertEquals("consultations", consultations.get("dataset").asText());
            assertEquals(365, consultations.get("effectiveDays").asInt(), "a year unless the city says otherwise");

            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            long market = platform.postAsAdmin(API + "/markets", NightMarketIT.json("name", "留存夜市", "place", "北入口", "district", "宜宾市/翠屏区",
                    "openingHours", List.of(NightMarketIT.day(today.getDayOfWeek()) + " 19:00-21:30"), "dutySpecialties", List.of("property")))
                    .json().get("id").asLong();
            long session = platform.postAsAdmin(API + "/markets/" + market + "/sessions", NightMarketIT.json("date", today.toString(),
                    "start", "19:00", "end", "21:30")).json().get("id").asLong();
            Reply logged = TestAccounts.post(platform, "coordinator", API + "/sessions/" + session + "/consultations",
                    NightMarketIT.json("category", "payment_dispute", "visitor", "stall_holder", "summary", "王某欠货款三千元",
                            "outcome", "settled", "contact", "13812345678", "contactConsent", true));
            assertEquals(201, logged.status(), logged.toString());
            long id = logged.json().get("id").asLong();
            int before = platform.getAsAdmin(API + "/figures?month=" + today.toString().substring(0, 7)).json().at("/months/0/consultations").asInt();

            Reply kept = platform.postAsAdmin("/api/admin/retention/purge", null);
            assertEquals(200, kept.status(), kept.toString());
            assertEquals("13812345678", platform.getAsAdmin(API + "/consultations/" + id).json().get("contact").asText(), "within a year: kept");

            Reply tooLong = platform.putAsAdmin("/api/admin/retention/legal-aid-night-market/consultations", "{\"days\":-1}");
            assertEquals(400, tooLong.status(), tooLong.toString());
            assertEquals(404, platform.putAsAdmin("/api/admin/retention/legal-aid-night-market/visitors", "{\"days\":30}").status());
            assertEquals(0, platform.putAsAdmin("/api/admin/retention/legal-aid-night-market/consultations", "{\"days\":0}")
                    .json().get("effectiveDays").asInt());
            Reply purged = platform.postAsAdmin("/api/admin/retention/purge", null);
            assertTrue(purged.body().contains("\"records\":1"), purged.toString());

            JsonNode erased = platform.getAsAdmin(API + "/consultations/" + id).json();
            assertTrue(erased.get("contact") == null || erased.get("contact").isNull(), erased.toString());
            assertTrue(erased.get("summary") == null || erased.get("summary").isNull(), erased.toString());
            assertEquals("payment_dispute", erased.get("category").asText());
            assertEquals(before, platform.getAsAdmin(API + "/figures?month=" + today.toString().substring(0, 7)).json().at("/months/0/consultations").asInt(),
                    "the figures still count it");
            String trail = platform.getAsAdmin("/api/admin/audit?module=legal-aid-night-market").body();
            assertTrue(trail.contains("retention.purge"), trail);
            assertTrue(platform.getAsAdmin("/api/admin/audit?module=platform").body().contains("retention.change"));
        }
    }
}
