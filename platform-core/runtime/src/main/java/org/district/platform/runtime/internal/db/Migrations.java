package org.district.platform.runtime.internal.db;

import javax.sql.DataSource;

import org.district.platform.api.module.ModuleCapability;
import org.flywaydb.core.Flyway;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Runs the versioned schema migrations a bundle ships in {@code db/<name>/} with Flyway, each
 * bundle with a history table of its own. Flyway's lock lets several nodes start together: the
 * migrations run once.
 */
public final class Migrations {

    private Migrations() {
    }

    /** Whether the bundle ships migrations for {@code name}. */
    public static boolean present(Bundle bundle, String name) {
        var entries = bundle.findEntries(ModuleCapability.MIGRATIONS_FOLDER + "/" + name, "*.sql", false);
        return entries != null && entries.hasMoreElements();
    }

    /** Brings the bundle's tables up to date; throws if a migration fails (it is then rolled back where the database can). */
    public static void run(DataSource dataSource, Bundle bundle, String name) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new IllegalStateException("bundle " + bundle.getSymbolicName() + " is not resolved");
        }
        ClassLoader loader = new BundleFirstClassLoader(wiring.getClassLoader(), Migrations.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Flyway.configure(loader)
                    .dataSource(dataSource)
                    .locations("classpath:" + ModuleCapability.MIGRATIONS_FOLDER + "/" + name)
                    .table("schema_history_" + name.replace('-', '_'))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
