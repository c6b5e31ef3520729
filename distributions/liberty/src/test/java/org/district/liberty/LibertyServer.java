package org.district.liberty;

import java.io.IOException;
import java.net.InetAddress;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Open Liberty server with the platform (a runnable jar, as the README starts it), run
 * in a process of its own on a free loopback port against a fresh PostgreSQL database of its own,
 * which {@link #close()} drops. Each start extracts the server into a new folder, so nothing of an
 * earlier run's framework cache or settings is there: what outlives a restart is in the database.
 * The tests of this distribution use it, and so do those of the city bundles' WARs.
 */
public final class LibertyServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "liberty-admin-" + UUID.randomUUID();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY).build();
    private final Path jar;
    private final Path work;
    private final String serverUrl;
    private final String database;
    private final String databaseUrl;
    private final int port;
    private Process server;
    private int starts;

    private LibertyServer(Path jar, Path work, String serverUrl) throws IOException {
        this.jar = jar.toAbsolutePath();
        this.work = work.toAbsolutePath();
        this.serverUrl = serverUrl;
        this.database = "district_liberty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.databaseUrl = withDatabase(serverUrl, database);
        this.port = freePort();
    }

    /**
     * A server of the runnable jar, on a database created for it on the PostgreSQL server of
     * {@code DISTRICT_TEST_POSTGRES_URL} (or {@code district.test.postgres.url}); not started yet.
     */
    public static LibertyServer of(Path jar, Path work) throws IOException, SQLException {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no packaged server at " + jar.toAbsolutePath());
        }
        Files.createDirectories(work);
        String serverUrl = System.getenv("DISTRICT_TEST_POSTGRES_URL") != null ? System.getenv("DISTRICT_TEST_POSTGRES_URL")
                : System.getProperty("district.test.postgres.url", "jdbc:postgresql://localhost:5432/postgres");
        LibertyServer server = new LibertyServer(jar, work, serverUrl);
        try (Connection connection = server.admin(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + server.database);
        }
        return server;
    }

    /** Starts the runnable jar, extracted into a folder of its own, and waits until it is ready. */
    public LibertyServer start() throws IOException, InterruptedException {
        starts++;
        Path folder = work.resolve(database + "-" + starts);
        Files.createDirectories(folder);
        Path log = folder.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString())
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("DISTRICT_"));
        environment.put("WLP_JAR_EXTRACT_DIR", folder.resolve("wlp").toString());
        environment.put("DISTRICT_HTTP_HOST", "127.0.0.1");
        environment.put("DISTRICT_HTTP_PORT", Integer.toString(port));
        environment.put("DISTRICT_JDBC_URL", databaseUrl);
        environment.put("DISTRICT_JDBC_USER", credentials().getProperty("user"));
        environment.put("DISTRICT_JDBC_PASSWORD", credentials().getProperty("password", ""));
        environment.put("DISTRICT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        server = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the server ended with " + server.exitValue() + " before it was ready:\n" + tail(log));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return this;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server was not ready after " + START_TIMEOUT.toSeconds() + " s (" + last + "):\n" + tail(log));
    }

    /** Stops the server as a terminal's Ctrl-C or a service manager does (SIGTERM), then by force if it must. */
    public void stop() throws InterruptedException {
        if (server == null) {
            return;
        }
        List<ProcessHandle> started = new ArrayList<>(server.descendants().toList());
        server.destroy();
        if (!server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        server = null;
        // The extracted server (about 170 MB) goes; its console output stays in server.log beside it.
        deleteTree(work.resolve(database + "-" + starts).resolve("wlp"));
    }

    /** Stops it and drops its database. */
    @Override
    public void close() throws InterruptedException, SQLException {
        try {
            stop();
        } finally {
            try (Connection connection = admin(); Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    public HttpResponse<String> get(String path, boolean asAdmin) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), asAdmin);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, boolean asAdmin) throws IOException, InterruptedException {
        request.timeout(Duration.ofSeconds(30));
        if (asAdmin) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The server's own database, to check what landed in it. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl, credentials());
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(serverUrl, credentials());
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", System.getenv().getOrDefault("DISTRICT_TEST_POSTGRES_USER", "postgres"));
        String password = System.getenv("DISTRICT_TEST_POSTGRES_PASSWORD");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** The same server's URL with another database: {@code jdbc:postgresql://host:5432/<database>}. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int slash = base.lastIndexOf('/');
        if (slash <= "jdbc:postgresql://".length()) {
            throw new AssertionError("no database in " + url);
        }
        return base.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left for mvn clean
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
