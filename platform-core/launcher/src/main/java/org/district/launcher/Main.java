package org.district.launcher;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** {@code bin/district}: starts the platform in the foreground until it is stopped. */
public final class Main {

    /**
     * Loggers whose warnings are false alarms here: Jersey calls each resource instance "not a
     * provider" although it serves it as a resource; the Jakarta Persistence API finds no provider
     * through its own lookup, which the platform never uses (it hands EclipseLink each module's
     * unit). Held in a field: java.util.logging forgets the level of a logger nobody references.
     */
    private static final java.util.List<java.util.logging.Logger> QUIET = java.util.List.of(
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers"),
            java.util.logging.Logger.getLogger("jakarta.persistence.spi"));

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("java.util.logging.config.file") == null) {
            // Libraries inside log to java.util.logging at INFO on every start; warnings are what an operator needs.
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            root.setLevel(java.util.logging.Level.WARNING);
            for (java.util.logging.Handler handler : root.getHandlers()) {
                handler.setLevel(java.util.logging.Level.WARNING);
            }
            QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
        }
        LaunchSettings settings;
        try {
            settings = LaunchSettings.from(home(), System::getenv, System::getProperty);
        } catch (IllegalArgumentException e) {
            System.err.println("District platform: " + e.getMessage());
            System.exit(2);
            return;
        }
        Platform platform;
        try {
            platform = Platform.start(settings, System.console() != null);
        } catch (Platform.StartFailure e) {
            System.err.println("District platform did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("District platform ready on http://localhost:%d (started in %d ms)%n", settings.httpPort(), millis);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "district-shutdown"));
        platform.awaitStop();
    }

    /** The distribution's folder: {@code district.home}, or the parent of the launcher jar's {@code lib/}. */
    static Path home() {
        String home = System.getProperty("district.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath();
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().toAbsolutePath();
        } catch (URISyntaxException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
