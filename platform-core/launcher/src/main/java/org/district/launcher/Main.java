package org.district.launcher;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** {@code bin/district}: starts the platform in the foreground until it is stopped. */
public final class Main {

    /** Held here: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

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
            // Jersey warns that each resource instance "is not a provider" although it serves it as a resource.
            QUIET.setLevel(java.util.logging.Level.SEVERE);
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
