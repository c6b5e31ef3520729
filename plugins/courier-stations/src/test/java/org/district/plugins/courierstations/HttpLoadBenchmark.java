package org.district.plugins.courierstations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.district.platform.testkit.RunningPlatform;

/**
 * Nearest-10 with a service filter and "open now" through HTTP, 64 connections at once, against a
 * platform holding 100,000 stations. Starts a platform on PostgreSQL (the profile's server,
 * {@code DISTRICT_TEST_POSTGRES_URL}), writes the stations straight into its tables and moves the
 * change counter, so the platform's index picks them up as another node's writes. Bounded: a
 * fixed warm-up, then at most {@value #MAX_REQUESTS} requests or {@value #MEASURE_SECONDS} seconds for
 * each level of concurrency given as the first argument ({@code 1,8,64}; 64 when none).
 *
 * <p>Run after {@code mvn -f plugins/courier-stations/pom.xml verify} (which unpacks the platform
 * into target/platform), from the test classpath, with {@code -Ddistrict.home=target/platform}. Not a test.
 */
public final class HttpLoadBenchmark {

    private static final int STATIONS = 100_000;
    private static final int CONCURRENCY = 64;
    private static final int WARM_UP_SECONDS = 15;
    private static final int MEASURE_SECONDS = 30;
    private static final int MAX_REQUESTS = 300_000;
    private static final String[] SERVICES = { "rest_seats", "drinking_water", "hot_water", "phone_charging", "battery_swap", "toilet", "wifi" };

    private HttpLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("district.test.database", "postgres");
        try (RunningPlatform platform = RunningPlatform.create().start()) {
            long loading = System.nanoTime();
            insertStations(platform.jdbcUrl());
            while (platform.getAsAdmin("/api/courier-stations/settings").json().get("stationsInIndex").asInt() < STATIONS) {
                Thread.sleep(200);
            }
            System.out.printf(Locale.ROOT, "%,d stations written and in the index after %.1f s%n", STATIONS, (System.nanoTime() - loading) / 1e9);
            String base = platform.request("/").build().uri().toString();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            int[] levels = Arrays.stream((args.length > 0 ? args[0] : String.valueOf(CONCURRENCY)).split(",")).mapToInt(Integer::parseInt).toArray();
            run(client, base, WARM_UP_SECONDS, Integer.MAX_VALUE, CONCURRENCY, false);
            for (int concurrency : levels) {
                run(client, base, MEASURE_SECONDS, MAX_REQUESTS, concurrency, true);
            }
        }
    }

    private static void run(HttpClient client, String base, int seconds, int maxRequests, int concurrency, boolean report)
            throws InterruptedException {
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        AtomicInteger issued = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(concurrency);
        Duration serverCpu = cpu(platformProcess());
        Duration clientCpu = cpu(ProcessHandle.current());
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                Random random = new Random(worker);
                long[] mine = new long[maxRequests == Integer.MAX_VALUE ? 1 : maxRequests / concurrency + 1];
                int n = 0;
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
                    double lat = 30.45 + random.nextDouble() * 0.45;
                    double lon = 103.85 + random.nextDouble() * 0.45;
                    URI uri = URI.create(String.format(Locale.ROOT, "%sapi/courier-stations/public/stations/nearest?lat=%.5f&lon=%.5f"
                            + "&service=battery_swap&open=true&limit=10", base, lat, lon));
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n < mine.length) {
                        mine[n++] = System.nanoTime() - sent;
                    }
                }
                latencies[worker] = mine;
                counts[worker] = n;
                done.countDown();
            });
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        serverCpu = cpu(platformProcess()).minus(serverCpu);
        clientCpu = cpu(ProcessHandle.current()).minus(clientCpu);
        if (!report) {
            return;
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "nearest-10, battery_swap, open now over HTTP, %d connections, %d cores: %,d requests in %.1f s (%,.0f/s), %d errors%n",
                concurrency, Runtime.getRuntime().availableProcessors(), total, elapsed, total / elapsed, errors.get());
        System.out.printf(Locale.ROOT, "  p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", all[total / 2] / 1e6, all[(int) (total * 0.9)] / 1e6,
                all[(int) (total * 0.99)] / 1e6, all[total - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  CPU per request: server %.3f ms, load generator %.3f ms%n", serverCpu.toNanos() / 1e6 / total,
                clientCpu.toNanos() / 1e6 / total);
    }

    /** The platform's JVM: the one child process this benchmark started. */
    private static ProcessHandle platformProcess() {
        return ProcessHandle.current().children().findFirst().orElseThrow();
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** 100,000 stations over greater Chengdu, written in batches, then the change counter moved once. */
    private static void insertStations(String jdbcUrl) throws Exception {
        Random random = new Random(20261122L);
        try (Connection c = DriverManager.getConnection(jdbcUrl + "&reWriteBatchedInserts=true")) {
            c.setAutoCommit(false);
            try (PreparedStatement station = c.prepareStatement("insert into station (id, name, kind, latitude, longitude, status, checkin_code,"
                    + " updated_at) values (?, ?, 'RIDER', ?, ?, ?, ?, ?)");
                    PreparedStatement service = c.prepareStatement("insert into station_service (station_id, service) values (?, ?)");
                    PreparedStatement hours = c.prepareStatement("insert into station_hours (station_id, day_of_week, opens, closes) values (?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                String[] days = { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" };
                for (int i = 0; i < STATIONS; i++) {
                    long id = 10_000_000L + i;
                    station.setLong(1, id);
                    station.setString(2, "压测驿站 " + i);
                    station.setDouble(3, 30.45 + random.nextDouble() * 0.45);
                    station.setDouble(4, 103.85 + random.nextDouble() * 0.45);
                    station.setString(5, random.nextInt(50) == 0 ? "TEMPORARILY_CLOSED" : "OPEN");
                    station.setString(6, "BM" + Long.toString(id, 36).toUpperCase(Locale.ROOT));
                    station.setTimestamp(7, now);
                    station.addBatch();
                    for (String code : SERVICES) {
                        if (random.nextInt(10) < (code.equals("battery_swap") ? 3 : 5)) {
                            service.setLong(1, id);
                            service.setString(2, code);
                            service.addBatch();
                        }
                    }
                    boolean aroundTheClock = random.nextInt(3) == 0;
                    for (String day : days) {
                        hours.setLong(1, id);
                        hours.setString(2, day);
                        hours.setTime(3, Time.valueOf(aroundTheClock ? "00:00:00" : "08:00:00"));
                        hours.setTime(4, Time.valueOf(aroundTheClock ? "23:59:59" : "22:00:00"));
                        hours.addBatch();
                    }
                    if (i % 5_000 == 4_999) {
                        station.executeBatch();
                        service.executeBatch();
                        hours.executeBatch();
                    }
                }
                station.executeBatch();
                service.executeBatch();
                hours.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update station_change set version = version + 1 where id = 1");
            }
            c.commit();
        }
    }
}
