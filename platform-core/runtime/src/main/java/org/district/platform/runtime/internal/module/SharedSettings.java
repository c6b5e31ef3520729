package org.district.platform.runtime.internal.module;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The modules' settings as every node of a city shares them: a change made through
 * {@link ModuleSettings} is written to the database with the change counter 'config' moved, in one
 * transaction, and each node writes into its own ConfigAdmin what the database holds whenever that
 * counter moved (at once on PostgreSQL, which notifies the change; else within a second). At start,
 * the database's settings are applied before anything else reads them.
 */
@Component(service = SharedSettings.class, immediate = true)
public class SharedSettings {

    private static final System.Logger LOG = System.getLogger(SharedSettings.class.getName());
    private static final long FOLLOW_MILLIS = 1000;
    /** The manifest header in which a module names the settings it renamed. */
    public static final String RENAMES_HEADER = "District-Setting-Renames";
    private static final java.util.regex.Pattern RENAME = java.util.regex.Pattern.compile("([^/=\\s]+)/([^/=\\s]+)\\s*=\\s*([^/=\\s]+)");

    @Reference
    private DataSource dataSource;

    @Reference
    private ConfigurationAdmin configurationAdmin;

    private volatile boolean stopping;
    private Thread follower;
    private long followed = -1;

    @Activate
    void activate() {
        follower = new Thread(this::follow, "district-settings");
        follower.setDaemon(true);
        follower.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        follower.interrupt();
        follower.join(10_000);
    }

    /**
     * Records a configuration's properties for every node, then applies them to this node's
     * ConfigAdmin. Under this object's lock, as the follower's {@link #apply}: a follower that read
     * the database just before this change must not write what it read over it.
     */
    synchronized void write(String module, String pid, Map<String, Object> properties, String actor) throws IOException {
        share(module, pid, properties, actor);
        Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
        if (!SettingsCodec.same(properties, SettingsCodec.properties(configuration.getProperties()))) {
            configuration.update(SettingsCodec.dictionary(properties));
        }
    }

