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
        Map<String, Boolean> wanted = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select module_id, enabled from platform_module");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                wanted.put(rs.getString(1), rs.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the enabled modules: " + e.getMessage(), e);
        }
        return wanted;
    }

    void set(String moduleId, boolean enabled, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record module " + moduleId + " as " + (enabled ? "enabled" : "disabled")
                    + ": " + e.getMessage(), e);
        }
    }
}
