package org.district.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load driver for loopback servers: a fixed number of connections, each
 * sending one GET after another over a kept-alive socket, first for a warm-up that is not counted,
 * then until a number of requests or a time is reached, whichever comes first. Plain sockets keep
 * the driver's own CPU per request small, which matters when it shares two cores with the server.
 *
 * <p>{@code LoadDriver URL CONNECTIONS WARMUP_SECONDS SECONDS MAX_REQUESTS}. In the URL,
 * {@code {lat}} and {@code {lon}} are replaced by points drawn (fixed seed) from the area given
 * by {@code -Dload.area=south,west,north,east}. Prints one line of {@code key=value}: requests,
 * seconds, rps, p50, p90, p99 and max in milliseconds, errors (non-2xx answers and broken
 * connections).
 */
public final class LoadDriver {

    /** Distinct requests each connection cycles through: enough points to spread over the index. */
    private static final int REQUESTS_PER_CONNECTION = 512;
    /** Where {@code {lat}} and {@code {lon}} stand in the URL while it is parsed (braces are not allowed in a URI). */
    private static final String LAT = "__lat__";
    private static final String LON = "__lon__";

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: LoadDriver URL CONNECTIONS WARMUP_SECONDS SECONDS MAX_REQUESTS");
            System.exit(2);
        }
        URI url = URI.create(args[0].replace("{lat}", LAT).replace("{lon}", LON));
        int connections = Integer.parseInt(args[1]);
        double warmUp = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        long maxRequests = Long.parseLong(args[4]);
        if (!"http".equals(url.getScheme()) || !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("the driver only speaks plain HTTP to a loopback address, not " + url);
        }
        double[] area = Arrays.stream(System.getProperty("load.area", "30.55,104.00,30.70,104.13").split(","))
                .mapToDouble(Double::parseDouble).toArray();

        if (warmUp > 0) {
            run(url, connections, area, warmUp, Long.MAX_VALUE, 1);
        }
        Result result = run(url, connections, area, seconds, maxRequests, 2);
        System.out.println(result.line());
        if (result.requests() == 0) {
            System.err.println("LoadDriver: no request to " + args[0] + " was answered");
            System.exit(1);
        }
    }

    /** What one measured phase gave. */
    record Result(long requests, double seconds, long errors, long[] sortedNanos) {

        double percentileMillis(double percent) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
            return sortedNanos[Math.max(0, rank - 1)] / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "requests=%d seconds=%.2f rps=%.0f p50=%.3f p90=%.3f p99=%.3f max=%.3f errors=%d",
                    requests, seconds, requests / seconds, percentileMillis(50), percentileMillis(90), percentileMillis(99),
                    percentileMillis(100), errors);
        }
    }

    private static Result run(URI url, int connections, double[] area, double seconds, long maxRequests, long seed) throws InterruptedException {
        AtomicLong budget = new AtomicLong(maxRequests);
        List<byte[][]> requests = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            requests.add(requests(url, area, new Random(seed * 1_000 + i)));
        }
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        List<Connection> workers = new ArrayList<>();
        for (byte[][] each : requests) {
            workers.add(new Connection(url, each, budget, deadline));
        }
        List<Thread> threads = new ArrayList<>();
        for (Connection worker : workers) {
            Thread thread = new Thread(worker, "load-" + threads.size());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            // each loop ends at the deadline; a request hanging past it is given 30 s more, then abandoned
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 30_000);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long count = 0;
        long errors = 0;
        for (Connection worker : workers) {
            count += worker.count;
            errors += worker.errors;
        }
        long[] all = new long[(int) count];
        int at = 0;
        for (Connection worker : workers) {
            System.arraycopy(worker.nanos, 0, all, at, worker.count);
            at += worker.count;
        }
        Arrays.sort(all);
        return new Result(count, elapsed, errors, all);
    }

    private static byte[][] requests(URI url, double[] area, Random random) {
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        boolean varies = target.contains(LAT) || target.contains(LON);
        byte[][] requests = new byte[varies ? REQUESTS_PER_CONNECTION : 1][];
        for (int i = 0; i < requests.length; i++) {
            String path = target.replace(LAT, String.format(Locale.ROOT, "%.5f", area[0] + random.nextDouble() * (area[2] - area[0])))
                    .replace(LON, String.format(Locale.ROOT, "%.5f", area[1] + random.nextDouble() * (area[3] - area[1])));
            requests[i] = ("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        return requests;
    }

    /** One connection's loop: send, read the whole answer, record the time, again. */
    private static final class Connection implements Runnable {

        private final URI url;
        private final byte[][] requests;
        private final AtomicLong budget;
        private final long deadline;
        private long[] nanos = new long[4096];
        private int count;
        private long errors;

        Connection(URI url, byte[][] requests, AtomicLong budget, long deadline) {
            this.url = url;
            this.requests = requests;
            this.budget = budget;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            Socket socket = null;
            InputStream in = null;
            int next = 0;
            try {
                while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                    long started = System.nanoTime();
                    try {
                        if (socket == null) {
                            socket = new Socket();
                            socket.setTcpNoDelay(true);
                            socket.setSoTimeout(30_000);
                            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
                            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(requests[next++ % requests.length]);
                        out.flush();
                        HttpAnswer answer = HttpAnswer.read(in);
                        record(System.nanoTime() - started);
                        if (answer.status() < 200 || answer.status() > 299) {
                            errors++;
                        }
                        if (!answer.keepAlive()) {
                            socket.close();
                            socket = null;
                        }
                    } catch (IOException e) {
                        errors++;
                        close(socket);
                        socket = null;
                    }
                }
            } finally {
                close(socket);
            }
        }

        private void record(long elapsed) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, nanos.length * 2);
            }
            nanos[count++] = elapsed;
        }

        private static void close(Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a broken connection
                }
            }
        }
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }
}
