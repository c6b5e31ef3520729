package org.district.platform.runtime.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.district.platform.api.module.ModuleCapability;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.logging.LogFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Runs the versioned schema migrations a bundle ships in {@code db/<name>/} with Flyway, each
 * bundle with a history table of its own. Flyway's lock lets several nodes start together: the
 * migrations run once.
 *
 * <p>Once a bundle's migrations have run to the end, a fingerprint of their files is kept; a later
 * start with the very same files has nothing to migrate and skips Flyway (a good part of a second
 * over all modules). Any other file, or no fingerprint, and Flyway runs as always.
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
        String fingerprint = fingerprint(bundle, name);
        if (fingerprint.equals(applied(dataSource, name))) {
            return;
        }
        try (Connection lock = dataSource.getConnection()) {
            // Nodes starting together migrate one after the other: Flyway's own lock is taken only once
            // its history table exists, and two nodes creating that table at once fail one of them.
            boolean postgres = "PostgreSQL".equals(lock.getMetaData().getDatabaseProductName());
            if (postgres) {
                try (Statement s = lock.createStatement()) {
                    s.execute("select pg_advisory_lock(hashtext('district.migrations'))");
                }
            }
            try {
                if (!fingerprint.equals(applied(dataSource, name))) { // another node may have done it meanwhile
                    migrate(dataSource, bundle, name);
                    remember(dataSource, name, fingerprint);
                }
            } finally {
                if (postgres) {
                    try (Statement s = lock.createStatement()) {
                        s.execute("select pg_advisory_unlock(hashtext('district.migrations'))");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock the database for the migrations of " + name + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource dataSource, Bundle bundle, String name) {
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
            // Flyway keeps the last configuration in a static field for its logging, and with it the
            // module's class loader: hand it one of the platform's, so an updated module's old revision can go.
            LogFactory.setConfiguration(Flyway.configure(Migrations.class.getClassLoader()));
        }
    }

    /** SHA-256 over the names and contents of the bundle's migration files, in name order. */
    static String fingerprint(Bundle bundle, String name) {
        List<URL> files = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(ModuleCapability.MIGRATIONS_FOLDER + "/" + name, "*", true);
        while (entries != null && entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            if (!entry.getPath().endsWith("/")) {
                files.add(entry);
            }
        }
        files.sort(Comparator.comparing(URL::getPath));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (URL file : files) {
                digest.update(file.getPath().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try (InputStream in = file.openStream()) {
                    digest.update(in.readAllBytes());
                }
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot read the migrations of " + bundle.getSymbolicName() + ": " + e.getMessage(), e);
        }
    }

    /** The fingerprint of the migrations that last ran to the end for {@code name}; null when there is none (or no table yet). */
    private static String applied(DataSource dataSource, String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select fingerprint from platform_schema_fingerprint where schema_name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /** Keeps the fingerprint; it only spares work later, so a node that loses a race to write it has nothing to do. */
    private static void remember(DataSource dataSource, String name, String fingerprint) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("delete from platform_schema_fingerprint where schema_name = ?");
                    PreparedStatement insert = c.prepareStatement(
                            "insert into platform_schema_fingerprint (schema_name, fingerprint, migrated_at) values (?, ?, ?)")) {
                delete.setString(1, name);
                delete.executeUpdate();
                insert.setString(1, name);
                insert.setString(2, fingerprint);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // the next start runs Flyway again, which finds nothing to do
        }
    }
}
