package org.district.platform.runtime.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/**
 * The settings the launcher hands to the runtime as framework properties. The launcher reads them
 * from the environment ({@code DISTRICT_JDBC_URL}) or from system properties of the same name in
 * lower case with dots ({@code district.jdbc.url}).
 */
public record PlatformSettings(Path dataDir, Path pluginsDir, Path cityDir, boolean allowUnlistedModules, String jdbcUrl,
        String jdbcUser, String jdbcPassword, String adminPassword, boolean demoData, String httpEndpoint, String corsOrigins,
        int publicRateLimit) {

    public static final String DATA_DIR = "district.data.dir";
    public static final String PLUGINS_DIR = "district.plugins.dir";
    /** A city bundle's folder (its profile and manifest); the platform runs as no particular city without one. */
    public static final String CITY_DIR = "district.city.dir";
    /** True: module jars the city's manifest does not list are loaded all the same. */
    public static final String ALLOW_UNLISTED_MODULES = "district.allow.unlisted.modules";
    public static final String JDBC_URL = "district.jdbc.url";
    public static final String JDBC_USER = "district.jdbc.user";
    public static final String JDBC_PASSWORD = "district.jdbc.password";
    public static final String ADMIN_PASSWORD = "district.admin.password";
    public static final String DEMO_DATA = "district.demo.data";
    public static final String HTTP_PORT = "org.osgi.service.http.port";
    public static final String CORS_ORIGINS = "district.cors.origins";
    public static final String PUBLIC_RATE_LIMIT = "district.public.rate.limit";
    /** Requests a minute from one address without credentials, unless configured otherwise. */
    public static final int DEFAULT_PUBLIC_RATE_LIMIT = 1200;

    public static PlatformSettings of(BundleContext context) {
        Path dataDir = Path.of(orDefault(context.getProperty(DATA_DIR), "data")).toAbsolutePath();
        Path pluginsDir = Path.of(orDefault(context.getProperty(PLUGINS_DIR), "plugins")).toAbsolutePath();
        String url = orDefault(context.getProperty(JDBC_URL), defaultJdbcUrl(dataDir));
        Path cityDir = Path.of(orDefault(context.getProperty(CITY_DIR), "city")).toAbsolutePath();
        return new PlatformSettings(dataDir, pluginsDir, cityDir, Boolean.parseBoolean(context.getProperty(ALLOW_UNLISTED_MODULES)), url,
                orDefault(context.getProperty(JDBC_USER), ""),
                orDefault(context.getProperty(JDBC_PASSWORD), ""),
                context.getProperty(ADMIN_PASSWORD),
                Boolean.parseBoolean(context.getProperty(DEMO_DATA)),
                "http://localhost:" + orDefault(context.getProperty(HTTP_PORT), "8080"),
                orDefault(context.getProperty(CORS_ORIGINS), ""),
                publicRateLimit(context.getProperty(PUBLIC_RATE_LIMIT)));
    }

    private static int publicRateLimit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PUBLIC_RATE_LIMIT;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DISTRICT_PUBLIC_RATE_LIMIT must be a number of requests a minute, not '" + value + "'");
        }
    }

    /**
     * The embedded database: an H2 file in the data folder. H2 otherwise writes committed
     * transactions to its file up to half a second later, and a process killed in between loses
     * writes it had acknowledged; {@code WRITE_DELAY=0} writes each commit before it returns.
     */
    public static String defaultJdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("district").toString().replace('\\', '/') + ";WRITE_DELAY=0";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
