package org.district.platform.runtime.internal.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.district.platform.api.module.DemoData;
import org.district.platform.runtime.internal.PlatformSettings;
import org.district.platform.runtime.internal.module.ModuleIds;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * With {@code DISTRICT_DEMO_DATA=true}, loads each module's {@link DemoData} the first time the
 * module is enabled on a database, and never again there.
 */
@Component(immediate = true)
public class DemoDataLoader {

    private static final System.Logger LOG = System.getLogger(DemoDataLoader.class.getName());

    private final DataSource dataSource;
    private final boolean wanted;

    @Activate
    public DemoDataLoader(@Reference DataSource dataSource, BundleContext context) {
        this.dataSource = dataSource;
        this.wanted = PlatformSettings.of(context).demoData();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addDemoData(DemoData demo, ServiceReference<DemoData> reference) {
        if (!wanted || reference.getBundle() == null) {
            return;
        }
        String module = ModuleIds.of(reference.getBundle()).orElse(reference.getBundle().getSymbolicName());
        try {
            if (loaded(module)) {
                return;
            }
            demo.load();
            markLoaded(module);
            LOG.log(System.Logger.Level.INFO, "Loaded the demo data of module " + module);
        } catch (RuntimeException | SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "The demo data of module " + module + " could not be loaded; it is tried again at the next start", e);
        }
    }

    void removeDemoData(DemoData demo) {
        // nothing to undo: demo records are ordinary data once written
    }

    private boolean loaded(String module) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from platform_demo_data where module_id = ?")) {
            s.setString(1, module);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void markLoaded(String module) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into platform_demo_data (module_id, loaded_at) values (?, ?)")) {
            s.setString(1, module);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }
}
