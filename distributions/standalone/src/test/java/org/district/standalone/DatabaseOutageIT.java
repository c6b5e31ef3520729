package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.district.platform.testkit.RunningPlatform;
import org.junit.jupiter.api.Test;

/**
 * A database lost while the platform runs: readiness turns DOWN, comes back UP when the database
 * does, and nothing acknowledged is lost. The database is reached through a proxy on loopback
 * that the test cuts and restores (PostgreSQL profile).
 */
class DatabaseOutageIT {

    @Test
    void readinessFollowsTheDatabaseAndAcknowledgedWritesSurvive() throws Exception {
        assumeTrue(RunningPlatform.onPostgres(), "runs on the PostgreSQL profile");
        try (RunningPlatform platform = RunningPlatform.withTestModules(); Proxy proxy = new Proxy(5432)) {
            platform.with("DISTRICT_JDBC_URL", platform.jdbcUrl().replace("localhost:5432", "127.0.0.1:" + proxy.port())
                    .replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port()));
            platform.start();
            long id = platform.postAsAdmin("/api/notice-board/notices",
                    "{\"title\":\"Acknowledged\",\"body\":\"Written before the outage.\",\"community\":\"Banan\"}").json().get("id").asLong();

            proxy.cut();
            awaitReadiness(platform, 503);
            proxy.restore();
            awaitReadiness(platform, 200);

            assertEquals("Acknowledged", platform.get("/api/notice-board/notices/" + id).json().get("title").asText());
        }
    }

    private static void awaitReadiness(RunningPlatform platform, int status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            last = platform.get("/health/ready").status();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        fail("readiness stayed " + last + ", expected " + status);
    }

    /** Forwards loopback connections to the database; cut() drops them all and refuses new ones. */
    private static final class Proxy implements AutoCloseable {
        private final int target;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final int port;
        private volatile ServerSocket server;

        Proxy(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.port = server.getLocalPort();
            accept(server);
        }

        int port() {
            return port;
        }

        private void accept(ServerSocket listening) {
            Thread acceptor = new Thread(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket client = listening.accept();
                        Socket database = new Socket(InetAddress.getLoopbackAddress(), target);
                        open.add(client);
                        open.add(database);
                        pipe(client.getInputStream(), database.getOutputStream());
                        pipe(database.getInputStream(), client.getOutputStream());
                    } catch (IOException e) {
                        // closed by cut()
                    }
                }
            }, "db-proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void pipe(InputStream in, OutputStream out) {
            Thread pump = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = in.read(buffer)) >= 0;) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // connection closed
                }
            }, "db-proxy-pipe");
            pump.setDaemon(true);
            pump.start();
        }

        void cut() throws IOException {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
            open.clear();
        }

        void restore() throws IOException {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            accept(server);
        }

        @Override
        public void close() throws IOException {
            cut();
        }
    }
}
