package org.district.platform.runtime.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/**
 * The settings the launcher hands to the runtime as framework properties. The launcher reads them
 * from the environment ({@code DISTRICT_JDBC_URL}) or from system properties of the same name in
 * lower case with dots ({@code district.jdbc.url}).
 */
public record PlatformSettings(Path dataDir, Path pluginsDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
        String adminPassword, boolean demoData, String httpEndpoint) {

    public static final String DATA_DIR = "district.data.dir";
    public static final String PLUGINS_DIR = "district.plugins.dir";
    public static final String JDBC_URL = "district.jdbc.url";
    public static final String JDBC_USER = "district.jdbc.user";
    public static final String JDBC_PASSWORD = "district.jdbc.password";
    public static final String ADMIN_PASSWORD = "district.admin.password";
    public static final String DEMO_DATA = "district.demo.data";
    public static final String HTTP_PORT = "org.osgi.service.http.port";

    public static PlatformSettings of(BundleContext context) {
        Path dataDir = Path.of(orDefault(context.getProperty(DATA_DIR), "data")).toAbsolutePath();
        Path pluginsDir = Path.of(orDefault(context.getProperty(PLUGINS_DIR), "plugins")).toAbsolutePath();
        String url = orDefault(context.getProperty(JDBC_URL), defaultJdbcUrl(dataDir));
        return new PlatformSettings(dataDir, pluginsDir, url,
                orDefault(context.getProperty(JDBC_USER), ""),
                orDefault(context.getProperty(JDBC_PASSWORD), ""),
                context.getProperty(ADMIN_PASSWORD),
                Boolean.parseBoolean(context.getProperty(DEMO_DATA)),
                "http://localhost:" + orDefault(context.getProperty(HTTP_PORT), "8080"));
    }

    /** The embedded database: an H2 file in the data folder. */
    public static String defaultJdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("district").toString().replace('\\', '/');
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
