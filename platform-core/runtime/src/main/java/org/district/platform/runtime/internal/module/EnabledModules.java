package org.district.platform.runtime.internal.module;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The enabled set as the database keeps it: which modules an admin wants enabled. It outlives
 * restarts and, on several nodes, is what they all follow.
 */
final class EnabledModules {

    private final DataSource dataSource;

    EnabledModules(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every module an admin has ever toggled, with its wanted state. */
    Map<String, Boolean> wanted() {
        try (Connection c = dataSource.getConnection()) {
            return wanted(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the enabled modules: " + e.getMessage(), e);
        }
    }

    /** What a toggle decides from the wanted states the database holds: the modules to set, and to what. */
    interface Plan {
        Map<String, Boolean> changes(Map<String, Boolean> wanted);
    }

    /**
     * Decides and records a toggle in one transaction that first moves the change counter: its row
     * lock makes toggles on several nodes at once happen one after the other, each deciding on what
     * the one before wrote. A plan that throws changes nothing. The commit tells the other nodes
     * ({@link ModuleChanges}).
     */
    Map<String, Boolean> change(Plan plan, String actor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ModuleChanges.moved(c, ModuleChanges.MODULES);
                Map<String, Boolean> changes = plan.changes(wanted(c));
                Timestamp now = Timestamp.from(Instant.now());
                for (Map.Entry<String, Boolean> change : changes.entrySet()) {
                    set(c, change.getKey(), change.getValue(), actor, now);
                }
                ModuleChanges.announce(c);
                c.commit();
                return changes;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a change of the enabled modules: " + e.getMessage(), e);
        }
    }

    /** How many toggles the database has seen: a node re-reads the wanted states when it moved. */
    long counter() {
        return ModuleChanges.counter(dataSource, ModuleChanges.MODULES);
    }

    private static Map<String, Boolean> wanted(Connection c) throws SQLException {
        Map<String, Boolean> wanted = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select module_id, enabled from platform_module"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                wanted.put(rs.getString(1), rs.getBoolean(2));
            }
        }
        return wanted;
    }

    private static void set(Connection c, String moduleId, boolean enabled, String actor, Timestamp now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "update platform_module set enabled = ?, changed_at = ?, changed_by = ? where module_id = ?")) {
            update.setBoolean(1, enabled);
            update.setTimestamp(2, now);
            update.setString(3, actor);
            update.setString(4, moduleId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into platform_module (module_id, enabled, changed_at, changed_by) values (?, ?, ?, ?)")) {
            insert.setString(1, moduleId);
            insert.setBoolean(2, enabled);
            insert.setTimestamp(3, now);
            insert.setString(4, actor);
            insert.executeUpdate();
        }
    }
}
