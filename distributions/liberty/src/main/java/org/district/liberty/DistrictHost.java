package org.district.liberty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.CommonDataSource;
import javax.sql.DataSource;

import org.district.launcher.LaunchSettings;
import org.district.launcher.Platform;
import org.osgi.framework.BundleContext;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Starts the District platform inside the web application: Apache Felix with the bundles of
 * {@code WEB-INF/district/bundles} (the platform, the Felix HTTP bridge instead of Jetty) and the
 * modules of {@code WEB-INF/district/plugins}, with the server's JNDI DataSource as the platform's
 * database. Liberty's servlet container then reaches the bundles' servlets through the Felix HTTP
 * proxy servlet, which finds the framework under the servlet context attribute
 * {@code org.osgi.framework.BundleContext}.
 *
 * <p>Settings are the standalone distribution's ({@code DISTRICT_ADMIN_PASSWORD}, {@code DISTRICT_DEMO_DATA},
 * ...), from the environment or system properties; the database is the server's ({@code server.xml}).
 * Which modules are enabled comes from the database at every start: the framework's cache is
 * cleaned at every start, which is also every restart of the web application by Liberty.
 */
public final class DistrictHost implements ServletContextListener {

    /** The servlet context parameter that names the server's DataSource. */
    static final String DATA_SOURCE_PARAMETER = "district.datasource.jndi";
    /** The server's data folder for the platform (ConfigAdmin's settings), a {@code jndiEntry} in server.xml. */
    static final String DATA_DIR_ENTRY = "district/dataDir";

    /**
     * The Jakarta Servlet packages the container provides, as the system bundle exports them. The
     * Felix HTTP bridge 5 imports {@code jakarta.servlet.descriptor} in {@code [5,6)} (and the other
     * packages in {@code [5,7)}): exported as 6.0 only, the bridge stays unresolved and every request
     * is answered 503. Each package is exported as 5.0 for it and as 6.0, which is what Liberty's
     * servlet-6.0 feature is, for bundles that ask for Servlet 6.
     */
    static final String SERVLET_PACKAGES = String.join(",",
            servletPackage("jakarta.servlet"), servletPackage("jakarta.servlet.annotation"),
            servletPackage("jakarta.servlet.descriptor"), servletPackage("jakarta.servlet.http"));

    /**
     * The servlet contract the platform's bundles require: bnd derived {@code JakartaServlet 6.1} from
     * the Felix servlet API 6.1 they compile against, while Liberty's servlet-6.0 feature (the newest
     * in Open Liberty 26.0.0.3) is Servlet 6.0. The platform's bundles call nothing that Servlet 6.1
     * added (no Charset overloads, no sendRedirect(String, int), no ByteBuffer streams, no session
     * accessor: checked in their bytecode), so the system bundle offers the contract for 5.0 to 6.1.
     * No {@code uses} directive: each package is exported twice (5.0 and 6.0) by the same bundle.
     */
    static final String SERVLET_CONTRACT = "osgi.contract;osgi.contract=JakartaServlet;version:List<Version>=\"5.0,6.0,6.1\"";

    private static final System.Logger LOG = System.getLogger("district");

    /**
     * Loggers whose warnings are false alarms here, quieted as the standalone launcher does: Jersey
     * calls each resource instance "not a provider" although it serves it as a resource; the Jakarta
     * Persistence API finds no provider through its own lookup, which the platform never uses. Held
     * in a field: java.util.logging forgets the level of a logger nobody references.
     */
    private static final java.util.List<java.util.logging.Logger> QUIET = java.util.List.of(
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers"),
            java.util.logging.Logger.getLogger("jakarta.persistence.spi"));

    private Platform platform;

