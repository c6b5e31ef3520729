package org.district.platform.runtime.internal.db;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Hashtable;

import javax.sql.CommonDataSource;

import org.district.platform.runtime.internal.PlatformSettings;
import org.district.platform.runtime.internal.StartupOutcome;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Writes the launcher's database settings into ConfigAdmin, where {@link PlatformDatabase} reads
 * them; pool settings changed in ConfigAdmin stay, the database is the one the launcher names.
 * When the host that embeds the framework offers its own DataSource (a {@link CommonDataSource}
 * service with {@code district.datasource=host}, registered before the platform's bundles start, as
 * the Open Liberty distribution does with its JNDI DataSource), the configuration says so instead
 * and {@link PlatformDatabase} uses the host's DataSource rather than opening a pool.
 */
@Component(immediate = true, service = {})
public class DatabaseFromLauncher {

    @Reference
    private ConfigurationAdmin configurationAdmin;

    @Activate
    void activate(BundleContext context) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(PlatformDatabase.PID, "?");
        if (PlatformDatabase.hostDataSource(context) != null) {
            useHostDataSource(configuration);
            return;
        }
        PlatformSettings settings = PlatformSettings.of(context);
        String url = settings.jdbcUrl();
        String driver = JdbcUrls.driverClass(url);
        if (driver == null) {
            StartupOutcome.failed(context, "No database driver for " + JdbcUrls.withoutSecrets(url)
                    + ": the platform ships drivers for jdbc:h2: and jdbc:postgresql: URLs.");
            return;
        }
        if (url.startsWith("jdbc:h2:file:")) {
            Files.createDirectories(settings.dataDir());
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        var stored = configuration.getProperties();
        if (stored != null) {
            // Kept from an earlier start, with any pool settings changed since; the launcher's database wins.
            for (var keys = stored.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                properties.put(key, stored.get(key));
            }
        }
        properties.put("url", url);
        properties.put("user", settings.jdbcUser());
        properties.put("driver.target", "(osgi.jdbc.driver.class=" + driver + ")");
        properties.remove("password");
        properties.remove(PlatformDatabase.DATA_SOURCE);
        configuration.updateIfDifferent(properties);
    }

    /**
     * The host's DataSource: no URL, user or password of the platform's own (the host holds them);
     * the driver reference is satisfied by any of the platform's drivers and not used.
     */
    private static void useHostDataSource(Configuration configuration) throws IOException {
        Hashtable<String, Object> properties = new Hashtable<>();
        var stored = configuration.getProperties();
        if (stored != null) {
            for (var keys = stored.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                properties.put(key, stored.get(key));
            }
        }
        properties.put("url", PlatformDatabase.HOST);
        properties.put("user", "");
        properties.put("driver.target", "(osgi.jdbc.driver.class=*)");
        properties.remove("password");
        properties.put(PlatformDatabase.DATA_SOURCE, PlatformDatabase.HOST);
        configuration.updateIfDifferent(properties);
    }
}
