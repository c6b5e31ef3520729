package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.Test;

/**
 * One module is disabled, enabled and updated to a new bundle version twenty times while clients
 * keep calling the other modules: none of their requests fails, the module keeps its data, and
 * afterwards no class loader of its old revisions is still reachable and the platform runs no
 * more threads than before.
 */
class ModuleUpdateUnderLoadIT {

    private static final int ROUNDS = 20;
    private static final int CLIENTS = 2;
    private static final List<String> OTHER_MODULES = List.of(
            "/api/lawyer-roster/public/lawyers",
            "/api/courier-stations/public/stations/nearest?lat=30.67&lon=104.06",
            "/api/legal-aid-night-market/markets",
            "/api/farm-aid-streaming/public/sessions",
            "/api/admin/modules");

    @Test
    void togglingAndUpdatingOneModuleUnderLoadFailsNoOtherRequestAndLeavesNoOldRevisionBehind() throws Exception {
        // Soft references are caches the JVM empties when memory runs short; emptied at every
        // collection here, what the heap histogram still counts is held for real.
        try (RunningPlatform platform = RunningPlatform.create().withJvmOptions("-XX:SoftRefLRUPolicyMSPerMB=0").start()) {
            Path jar;
            try (Stream<Path> jars = Files.list(platform.plugins())) {
                jar = jars.filter(p -> p.getFileName().toString().startsWith("notice-board")).findFirst().orElseThrow();
            }
            byte[] original = Files.readAllBytes(jar);
            long kept = platform.postAsAdmin("/api/notice-board/notices",
                    "{\"title\":\"Kept through every update\",\"body\":\"Lawyers at the east gate.\",\"community\":\"Dongjie\"}").json().get("id").asLong();
            for (String path : OTHER_MODULES) {
                assertEquals(200, platform.getAsAdmin(path).status(), path);
            }

            round(platform, jar, original, 0, kept); // everything that starts once has started
            assertEquals(1, noticeBoardClassLoaders(platform), "one revision of the notice board is loaded");
            int threadsBefore = platformThreads(platform).size();

            Map<String, String> failures = new ConcurrentHashMap<>();
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong served = new AtomicLong();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (long i = client; !done.get() && i < 1_000_000; i++) {
                        String path = OTHER_MODULES.get((int) (i % OTHER_MODULES.size()));
                        Reply reply = platform.getAsAdmin(path);
                        if (reply.status() != 200) {
                            failures.putIfAbsent(path + " #" + i, reply.toString());
                        }
                        served.incrementAndGet();
                    }
                });
            }
            for (int r = 1; r <= ROUNDS; r++) {
                round(platform, jar, original, r, kept);
            }
            done.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

            assertEquals(Map.of(), failures, "requests to other modules that failed, of " + served.get());
            assertTrue(served.get() > ROUNDS, served.get() + " requests served meanwhile");
            assertEquals("1.0." + ROUNDS, platform.module("notice-board").get("version").asText());
            assertEquals(1, noticeBoardClassLoaders(platform), "class loaders of the notice board after " + ROUNDS + " updates");
            List<String> threadsAfter = platformThreads(platform);
            assertTrue(threadsAfter.size() <= threadsBefore, "threads: " + threadsBefore + " before, after: " + threadsAfter);
        }
    }

    /** Disable, enable, update to version 1.0.{round}; the module answers with its data after each step. */
    private static void round(RunningPlatform platform, Path jar, byte[] original, int round, long kept) throws IOException {
        assertEquals(200, platform.postAsAdmin("/api/admin/modules/notice-board/disable", null).status());
        assertEquals(404, platform.get("/api/notice-board/notices").status());
        assertEquals(200, platform.postAsAdmin("/api/admin/modules/notice-board/enable", null).status());
        assertEquals(200, platform.get("/api/notice-board/notices/" + kept).status());

        Path next = jar.resolveSibling(jar.getFileName() + ".next");
        Files.write(next, withVersion(original, "1.0." + round));
        Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Reply updated = platform.postAsAdmin("/api/admin/modules/notice-board/update", null);
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("1.0." + round, updated.json().get("version").asText());
        assertEquals("enabled", updated.json().get("state").asText(), updated.toString());
        assertEquals("Kept through every update", platform.get("/api/notice-board/notices/" + kept).json().get("title").asText());
    }

    /** The module's jar as a new release: the same classes, another bundle and module version. */
    private static byte[] withVersion(byte[] jar, String version) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.putValue("Bundle-Version", version);
            main.putValue("Provide-Capability", main.getValue("Provide-Capability")
                    .replaceFirst("(district\\.module=notice-board;[^,]*?version:Version=)\"[^\"]*\"", "$1\"" + version + "\""));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }

    /**
     * The class loaders that hold the notice board's classes, after full collections (a class loader
     * nothing references any more is unloaded with its classes by then).
     */
    private static long noticeBoardClassLoaders(RunningPlatform platform) throws IOException, InterruptedException {
        jcmd(platform, "GC.run");
        jcmd(platform, "GC.run");
        String loaders = jcmd(platform, "VM.classloaders show-classes");
        return Stream.of(loaders.split("\\+-- ")).filter(loader -> loader.contains("org.district.plugins.noticeboard.")).count();
    }

    /** The platform's threads by name, without the HTTP server's pool, which grows and shrinks with the load on its own. */
    private static List<String> platformThreads(RunningPlatform platform) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        Matcher thread = Pattern.compile("^\"([^\"]+)\"", Pattern.MULTILINE).matcher(jcmd(platform, "Thread.print"));
        while (thread.find()) {
            if (!thread.group(1).startsWith("qtp")) {
                names.add(thread.group(1));
            }
        }
        return names;
    }

    private static String jcmd(RunningPlatform platform, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(platform.pid()), command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "jcmd " + command + ": " + output);
        return output;
    }
}
