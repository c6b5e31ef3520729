package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an admin sees and does with modules: the list, enabling and disabling at runtime without a
 * restart, dependencies enforced both ways, and modules that cannot run shown as failed with the
 * reason while everything else keeps serving.
 */
class ModulesIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.withTestModules("needs-notice-board", "fails-on-activation", "needs-absent-module");
        Files.write(platform.plugins().resolve("corrupt-module.jar"), "this is not a zip file".getBytes());
        platform.start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @AfterEach
    void everythingEnabledAgain() {
        platform.postAsAdmin("/api/admin/modules/needs-notice-board/enable?cascade=true", null);
    }

    @Test
    void everyModuleIsListedWithItsVersionStateNamesAndDependencies() {
        JsonNode board = platform.module("notice-board");
        assertEquals("1.0.0", board.get("version").asText());
        assertEquals("enabled", board.get("state").asText());
        assertEquals("Community notice board", board.at("/name/en").asText());
        assertEquals("社区公告栏", board.at("/name/zh-CN").asText());
        assertEquals("community", board.get("category").asText());
        assertEquals("needs-notice-board", board.at("/requiredBy/0").asText());
        assertEquals("notice-board", platform.module("needs-notice-board").at("/requires/0").asText());
    }

    @Test
    void theModuleListIsForAdminsOnly() {
        Reply anonymous = platform.get("/api/admin/modules");
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertTrue(anonymous.isProblem());
        assertTrue(anonymous.headers().get("www-authenticate").get(0).startsWith("Basic"));
        Reply wrongPassword = platform.send(platform.request("/api/admin/modules")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:guess".getBytes())).GET());
        assertEquals(401, wrongPassword.status());
        assertEquals("Wrong user name or password.", wrongPassword.json().get("detail").asText());
    }

    @Test
    void aDisabledModulesEndpointsAreGoneAndComeBackWithTheirDataWhenItIsEnabledAgain() {
        Reply posted = platform.postAsAdmin("/api/notice-board/notices",
                "{\"title\":\"Rest station open all night\",\"body\":\"Hot water and charging.\",\"community\":\"Chunxi Road\"}");
        assertEquals(201, posted.status(), posted.toString());
        long id = posted.json().get("id").asLong();

        assertEquals("disabled", platform.postAsAdmin("/api/admin/modules/needs-notice-board/disable", null).json().get("state").asText());
        Reply disabled = platform.postAsAdmin("/api/admin/modules/notice-board/disable", null);
        assertEquals(200, disabled.status(), disabled.toString());
        assertEquals("disabled", disabled.json().get("state").asText());

        Reply gone = platform.get("/api/notice-board/notices/" + id);
        assertEquals(404, gone.status());
        assertTrue(gone.isProblem());
        assertEquals("Module 'notice-board' is disabled.", gone.json().get("detail").asText());

        assertEquals("enabled", platform.postAsAdmin("/api/admin/modules/notice-board/enable", null).json().get("state").asText());
        Reply back = platform.get("/api/notice-board/notices/" + id);
        assertEquals(200, back.status(), back.toString());
        assertEquals("Rest station open all night", back.json().get("title").asText());
    }

    @Test
    void disablingAModuleOthersNeedIsRefusedNamingThemUnlessAskedToCascade() {
        Reply refused = platform.postAsAdmin("/api/admin/modules/notice-board/disable", null);
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains("required by 'needs-notice-board'"), refused.toString());
        assertEquals("enabled", platform.moduleState("notice-board"));

        Reply cascaded = platform.postAsAdmin("/api/admin/modules/notice-board/disable?cascade=true", null);
        assertEquals(200, cascaded.status(), cascaded.toString());
        assertEquals("disabled", platform.moduleState("notice-board"));
        assertEquals("disabled", platform.moduleState("needs-notice-board"));
        assertEquals(404, platform.get("/api/needs-notice-board/ping").status());
    }

    @Test
    void enablingAModuleWhoseRequirementIsDisabledNamesItOrEnablesBothWhenAsked() {
        platform.postAsAdmin("/api/admin/modules/notice-board/disable?cascade=true", null);

        Reply refused = platform.postAsAdmin("/api/admin/modules/needs-notice-board/enable", null);
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains("requires 'notice-board', which is disabled"), refused.toString());
        assertEquals("disabled", platform.moduleState("needs-notice-board"));

        Reply both = platform.postAsAdmin("/api/admin/modules/needs-notice-board/enable?cascade=true", null);
        assertEquals(200, both.status(), both.toString());
        assertEquals("enabled", platform.moduleState("notice-board"));
        assertEquals("needs-notice-board", platform.get("/api/needs-notice-board/ping").json().get("module").asText());
    }

    @Test
    void aModuleRequiringAModuleThatIsNotInstalledIsFailedAndNamesIt() {
        JsonNode module = platform.module("needs-absent-module");
        assertEquals("failed", module.get("state").asText());
        assertTrue(module.get("reason").asText().contains("no-such-module"), module.toString());

        Reply refused = platform.postAsAdmin("/api/admin/modules/needs-absent-module/enable", null);
        assertEquals(409, refused.status());
        assertTrue(refused.json().get("detail").asText().contains("requires 'no-such-module', which is not installed"), refused.toString());
    }

    @Test
    void aModuleWhoseActivationThrowsIsFailedWithTheReasonAndTheOthersKeepServing() {
        JsonNode module = platform.module("fails-on-activation");
        assertEquals("failed", module.get("state").asText());
        assertTrue(module.get("reason").asText().contains("the station registry file is missing"), module.toString());
        assertEquals(503, platform.get("/api/fails-on-activation/anything").status());

        assertEquals(200, platform.get("/api/notice-board/notices").status());
        Reply health = platform.get("/health");
        assertEquals(200, health.status(), "one failed module does not make the platform unready");
        assertTrue(health.body().contains("\"id\":\"fails-on-activation\",\"state\":\"failed\""), health.body());
    }

    @Test
    void aFailedModuleDisabledIsDisabledAndEnabledAgainFailsAgainWithItsReason() {
        Reply disabled = platform.postAsAdmin("/api/admin/modules/fails-on-activation/disable", null);
        assertEquals(200, disabled.status(), disabled.toString());
        assertEquals("disabled", disabled.json().get("state").asText(), "off as wanted, no longer failed: " + disabled);
        Reply again = platform.postAsAdmin("/api/admin/modules/fails-on-activation/enable", null);
        assertEquals(409, again.status(), again.toString());
        assertTrue(again.json().get("detail").asText().contains("the station registry file is missing"), again.toString());
        assertEquals("failed", platform.moduleState("fails-on-activation"));
    }

    @Test
    void aJarThatIsNotABundleIsListedAsFailedAndNothingElseIsAffected() {
        JsonNode corrupt = platform.module("corrupt-module.jar");
        assertEquals("failed", corrupt.get("state").asText());
        assertTrue(corrupt.get("reason").asText().startsWith("cannot be installed"), corrupt.toString());
        assertEquals("enabled", platform.moduleState("notice-board"));
    }

    @Test
    void anUnknownModuleIsNotFound() {
        for (String action : new String[] { "enable", "disable" }) {
            Reply reply = platform.postAsAdmin("/api/admin/modules/parking-meters/" + action, null);
            assertEquals(404, reply.status());
            assertTrue(reply.isProblem());
            assertEquals("There is no module 'parking-meters'.", reply.json().get("detail").asText());
        }
        assertEquals(404, platform.getAsAdmin("/api/admin/modules/parking-meters").status());
        assertEquals("There is no module 'parking-meters'.", platform.get("/api/parking-meters/x").json().get("detail").asText());
    }

    @Test
    void theOpenApiDocumentFollowsWhatIsEnabled() {
        JsonNode paths = platform.get("/api/openapi.json").json().get("paths");
        assertTrue(paths.has("/api/notice-board/notices"), paths.toString());
        assertTrue(paths.has("/api/admin/modules/{id}/enable"));
        assertTrue(paths.at("/~1api~1notice-board~1notices/get/security").isEmpty(), "reading notices is public");
        assertEquals("basic", paths.at("/~1api~1notice-board~1notices/post/security/0").fieldNames().next());

        platform.postAsAdmin("/api/admin/modules/notice-board/disable?cascade=true", null);
        assertTrue(!platform.get("/api/openapi.json").json().get("paths").has("/api/notice-board/notices"));
    }

    @Test
    void healthSaysLiveReadyAndEachModulesState() {
        Reply health = platform.get("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.json().get("status").asText());
        assertEquals("UP", health.json().at("/checks/database/status").asText());
        assertEquals(200, platform.get("/health/live").status());
        for (String path : new String[] { "/health", "/api/notice-board/notices", "/api/admin/modules", "/nowhere" }) {
            Reply reply = platform.get(path);
            assertEquals("nosniff", reply.headers().get("x-content-type-options").get(0), path);
            assertEquals("DENY", reply.headers().get("x-frame-options").get(0), path);
        }
        assertEquals(200, platform.get("/health/ready").status());
    }
}
