package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a clear 4xx problem that names the fault, never a stack trace, and writes nothing.
 */
class BadInputIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.withTestModules().start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static Reply post(String body) {
        return platform.postAsAdmin("/api/notice-board/notices", body);
    }

    private static long notices() {
        return platform.get("/api/notice-board/notices").json().get("total").asLong();
    }

    private static void assertProblem(Reply reply, int status, String detailContains) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertEquals(status, reply.json().get("status").asInt());
        assertTrue(reply.json().get("detail").asText().contains(detailContains), reply.toString());
        assertTrue(!reply.body().contains("Exception") && !reply.body().contains("\tat "), "no stack trace: " + reply.body());
    }

    @Test
    void malformedJsonIsA400() {
        long before = notices();
        assertProblem(post("{\"title\": \"Night market\", "), 400, "not valid JSON");
        assertProblem(post("not json at all"), 400, "not valid JSON");
        assertEquals(before, notices());
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        Reply reply = post("{\"title\":\"A\",\"body\":\"B\",\"community\":\"C\",\"expiresAt\":42}");
        assertProblem(reply, 400, "expiresAt");
        assertEquals("expiresAt", reply.json().at("/errors/0/field").asText());
        assertProblem(post("{\"title\":[1,2],\"body\":\"B\",\"community\":\"C\"}"), 400, "title");
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsNamed() {
        assertProblem(post("{\"title\":\"A\",\"body\":\"B\",\"community\":\"C\",\"author\":\"Li\"}"), 400, "author");
    }

    @Test
    void everyFieldThatBreaksARuleIsNamed() {
        Reply reply = post("{\"title\":\" \",\"body\":\"B\",\"community\":\"" + "x".repeat(121) + "\"}");
        assertProblem(reply, 400, "title");
        assertEquals("community", reply.json().at("/errors/0/field").asText());
        assertEquals("title", reply.json().at("/errors/1/field").asText());
    }

    @Test
    void aMissingBodyIsA400() {
        assertProblem(post(null), 400, "body");
    }

    @Test
    void anOversizedBodyIsA413() {
        long before = notices();
        String huge = "{\"title\":\"A\",\"body\":\"" + "x".repeat(1_100_000) + "\",\"community\":\"C\"}";
        assertProblem(post(huge), 413, "larger than");
        assertEquals(before, notices());
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertProblem(post(deep), 400, "");
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        Reply reply = platform.send(RunningPlatform.asAdmin(platform.request("/api/notice-board/notices"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertProblem(reply, 415, "application/json");
    }

    @Test
    void aMethodTheAddressDoesNotTakeIsA405() {
        Reply reply = platform.send(RunningPlatform.asAdmin(platform.request("/api/notice-board/notices"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertProblem(reply, 405, "method");
    }

    @Test
    void queryParametersOutOfRangeOrOfTheWrongTypeAreNamed() {
        assertProblem(platform.get("/api/notice-board/notices?size=100000"), 400, "size");
        assertProblem(platform.get("/api/notice-board/notices?page=-1"), 400, "page");
        assertProblem(platform.get("/api/notice-board/notices?page=first"), 400, "page");
        assertProblem(platform.get("/api/notice-board/notices/not-a-number"), 400, "id");
    }

    @Test
    void addressesNothingServesAreProblemsToo() {
        assertProblem(platform.get("/api/notice-board/no-such-thing"), 404, "nothing at");
        assertProblem(platform.get("/no-such-page"), 404, "nothing at");
        assertProblem(platform.get("/api/notice-board/notices/987654"), 404, "no notice 987654");
    }

    @Test
    void injectionAndScriptStringsAreStoredAsTextAndNothingElse() {
        String title = "'; drop table notice; -- <script>alert(1)</script> 𠀀 \u202e";
        Reply created = post("{\"title\":" + RunningPlatform.JSON.valueToTree(title) + ",\"body\":\"B\",\"community\":\"C\"}");
        assertEquals(201, created.status(), created.toString());
        assertEquals(title, platform.get("/api/notice-board/notices/" + created.json().get("id").asLong()).json().get("title").asText());
        assertEquals(200, platform.get("/api/notice-board/notices").status());
    }

    @Test
    void writingNeedsTheEditorRole() {
        Reply anonymous = platform.send(platform.request("/api/notice-board/notices").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"A\",\"body\":\"B\",\"community\":\"C\"}")));
        assertProblem(anonymous, 401, "Sign in");
    }
}
