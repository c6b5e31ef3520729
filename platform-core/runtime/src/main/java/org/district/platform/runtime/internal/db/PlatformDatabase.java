package org.district.platform.runtime.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import javax.sql.CommonDataSource;
import javax.sql.DataSource;

import org.district.platform.runtime.internal.PlatformSettings;
import org.district.platform.runtime.internal.StartupOutcome;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The platform's one connection pool. It opens the pool, brings the platform's own tables up to
 * date, and only then offers the pool as a {@link DataSource} service to the rest of the platform.
 * A database that cannot be reached at start is a failed start that names the URL.
 *
 * <p>A host that embeds the framework may bring its own pool instead (the Open Liberty distribution's
 * JNDI DataSource): it registers it before the platform's bundles start as a {@link CommonDataSource}
 * service with {@code district.datasource=host} (not as a {@link DataSource} service, which the
 * platform's components would take before the platform's tables are up to date).
 * {@link DatabaseFromLauncher} then marks the configuration {@code datasource=host}, and this
 * component brings the platform's tables up to date on the host's DataSource and offers that one;
 * the host owns it, so it is never closed here.
 */
@Component(configurationPid = PlatformDatabase.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = PlatformDatabase.Config.class)
public class PlatformDatabase {

    public static final String PID = "org.district.platform.database";
    /** The configuration property, and the host's service property, that say the DataSource is the host's. */
    static final String DATA_SOURCE = "datasource";
    static final String HOST = "host";
    /** The service property by which a host's DataSource is found. */
    static final String HOST_FILTER = "(&(objectClass=" + CommonDataSource.class.getName() + ")(district.datasource=" + HOST + "))";

    @ObjectClassDefinition(name = "Platform database", description = "The connection pool every module's data goes through.")
    public @interface Config {
        @AttributeDefinition(name = "JDBC URL", description = "jdbc:h2:file:... (embedded) or jdbc:postgresql://host:5432/db")
        String url();

        @AttributeDefinition(name = "User", required = false)
        String user() default "";

        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String password() default "";

        @AttributeDefinition(name = "Largest pool size", min = "1", max = "200")
        int maximumPoolSize() default 10;

        @AttributeDefinition(name = "Connection timeout (ms)", description = "How long a request waits for a connection before it fails.", min = "250")
        long connectionTimeoutMs() default 3000;
    }

    @Reference(name = "driver")
    private DataSourceFactory driver;

    private HikariDataSource pool;
    private ServiceRegistration<DataSource> registration;
    private BundleContext context;
    private ServiceReference<?> host;

    @Activate
    void activate(BundleContext context, Config config, Map<String, Object> componentProperties) {
        if (HOST.equals(componentProperties.get(DATA_SOURCE))) {
            activateOnHost(context);
            return;
        }
        String shownUrl = JdbcUrls.withoutSecrets(config.url());
        try {
            Properties properties = new Properties();
            properties.setProperty(DataSourceFactory.JDBC_URL, config.url());
            if (!config.user().isEmpty()) {
                properties.setProperty(DataSourceFactory.JDBC_USER, config.user());
            }
            // The launcher's password stays out of the stored configuration: it comes from the environment at each start.
            String password = config.password().isEmpty() ? PlatformSettings.of(context).jdbcPassword() : config.password();
            if (!password.isEmpty()) {
                properties.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
            }
            HikariConfig hikari = new HikariConfig();
            hikari.setPoolName("district");
            hikari.setDataSource(driver.createDataSource(properties));
            hikari.setMaximumPoolSize(config.maximumPoolSize());
            hikari.setConnectionTimeout(config.connectionTimeoutMs());
            hikari.setValidationTimeout(Math.min(config.connectionTimeoutMs(), 2000));
            pool = new HikariDataSource(hikari);
        } catch (SQLException | RuntimeException e) {
            close();
            StartupOutcome.failed(context, "Cannot open the database at " + shownUrl + ": " + rootMessage(e));
            return;
        }
        try {
            Migrations.run(pool, context.getBundle(), "platform");
        } catch (RuntimeException e) {
            close();
            StartupOutcome.failed(context, "Cannot bring the platform tables at " + shownUrl + " up to date: " + rootMessage(e));
            return;
        }
        registration = context.registerService(DataSource.class, pool,
                FrameworkUtil.asDictionary(Map.of("district.database.url", shownUrl)));
    }

    /** The host's DataSource: checked, the platform's tables brought up to date, offered; never closed. */
    private void activateOnHost(BundleContext context) {
        ServiceReference<?> reference = hostDataSource(context);
        Object service = reference == null ? null : context.getService(reference);
        if (!(service instanceof DataSource dataSource)) {
            if (service != null) {
                context.ungetService(reference);
            }
            StartupOutcome.failed(context, "The host's DataSource is gone (the platform is configured to use the host's, "
                    + "a " + CommonDataSource.class.getName() + " service with district.datasource=host).");
            return;
        }
        this.context = context;
        this.host = reference;
        String shownUrl = "the host's DataSource";
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            if (url != null && !url.isBlank()) {
                shownUrl = JdbcUrls.withoutSecrets(url);
            }
        } catch (SQLException | RuntimeException e) {
            releaseHost();
            StartupOutcome.failed(context, "Cannot open the database at " + shownUrl + ": " + rootMessage(e));
            return;
        }
        try {
            Migrations.run(dataSource, context.getBundle(), "platform");
        } catch (RuntimeException e) {
            releaseHost();
            StartupOutcome.failed(context, "Cannot bring the platform tables at " + shownUrl + " up to date: " + rootMessage(e));
            return;
        }
        registration = context.registerService(DataSource.class, dataSource,
                FrameworkUtil.asDictionary(Map.of("district.database.url", shownUrl, "district.datasource", HOST)));
    }

    /** The DataSource a host registered before the platform's bundles started, or null. */
    static ServiceReference<?> hostDataSource(BundleContext context) {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null, HOST_FILTER);
            return references == null || references.length == 0 ? null : references[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        close();
        releaseHost();
    }

    /** Gives the host's DataSource back to the framework; the host closes it when it is done with it. */
    private void releaseHost() {
        if (host != null) {
            context.ungetService(host);
            host = null;
            context = null;
        }
    }

    private void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