    private static String servletPackage(String name) {
        return name + ";version=\"5.0.0\"," + name + ";version=\"6.0.0\"";
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext servletContext = event.getServletContext();
        long started = System.currentTimeMillis();
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
        platformMBeanServer();
        try {
            DataSource dataSource = HostDataSource.of(dataSource(servletContext));
            Path district = folder(servletContext, "/WEB-INF/district");
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put("DISTRICT_DATA_DIR", dataDir(servletContext).toString());
            defaults.put("DISTRICT_PLUGINS_DIR", district.resolve("plugins").toString());
            // a city's WAR (distributions/cities) holds its profile and manifest here
            defaults.put("DISTRICT_CITY_DIR", district.resolve("city").toString());
            LaunchSettings settings = LaunchSettings.from(Path.of("").toAbsolutePath(),
                    name -> System.getenv(name) != null ? System.getenv(name) : defaults.get(name), System::getProperty);
            platform = Platform.startEmbedded(settings, district.resolve("bundles"), frameworkProperties(),
                    context -> offer(context, dataSource));
            servletContext.setAttribute(BundleContext.class.getName(), platform.bundleContext());
            LOG.log(System.Logger.Level.INFO, "District platform started in the web application in "
                    + (System.currentTimeMillis() - started) + " ms");
        } catch (Platform.StartFailure | IllegalArgumentException | IOException | NamingException e) {
            // The application does not start; Liberty names it and serves no request of it.
            throw new IllegalStateException("District platform did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        event.getServletContext().removeAttribute(BundleContext.class.getName());
        if (platform != null) {
            // Stops every bundle; the runtime lets go of the server's DataSource, which stays the server's.
            platform.close();
            platform = null;
        }
    }

    /**
     * EclipseLink registers its MBeans in the JVM's MBean server, which it looks for from a bundle's
     * class loader. Liberty names its own MBean server builder in {@code javax.management.builder.initial},
     * a class no bundle can load, so the server is created here first, from the application's class loader.
     */
    private static void platformMBeanServer() {
        try {
            java.lang.management.ManagementFactory.getPlatformMBeanServer();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "No platform MBean server: " + e);
        }
    }

    /** The framework properties of an embedded platform over those of its settings. */
    static Map<String, String> frameworkProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("org.osgi.framework.system.packages.extra", SERVLET_PACKAGES);
        properties.put("org.osgi.framework.system.capabilities.extra", SERVLET_CONTRACT);
        // Liberty owns the JVM's URL stream handler factory; the framework must not try to take it.
        properties.put("felix.service.urlhandlers", "false");
        // The database is the server's: the platform gets neither a URL nor credentials of its own.
        properties.put("district.jdbc.url", null);
        properties.put("district.jdbc.user", null);
        properties.put("district.jdbc.password", null);
        // No HTTP server bundle: the bridge serves through Liberty's, on Liberty's port.
        properties.put("org.apache.felix.http.host", null);
        properties.put("org.apache.felix.http.jetty.sendServerHeader", null);
        return properties;
    }

    /**
     * Offers the server's DataSource to the platform, before its bundles start: as a
     * {@link CommonDataSource} with {@code district.datasource=host}, which the runtime's database
     * component takes, brings the platform's tables up to date on, and then offers as the platform's
     * {@link DataSource}.
     */
    private static void offer(BundleContext context, DataSource dataSource) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("district.datasource", "host");
        context.registerService(CommonDataSource.class.getName(), dataSource, properties);
    }

    private static DataSource dataSource(ServletContext servletContext) throws NamingException {
        String name = servletContext.getInitParameter(DATA_SOURCE_PARAMETER);
        if (name == null || name.isBlank()) {
            name = "jdbc/district";
        }
        Object found = new InitialContext().lookup(name);
        if (!(found instanceof DataSource dataSource)) {
            throw new NamingException(name + " is not a javax.sql.DataSource but " + found);
        }
        return dataSource;
    }

    /** The server's {@code district/dataDir}, or else a folder in the web application's temporary folder. */
    private static Path dataDir(ServletContext servletContext) {
        try {
            Object entry = new InitialContext().lookup(DATA_DIR_ENTRY);
            if (entry != null && !entry.toString().isBlank()) {
                return Path.of(entry.toString().strip()).toAbsolutePath();
            }
        } catch (NamingException e) {
            // no entry: the temporary folder
        }
        return temporaryFolder(servletContext).resolve("data");
    }

    private static Path temporaryFolder(ServletContext servletContext) {
        Object temporary = servletContext.getAttribute(ServletContext.TEMPDIR);
        return (temporary instanceof java.io.File file ? file.toPath() : Path.of(System.getProperty("java.io.tmpdir")))
                .resolve("district");
    }

    /**
     * A folder of the web application on disk: where it is when the server expanded the application
     * ({@code applicationManager autoExpand="true"}), else copied out into the temporary folder. The
     * framework installs the bundles in place ({@code reference:} URLs), so they must be files.
     */
    static Path folder(ServletContext servletContext, String path) throws IOException {
        String real = servletContext.getRealPath(path);
        if (real != null && Files.isDirectory(Path.of(real))) {
            return Path.of(real);
        }
        Path target = temporaryFolder(servletContext).resolve("webapp").resolve(path.substring(1));
        copy(servletContext, path.endsWith("/") ? path : path + "/", target);
        return target;
    }

    private static void copy(ServletContext servletContext, String path, Path target) throws IOException {
        Set<String> entries = servletContext.getResourcePaths(path);
        if (entries == null) {
            return;
        }
        Files.createDirectories(target);
        for (String entry : entries) {
            String name = entry.substring(path.length()).replace("/", "");
            if (entry.endsWith("/")) {
                copy(servletContext, entry, target.resolve(name));
            } else {
                try (InputStream in = servletContext.getResourceAsStream(entry)) {
                    if (in != null) {
                        Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
