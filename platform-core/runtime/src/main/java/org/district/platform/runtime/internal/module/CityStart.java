package org.district.platform.runtime.internal.module;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.district.platform.runtime.internal.city.CityProfile;
import org.district.platform.runtime.internal.city.CityProfile.Profile;
import org.district.platform.runtime.internal.city.CityProfile.StartingSettings;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * What a city bundle does on its database before any module starts: it binds the database to the
 * city (a bundle of another city is refused on it, so two cities' data never mix), and it gives the
 * modules the settings the city's profile starts them with. The profile is the starting point and
 * the database the state after: each setting of the profile is applied once, and only if the
 * database has no value of it then, so what an admin changed stays changed through restarts and
 * upgrades, while a setting a newer profile adds is still applied.
 */
@Component(service = CityStart.class)
public class CityStart {

    private static final System.Logger LOG = System.getLogger(CityStart.class.getName());

    @Reference
    private DataSource dataSource;

    @Reference
    private CityProfile city;

    @Reference
    private SharedSettings shared;

    @Reference
    private MetaTypeService metaTypes;

    /**
     * Binds the database and writes the starting settings of the installed modules; throws with the
     * reason when this bundle must not run on this database or its profile does not fit its modules.
     */
    void apply(Map<String, Bundle> modules) {
        Profile profile = city.profile().orElse(null);
        if (profile == null) {
            return;
        }
        bind(profile);
        if (profile.settings() == null) {
            return;
        }
        for (Map.Entry<String, StartingSettings> configuration : profile.settings().entrySet()) {
            String pid = configuration.getKey();
            StartingSettings starting = configuration.getValue();
            Bundle bundle = modules.get(starting.module());
            if (bundle == null) {
                // refused by the manifest check or removed: the module list says why
                LOG.log(System.Logger.Level.WARNING, "City " + profile.id() + ": no module '" + starting.module()
                        + "' to start with settings " + pid);
                continue;
            }
            start(profile.id(), starting.module(), bundle, pid, starting.values());
        }
    }

    /** Records which city this database belongs to, or refuses a bundle of another city. */
    private void bind(Profile profile) {
        String sha256 = city.profileSha256().orElse("");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String bound = null;
                try (PreparedStatement s = c.prepareStatement("select city_id from platform_city");
                        ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        bound = rs.getString(1);
                    }
                }
                Timestamp now = Timestamp.from(Instant.now());
                if (bound == null) {
                    try (PreparedStatement s = c.prepareStatement(
                            "insert into platform_city (city_id, profile_sha256, first_started_at, last_started_at) values (?, ?, ?, ?)")) {
                        s.setString(1, profile.id());
                        s.setString(2, sha256);
                        s.setTimestamp(3, now);
                        s.setTimestamp(4, now);
                        s.executeUpdate();
                    }
                } else if (!bound.equals(profile.id())) {
                    throw new IllegalStateException("this database holds the data of city '" + bound + "', and this is the bundle of city '"
                            + profile.id() + "'; set DISTRICT_JDBC_URL (or DISTRICT_DATA_DIR) to " + profile.id() + "'s own database");
                } else {
                    try (PreparedStatement s = c.prepareStatement(
                            "update platform_city set profile_sha256 = ?, last_started_at = ? where city_id = ?")) {
                        s.setString(1, sha256);
                        s.setTimestamp(2, now);
                        s.setString(3, bound);
                        s.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            // two nodes of one city starting at once: the other one bound it first
            if (!boundTo(profile.id())) {
                throw new IllegalStateException("the database could not be bound to city '" + profile.id() + "': " + e.getMessage(), e);
            }
        }
    }

    private boolean boundTo(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from platform_city where city_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** The profile's values as ConfigAdmin keeps them, each checked against the module's Metatype as an admin's change is. */
    private Map<String, Object> checked(String cityId, Bundle bundle, String pid, Map<String, Object> values) {
        MetaTypeInformation information = metaTypes.getMetaTypeInformation(bundle);
        ObjectClassDefinition definition = information == null ? null : information.getObjectClassDefinition(pid, null);
        if (definition == null) {
            throw new IllegalStateException("city " + cityId + ": module '" + ModuleIds.of(bundle).orElse(bundle.getSymbolicName())
                    + "' has no settings '" + pid + "'");
        }
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            attributes.put(attribute.getID(), attribute);
        }
        List<String> required = new ArrayList<>();
        AttributeDefinition[] requiredOnes = definition.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        if (requiredOnes != null) {
            for (AttributeDefinition attribute : requiredOnes) {
                required.add(attribute.getID());
            }
        }
        Map<String, MetatypeRanges.Range> ranges = MetatypeRanges.of(bundle, pid);
        Map<String, Object> accepted = new LinkedHashMap<>();
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, Object> value : values.entrySet()) {
            AttributeDefinition attribute = attributes.get(value.getKey());
            if (attribute == null) {
                faults.add(pid + "/" + value.getKey() + " is not a setting");
                continue;
            }
            ModuleSettings.Checked result = ModuleSettings.check(attribute, ranges.getOrDefault(attribute.getID(), MetatypeRanges.Range.NONE),
                    required.contains(attribute.getID()), value.getValue());
            if (result.error() != null) {
                faults.add(pid + "/" + value.getKey() + " " + result.error());
            } else if (result.value() != null) {
                accepted.put(attribute.getID(), result.value());
            }
        }
        if (!faults.isEmpty()) {
            throw new IllegalStateException("city " + cityId + ": the profile's settings do not fit module '"
                    + ModuleIds.of(bundle).orElse(bundle.getSymbolicName()) + "' " + ModuleIds.version(bundle) + ": " + String.join("; ", faults));
        }
        return accepted;
    }

    /**
     * Adds to the database's values of the configuration those of the profile's values it has not
     * applied before and the database has none of, for every node, then to this node's ConfigAdmin.
     * Each value is applied once: an admin who later sets it back to its default keeps the default.
     */
    private void start(String cityId, String module, Bundle bundle, String pid, Map<String, Object> profileValues) {
        Set<String> applied = applied(pid);
        Map<String, Object> unapplied = new LinkedHashMap<>(profileValues);
        unapplied.keySet().removeAll(applied);
        if (unapplied.isEmpty()) {
            return; // every restart after the first: nothing to check or write
        }
        List<String> fresh = new ArrayList<>(unapplied.keySet());
        Map<String, Object> current = shared.stored(pid);
        Map<String, Object> next = new LinkedHashMap<>(current);
        checked(cityId, bundle, pid, unapplied).forEach(next::putIfAbsent);
        if (next.size() != current.size()) {
            try {
                shared.write(module, pid, next, "city profile " + cityId);
            } catch (IOException e) {
                throw new IllegalStateException("the settings " + pid + " could not be applied: " + e.getMessage(), e);
            }
            LOG.log(System.Logger.Level.INFO, "City " + cityId + ": module " + module + " (" + bundle.getSymbolicName()
                    + ") starts with the profile's " + pid + " settings " + new TreeSet<>(fresh));
        }
        markApplied(pid, fresh);
    }

    private Set<String> applied(String pid) {
        Set<String> applied = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select setting from platform_city_setting where pid = ?")) {
            s.setString(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read which settings the city's profile applied: " + e.getMessage(), e);
        }
        return applied;
    }

    private void markApplied(String pid, List<String> settings) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into platform_city_setting (pid, setting, applied_at) values (?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (String setting : settings) {
                s.setString(1, pid);
                s.setString(2, setting);
                s.setTimestamp(3, now);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            // another node of the city applied them at the same moment: the same values
            if (!applied(pid).containsAll(settings)) {
                throw new IllegalStateException("cannot record the settings the city's profile applied: " + e.getMessage(), e);
            }
        }
    }
}
