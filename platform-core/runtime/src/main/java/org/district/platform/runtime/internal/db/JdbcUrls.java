package org.district.platform.runtime.internal.db;

/** What the platform knows about the JDBC URLs it accepts. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /** The driver class registered as an OSGi JDBC DataSourceFactory for the URL, or null. */
    public static String driverClass(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        return null;
    }

    /** The EclipseLink database platform for the URL (EclipseLink needs the full class name in OSGi). */
    public static String eclipseLinkPlatform(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.eclipse.persistence.platform.database.PostgreSQLPlatform";
        }
        return H2Database.class.getName();
    }

    /** The URL as it may be shown to people: passwords in it are blanked out. */
    public static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
