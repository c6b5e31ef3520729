package org.district.platform.runtime.internal.db;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.district.platform.runtime.internal.PlatformSettings;
import org.district.platform.runtime.internal.StartupOutcome;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
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
 */
@Component(configurationPid = PlatformDatabase.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = PlatformDatabase.Config.class)
public class PlatformDatabase {

    public static final String PID = "org.district.platform.database";

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

    @Activate
    void activate(BundleContext context, Config config) {
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

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        close();
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
