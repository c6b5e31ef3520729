package org.district.benchmarks.baseline;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

import org.district.benchmarks.Json;
import org.district.plugins.courierstations.StationSnapshot;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

/**
 * The bare baseline: the same read endpoints as the platform, served by plain Jersey on Jetty 12
 * (the platform's REST stack without OSGi, modules, security, rate limits or filters) from the same
 * stations in the courier-stations module's own index. What the platform costs is what it takes
 * beyond this. Listens on 127.0.0.1 only.
 *
 * <p>{@code java -cp ... BaselineServer PORT STATIONS.json}; prints {@code baseline ready on ...}
 * once it answers, and runs until killed.
 */
public final class BaselineServer {

    private BaselineServer() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        if (args.length != 2) {
            System.err.println("usage: BaselineServer PORT STATIONS.json   (the platform's public map view of every station)");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        List<StationSnapshot> stations = PlatformStations.read(Path.of(args[1]));
        NearestAnswers answers = new NearestAnswers(CityDefaults.settings(), stations);

        ResourceConfig application = new ResourceConfig()
                .register(new BaselineResource(answers))
                .register(new JacksonJsonProvider(Json.mapper()))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ServletContainer(application)), "/api/courier-stations/*");

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        System.out.printf("baseline ready on http://127.0.0.1:%d with %d stations (started in %d ms)%n", connector.getLocalPort(),
                answers.size(), (System.nanoTime() - started) / 1_000_000);
        server.join();
    }
}
