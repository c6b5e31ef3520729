package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A module whose requests hang, loop or leak threads cannot take the platform down: it is held to
 * its share of the server, its slow requests are interrupted, its threads are counted and, when an
 * admin disables it, interrupted; the module list and health name it; the other modules answer all
 * along. The limits are set low here: 4 requests at once, 3 seconds, 3 threads of its own.
 */
class IsolationIT {

    private static final String MODULE = "/api/misbehaves";
    private static RunningPlatform platform;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        platform = RunningPlatform.withTestModules("misbehaves")
                .with("DISTRICT_MODULE_MAX_REQUESTS", "4")
                .with("DISTRICT_MODULE_REQUEST_SECONDS", "3")
                .with("DISTRICT_MODULE_MAX_THREADS", "3")
                .start();
        assertEquals("enabled", platform.moduleState("misbehaves"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(String path) {
        return CLIENT.sendAsync(platform.request(path).timeout(Duration.ofSeconds(90)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> trouble() {
        List<String> lines = new ArrayList<>();
        platform.module("misbehaves").get("trouble").forEach(line -> lines.add(line.asText()));
        return lines;
    }

    private static boolean troubleSays(String words) {
        return trouble().stream().anyMatch(line -> line.contains(words));
    }

    /** Waits (at most {@code seconds}) until the condition holds, or fails with what the module list says. */
    private static void await(int seconds, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, what + "; the module's trouble: " + trouble());
            Thread.sleep(200);
        }
    }

    private static void othersAnswer() {
        Reply notices = platform.get("/api/notice-board/notices");
        assertEquals(200, notices.status(), "another module answers: " + notices);
        assertEquals(200, platform.get("/health/ready").status());
    }

    @Test
    void aModuleThatHangsIsHeldToItsShareAndItsHangingRequestsAreInterrupted() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> hanging = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hanging.add(sendAsync(MODULE + "/hang"));
        }
        // Once the four have their places, a fifth request finds none (each try is quick while places are free).
        Reply turnedAway = platform.get(MODULE + "/ping");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (turnedAway.status() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            turnedAway = platform.get(MODULE + "/ping");
        }
        assertEquals(503, turnedAway.status(), "a fifth request finds no place: " + turnedAway);
        assertTrue(turnedAway.isProblem() && turnedAway.json().get("detail").asText().contains("'misbehaves'"), turnedAway.toString());
        assertEquals(List.of("1"), turnedAway.headers().get("retry-after"));
        othersAnswer();

        for (CompletableFuture<HttpResponse<String>> request : hanging) {
            HttpResponse<String> answer = request.get(30, TimeUnit.SECONDS);
            assertTrue(answer.body().contains("interrupted"), "the time limit interrupted the wait: " + answer.body());
        }
        await(5, "the slow requests are in the module list", () -> troubleSays("ran over 3 s"));
        assertTrue(troubleSays("turned away"), trouble().toString());
        assertEquals(200, platform.get(MODULE + "/ping").status(), "the places are free again");
        JsonNode health = platform.get("/health").json();
        assertTrue(health.get("modulesInTrouble").toString().contains("misbehaves"), health.toString());
        assertEquals("UP", health.get("status").asText(), "the node serves on");
    }

    @Test
    void requestsOverTheLimitWaitInLineAndAreServedInTheOrderTheyCameAsPlacesFree() throws Exception {
        // The four places are taken by requests that end one after the other, 50 ms apart.
        List<CompletableFuture<HttpResponse<String>>> holding = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            holding.add(sendAsync(MODULE + "/sleep?millis=" + (200 + 50 * i) + "&tag=hold" + i));
        }
        Thread.sleep(100);
        // Four more come while every place is taken: they wait (each far less than the half second a request may).
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiting.add(sendAsync(MODULE + "/sleep?millis=0&tag=wait" + i));
            Thread.sleep(15);
        }
        othersAnswer();
        for (CompletableFuture<HttpResponse<String>> request : holding) {
            assertEquals(200, request.get(30, TimeUnit.SECONDS).statusCode());
        }
        long before = Long.MIN_VALUE;
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> answer = waiting.get(i).get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), "a request in line is served once a place frees: " + answer.body());
            JsonNode body = JSON.readTree(answer.body());
            assertEquals("wait" + i, body.get("tag").asText());
            long started = body.get("startedNanos").asLong();
            assertTrue(started > before, "the requests in line are served in the order they came: wait" + i + " started before wait" + (i - 1));
            before = started;
        }
    }

    @Test
    void aRequestThatLoopsRunsOnButIsReportedAndTheOthersKeepAnswering() throws Exception {
        CompletableFuture<HttpResponse<String>> spinning = sendAsync(MODULE + "/spin?seconds=9");
        await(10, "the loop is reported while it runs", () -> troubleSays("1 still running, ignoring the interrupt: GET /api/misbehaves/spin"));
        othersAnswer();
        assertEquals(200, platform.get(MODULE + "/ping").status(), "the module's other requests are served beside it");
        assertEquals(200, spinning.get(30, TimeUnit.SECONDS).statusCode());
        await(5, "the report says when the loop is over", () -> troubleSays("none still running"));
    }

    @Test
    void threadsAModuleLeaksAreCountedAndInterruptedWhenItIsDisabled() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, platform.send(platform.request(MODULE + "/leak").POST(HttpRequest.BodyPublishers.noBody())).status());
        }
        await(10, "the census counts the leaked threads", () -> troubleSays("threads of its own, over the limit of 3"));
        assertTrue(leakedThreads() >= 5, "the threads run");
        othersAnswer();

        assertEquals(200, platform.postAsAdmin("/api/admin/modules/misbehaves/disable", null).status());
        await(10, "the threads left running are reported", () -> troubleSays("running after it stopped"));
        await(10, "the interrupt ends them", () -> {
            try {
                return leakedThreads() == 0;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        await(10, "the report goes when they have ended", () -> !troubleSays("running after it stopped"));

        assertEquals(200, platform.postAsAdmin("/api/admin/modules/misbehaves/enable", null).status());
        assertEquals(List.of(), trouble(), "enabled again, it starts with a clean sheet");
        assertEquals(200, platform.get(MODULE + "/ping").status());
    }

    private static long leakedThreads() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(platform.pid()), "Thread.print").redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        return output.lines().filter(line -> line.startsWith("\"misbehaves-leaked-")).count();
    }
}