    /** Records a configuration's properties as they now are on this node, for every node. */
    private void share(String module, String pid, Map<String, Object> properties, String actor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ModuleChanges.moved(c, ModuleChanges.CONFIG);
                String json = SettingsCodec.encode(properties);
                Timestamp now = Timestamp.from(Instant.now());
                int updated;
                try (PreparedStatement update = c.prepareStatement(
                        "update platform_module_config set module_id = ?, properties = ?, changed_at = ?, changed_by = ? where pid = ?")) {
                    update.setString(1, module);
                    update.setString(2, json);
                    update.setTimestamp(3, now);
                    update.setString(4, actor);
                    update.setString(5, pid);
                    updated = update.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement insert = c.prepareStatement(
                            "insert into platform_module_config (pid, module_id, properties, changed_at, changed_by) values (?, ?, ?, ?, ?)")) {
                        insert.setString(1, pid);
                        insert.setString(2, module);
                        insert.setString(3, json);
                        insert.setTimestamp(4, now);
                        insert.setString(5, actor);
                        insert.executeUpdate();
                    }
                }
                ModuleChanges.announce(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the settings could not be shared with the other nodes: " + e.getMessage(), e);
        }
    }

    /**
     * Moves the stored values of the settings a module renamed to their new names, for every node,
     * before the module starts: its bundle says which in {@value #RENAMES_HEADER}
     * ({@code <pid>/<old name>=<new name>, ...}). A value stored under both names keeps the new
     * one; the old one is then dropped with a warning that says what it was, never in silence.
     */
    synchronized void renameSettings(String module, Bundle bundle) {
        Map<String, Map<String, String>> renames = renames(bundle);
        for (Map.Entry<String, Map<String, String>> configuration : renames.entrySet()) {
            String pid = configuration.getKey();
            Map<String, Object> moved = rename(module, bundle, pid, configuration.getValue());
            if (moved == null) {
                continue;
            }
            try {
                configurationAdmin.getConfiguration(pid, "?").update(SettingsCodec.dictionary(moved));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot apply the renamed settings " + pid + " on this node: " + e.getMessage());
            }
        }
    }

    /** The renames a module declares, by PID: old name to new name. */
    static Map<String, Map<String, String>> renames(Bundle bundle) {
        String header = bundle.getHeaders("").get(RENAMES_HEADER);
        Map<String, Map<String, String>> renames = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return renames;
        }
        for (String entry : header.split(",")) {
            java.util.regex.Matcher rename = RENAME.matcher(entry.strip());
            if (!rename.matches()) {
                LOG.log(System.Logger.Level.WARNING, "Bundle " + bundle.getSymbolicName() + ": '" + entry.strip() + "' in "
                        + RENAMES_HEADER + " is not <pid>/<old name>=<new name>; ignored");
                continue;
            }
            renames.computeIfAbsent(rename.group(1), pid -> new LinkedHashMap<>()).put(rename.group(2), rename.group(3));
        }
        return renames;
    }

    /** The configuration's properties after the renames, written for every node; null when nothing was to move. */
    private Map<String, Object> rename(String module, Bundle bundle, String pid, Map<String, String> renames) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ModuleChanges.moved(c, ModuleChanges.CONFIG); // holds the lock: one node renames, the others find it done
                Map<String, Object> properties = new LinkedHashMap<>(stored(c, pid));
                if (properties.isEmpty()) {
                    c.rollback();
                    return null;
                }
                boolean changed = false;
                for (Map.Entry<String, String> rename : renames.entrySet()) {
                    if (!properties.containsKey(rename.getKey())) {
                        continue;
                    }
                    Object value = properties.remove(rename.getKey());
                    changed = true;
                    if (properties.containsKey(rename.getValue())) {
                        LOG.log(System.Logger.Level.WARNING, "Module " + module + ": setting " + pid + "/" + rename.getKey() + " was renamed "
                                + rename.getValue() + ", which has a value already (" + properties.get(rename.getValue())
                                + "); the old value " + SettingsCodec.encode(Map.of(rename.getKey(), value)) + " is dropped");
                    } else {
                        properties.put(rename.getValue(), value);
                        LOG.log(System.Logger.Level.INFO, "Module " + module + ": setting " + pid + "/" + rename.getKey()
                                + " is now " + rename.getValue() + "; its value moved");
                    }
                }
                if (!changed) {
                    c.rollback();
                    return null;
                }
                try (PreparedStatement update = c.prepareStatement(
                        "update platform_module_config set properties = ?, changed_at = ?, changed_by = ? where pid = ?")) {
                    update.setString(1, SettingsCodec.encode(properties));
                    update.setTimestamp(2, Timestamp.from(Instant.now()));
                    update.setString(3, "upgrade of " + module + " to " + ModuleIds.version(bundle));
                    update.setString(4, pid);
                    update.executeUpdate();
                }
                ModuleChanges.announce(c);
                c.commit();
                return properties;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the renamed settings of " + pid + " could not be moved: " + e.getMessage(), e);
        }
    }

    /** The configuration's properties as every node shares them; empty when no change was ever shared. */
    Map<String, Object> stored(String pid) {
        try (Connection c = dataSource.getConnection()) {
            return stored(c, pid);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the settings " + pid + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> stored(Connection c, String pid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select properties from platform_module_config where pid = ?")) {
            s.setString(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? SettingsCodec.decode(rs.getString(1)) : Map.of();
            }
        }
    }

    private void follow() {
        ModuleChanges changes = new ModuleChanges(dataSource);
        try {
            while (!stopping) {
                try {
                    long counter = counter();
                    if (counter != followed) {
                        apply();
                        followed = counter;
                    }
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Cannot follow the module settings in the database: " + e.getMessage());
                }
                if (!changes.await(FOLLOW_MILLIS) && !stopping) {
                    Thread.interrupted();
                }
            }
        } finally {
            changes.close();
        }
    }

    private long counter() {
        return ModuleChanges.counter(dataSource, ModuleChanges.CONFIG);
    }

    /** Writes into this node's ConfigAdmin each shared configuration that differs from what it holds. */
    private synchronized void apply() {
        Map<String, String> shared = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select pid, properties from platform_module_config order by pid");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                shared.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the shared settings: " + e.getMessage(), e);
        }
        shared.forEach((pid, json) -> {
            try {
                Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
                Map<String, Object> wanted = SettingsCodec.decode(json);
                if (!SettingsCodec.same(wanted, SettingsCodec.properties(configuration.getProperties()))) {
                    configuration.update(SettingsCodec.dictionary(wanted));
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot apply the shared settings " + pid + ": " + e.getMessage());
            }
        });
    }
}
