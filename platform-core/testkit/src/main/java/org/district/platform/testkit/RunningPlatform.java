package org.district.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A platform started as a user starts it ({@code java -jar lib/district-launcher.jar} in its own
 * process) from the platform home named by the system property {@code district.home}, on a free
 * loopback port, with a data folder and a plugins folder of its own; on the PostgreSQL profile
 * ({@code district.test.database=postgres}), with a database of its own that is dropped afterwards.
 * The plugins folder starts as a copy of the home's {@code plugins/}.
 */
public final class RunningPlatform implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final Path HOME = Path.of(System.getProperty("district.home", "target/platform"));
    public static final Path TEST_MODULES = Path.of(System.getProperty("district.test.modules", "target/test-modules"));
    public static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    /** The distribution home it runs from: {@link #HOME}, or a city's bundle. */
    private Path home = HOME;
    private final Map<String, String> environment = new HashMap<>();
    private final String database;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private final List<String> jvmOptions = new ArrayList<>();
    private Path log;
    private int port;
    private int starts;
    private boolean portSetByTest;

    private RunningPlatform(Path root, String database) {
        this.root = root;
        this.database = database;
    }

    /** A platform with the home's modules. */
    public static RunningPlatform create() {
        return withTestModules();
    }

    /** A platform with the home's modules and these test modules (jar names in target/test-modules). */
    public static RunningPlatform withTestModules(String... testModules) {
        return create(HOME, testModules);
    }

    /**
     * A platform of another distribution home, such as an unpacked city bundle
     * (distributions/cities), with that home's modules and its city folder.
     */
    public static RunningPlatform of(Path home) {
        return create(home);
    }

    /**
     * Moves this platform, its data and database included, to another home: the next start runs
     * that home's launcher and bundles with that home's modules in place of the ones it had, as a
     * city does when it upgrades to a newer bundle. Stops it first.
     */
    public RunningPlatform upgradeTo(Path newHome) {
        stop();
        try {
            copyModules(newHome, Files.createDirectories(plugins()), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        home = newHome;
        return this;
    }

    private static void copyModules(Path home, Path plugins, boolean replace) throws IOException {
        if (replace) {
            try (Stream<Path> old = Files.list(plugins)) {
                for (Path jar : old.toList()) {
                    Files.delete(jar);
                }
            }
        }
        Files.createDirectories(home.resolve("plugins"));
        try (Stream<Path> shipped = Files.list(home.resolve("plugins"))) {
            for (Path jar : shipped.toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
    }

    private static RunningPlatform create(Path home, String... testModules) {
        try {
            Path root = Files.createTempDirectory("district-it-");
            Path plugins = Files.createDirectories(root.resolve("plugins"));
            copyModules(home, plugins, false);
            for (String module : testModules) {
                Files.copy(TEST_MODULES.resolve(module + ".jar"), plugins.resolve(module + ".jar"));
            }
            String database = onPostgres() ? createDatabase() : null;
            RunningPlatform platform = new RunningPlatform(root, database);
            platform.home = home;
            platform.environment.put("DISTRICT_DATA_DIR", root.resolve("data").toString());
            platform.environment.put("DISTRICT_PLUGINS_DIR", plugins.toString());
            platform.environment.put("DISTRICT_HTTP_HOST", "127.0.0.1");
            platform.environment.put("DISTRICT_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // Every request of a test comes from one address; a test of the limit sets it with with(...).
            platform.environment.put("DISTRICT_PUBLIC_RATE_LIMIT", "0");
            if (database != null) {
                platform.environment.put("DISTRICT_JDBC_URL", postgresUrl(database));
            }
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of the platform's database: its own PostgreSQL database, or its embedded H2 file. */
    public String jdbcUrl() {
        String url = environment.get("DISTRICT_JDBC_URL");
        return url != null ? url : "jdbc:h2:file:" + root.resolve("data").resolve("district").toString().replace('\\', '/');
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("district.test.database"));
    }

    /** JVM options for this platform's process, after the test run's own ({@code district.test.jvm}). */
    public RunningPlatform withJvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    public RunningPlatform with(String variable, String value) {
        portSetByTest |= variable.equals("DISTRICT_HTTP_PORT");
        if (value == null) {
            environment.remove(variable);
        } else {
            environment.put(variable, value);
        }
        return this;
    }

    public Path plugins() {
        return root.resolve("plugins");
    }

    /** Starts it and waits until it says it is ready; fails the test with its output if it does not. */
    public RunningPlatform start() {
        Process started = launch();
        try {
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline) {
                String output = output();
                if (output.contains("District platform ready on")) {
                    return this;
                }
                if (!started.isAlive()) {
                    throw new AssertionError("the platform exited with " + started.exitValue() + ":\n" + output);
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the platform was not ready after 90 s:\n" + output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts it and waits for the process to end by itself; returns its exit code. */
    public int startExpectingExit() throws InterruptedException {
        Process started = launch();
        if (!started.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
            started.destroyForcibly();
            throw new AssertionError("the platform did not exit:\n" + output());
        }
        return started.exitValue();
    }

    private Process launch() {
        try {
            if (!portSetByTest) {
                port = freePort();
                environment.put("DISTRICT_HTTP_PORT", Integer.toString(port));
            }
            log = root.resolve("platform-" + (++starts) + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // Tests start many platforms: a small heap and a quick JIT. Benchmarks set their own.
            command.addAll(List.of(System.getProperty("district.test.jvm", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").trim().split("\\s+")));
            command.addAll(jvmOptions);
            command.addAll(List.of("-Ddistrict.home=" + home.toAbsolutePath(),
                    "-jar", home.resolve("lib/district-launcher.jar").toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("DISTRICT_"));
            builder.environment().putAll(environment);
            process = builder.start();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the platform printed so far. */
    public String output() {
        try {
            return log == null || !Files.exists(log) ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The platform process's id, for tools such as jcmd. */
    public long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the platform is not running");
        }
        return process.pid();
    }

    /** Kills the platform's process outright (SIGKILL): no shutdown hook runs, nothing is flushed on the way out. */
    public void kill() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public RunningPlatform restart() {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
        if (database != null) {
            dropDatabase(database);
        }
    }

    // --- HTTP, as a client of the platform speaks it

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply getAsAdmin(String path) {
        return send(asAdmin(request(path)).GET());
    }

    public Reply postAsAdmin(String path, String json) {
        return send(asAdmin(request(path)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply putAsAdmin(String path, String json) {
        return send(asAdmin(request(path)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Creates an account with these roles through the admin API, for tests that act as an operator. */
    public void addAccount(String username, String password, String... roles) {
        String json;
        try {
            json = JSON.writeValueAsString(Map.of("username", username, "password", password, "roles", List.of(roles)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Reply created = postAsAdmin("/api/admin/accounts", json);
        if (created.status() != 201) {
            throw new AssertionError("account " + username + " was not created: " + created);
        }
    }

    public Reply deleteAsAdmin(String path) {
        return send(asAdmin(request(path)).DELETE());
    }

    /** Sends a body of any kind, such as a file upload, as the admin. */
    public Reply postAsAdmin(String path, byte[] body, String contentType) {
        return send(asAdmin(request(path)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    public static HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** An answer: its status, content type and body, the body readable as JSON. */
    public record Reply(int status, String contentType, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    /** The state of one module as the admin API lists it. */
    public String moduleState(String id) {
        for (JsonNode module : getAsAdmin("/api/admin/modules").json()) {
            if (module.get("id").asText().equals(id)) {
                return module.get("state").asText();
            }
        }
        return "absent";
    }

    public JsonNode module(String id) {
        for (JsonNode module : getAsAdmin("/api/admin/modules").json()) {
            if (module.get("id").asText().equals(id)) {
                return module;
            }
        }
        throw new AssertionError("module " + id + " is not listed");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // --- PostgreSQL: a database per platform

    private static String serverUrl() {
        String fromEnvironment = System.getenv("DISTRICT_TEST_POSTGRES_URL");
        return fromEnvironment != null ? fromEnvironment
                : System.getProperty("district.test.postgres.url", "jdbc:postgresql://localhost:5432/postgres");
    }

    private static String postgresUrl(String database) {
        String server = serverUrl();
        int slash = server.lastIndexOf('/');
        return server.substring(0, slash + 1) + database + "?user=postgres";
    }

    private static Connection admin() throws SQLException {
        String url = serverUrl();
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "user=postgres");
    }

    private static String createDatabase() {
        String name = "district_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + serverUrl() + ": " + e.getMessage(), e);
        }
    }

    private static void dropDatabase(String name) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            // a leftover test database harms nothing
        }
    }
}
