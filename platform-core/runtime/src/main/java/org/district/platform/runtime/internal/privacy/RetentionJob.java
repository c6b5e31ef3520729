package org.district.platform.runtime.internal.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.district.platform.api.privacy.Retention;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.module.ModuleIds;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Keeps personal data no longer than its retention: every day (first an hour after the start) it
 * asks each enabled module's {@link Retention} services to purge what is older than the days an
 * admin set, or the module's default, and audits what each purged. A module that throws is
 * reported in the audit trail and the others are purged all the same. Several nodes may run it:
 * purging is idempotent.
 */
@Component(service = RetentionJob.class, immediate = true)
public class RetentionJob {

    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
    static final Duration EVERY = Duration.ofDays(1);
    static final Duration FIRST_AFTER = Duration.ofHours(1);
    public static final int MAX_DAYS = 3650;

    @Reference
    private DataSource dataSource;

    @Reference
    private AuditLedger audit;

    private final Map<ServiceReference<Retention>, Retention> retentions = new ConcurrentHashMap<>();
    private ScheduledExecutorService schedule;

    /** One kind of personal data of one module, its retention and how the last purge went. */
    public record Dataset(String module, String dataset, String description, int defaultDays, Integer days, int effectiveDays) {
    }

    /** What one purge did. */
    public record Purged(String module, String dataset, int days, OffsetDateTime before, Long records, String failure) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRetention(ServiceReference<Retention> reference, Retention retention) {
        retentions.put(reference, retention);
    }

    void removeRetention(ServiceReference<Retention> reference) {
        retentions.remove(reference);
    }

    @Activate
    void activate() {
        schedule = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "district-retention");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleAtFixedRate(() -> {
            try {
                purge();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "The retention purge failed", e);
            }
        }, FIRST_AFTER.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        schedule.shutdownNow();
    }

    /** Every kind of personal data the enabled modules keep, by module and dataset. */
    public List<Dataset> datasets() {
        Map<String, Integer> set = configured();
        List<Dataset> datasets = new ArrayList<>();
        registered().forEach((key, retention) -> {
            Integer days = set.get(key.module() + "/" + key.dataset());
            datasets.add(new Dataset(key.module(), key.dataset(), retention.description(), retention.defaultDays(), days,
                    days != null ? days : retention.defaultDays()));
        });
        datasets.sort(java.util.Comparator.comparing(Dataset::module).thenComparing(Dataset::dataset));
        return datasets;
    }

    public Optional<Dataset> dataset(String module, String dataset) {
        return datasets().stream().filter(d -> d.module().equals(module) && d.dataset().equals(dataset)).findFirst();
    }

    /** Sets how many days a dataset keeps personal data; audited with before and after. */
    public Dataset setDays(String module, String dataset, int days, String actor) {
        Dataset before = dataset(module, dataset).orElseThrow();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("delete from platform_retention where module_id = ? and dataset = ?");
                    PreparedStatement insert = c.prepareStatement(
                            "insert into platform_retention (module_id, dataset, days, changed_at, changed_by) values (?, ?, ?, ?, ?)")) {
                delete.setString(1, module);
                delete.setString(2, dataset);
                delete.executeUpdate();
                insert.setString(1, module);
                insert.setString(2, dataset);
                insert.setInt(3, days);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.setString(5, actor);
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the retention: " + e.getMessage(), e);
        }
        audit.append("platform", "retention.change", module + "/" + dataset,
                Map.of("before", Integer.toString(before.effectiveDays()), "after", Integer.toString(days)));
        return dataset(module, dataset).orElseThrow();
    }

    /** Purges every dataset now; each in its own transaction, each audited. */
    public List<Purged> purge() {
        Map<String, Integer> set = configured();
        List<Purged> done = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        registered().forEach((key, retention) -> {
            int days = set.getOrDefault(key.module() + "/" + key.dataset(), retention.defaultDays());
            OffsetDateTime cutoff = now.minusDays(days);
            Purged purged;
            try {
                purged = new Purged(key.module(), key.dataset(), days, cutoff, retention.purgeBefore(cutoff), null);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Module " + key.module() + " could not purge " + key.dataset(), e);
                purged = new Purged(key.module(), key.dataset(), days, cutoff, null, String.valueOf(e.getMessage()));
            }
            Map<String, String> details = new HashMap<>();
            details.put("days", Integer.toString(days));
            details.put("before", cutoff.toString());
            details.put(purged.failure() == null ? "records" : "failure",
                    purged.failure() == null ? Long.toString(purged.records()) : purged.failure());
            audit.append(key.module(), purged.failure() == null ? "retention.purge" : "retention.purge.failed", key.dataset(), details);
            done.add(purged);
        });
        return done;
    }

    private record Key(String module, String dataset) {
    }

    private Map<Key, Retention> registered() {
        Map<Key, Retention> registered = new java.util.TreeMap<>(java.util.Comparator.comparing(Key::module).thenComparing(Key::dataset));
        retentions.forEach((reference, retention) -> {
            var bundle = reference.getBundle();
            if (bundle != null) {
                ModuleIds.of(bundle).ifPresent(module -> registered.put(new Key(module, retention.dataset()), retention));
            }
        });
        return registered;
    }

    private Map<String, Integer> configured() {
        Map<String, Integer> days = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select module_id, dataset, days from platform_retention");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                days.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the retention settings: " + e.getMessage(), e);
        }
        return days;
    }
}
