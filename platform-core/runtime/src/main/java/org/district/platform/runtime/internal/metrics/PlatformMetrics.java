package org.district.platform.runtime.internal.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import javax.sql.DataSource;

import org.district.platform.runtime.internal.module.ModuleManager;
import org.district.platform.runtime.internal.module.ModuleState;
import org.district.platform.runtime.internal.module.ModuleView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The platform's one metrics registry (Micrometer, Prometheus format), read at {@code /metrics}:
 * <ul>
 * <li>{@code district_requests_seconds} — each module's requests, by {@code module}, {@code method}
 * and {@code status} class ({@code 2xx}, {@code 4xx}, {@code 5xx}...), with a few latency buckets;
 * <li>{@code district_module_state{module, state}} — 1 for the state each module is in, 0 for the others;
 * <li>{@code hikaricp_connections*{pool="district"}} — the platform's connection pool (only where the
 * platform runs its own pool: a host's DataSource, as on Open Liberty, is the host's to report);
 * <li>the JVM's memory, garbage collection, threads, classes, CPU and uptime.
 * </ul>
 * Tags are bounded: a module is one the whiteboard serves, never a path.
 */
@Component(service = { RequestMetrics.class, PlatformMetrics.class }, immediate = true)
public class PlatformMetrics implements RequestMetrics {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30) };

    @Reference
    private ModuleManager modules;

    private PrometheusMeterRegistry registry;
    private MultiGauge moduleStates;
    private JvmGcMetrics gc;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<DataSource, List<Meter>> pools = new ConcurrentHashMap<>();

    @Activate
    void activate() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // The Prometheus client looks for its optional prometheus.properties through the context class loader.
        thread.setContextClassLoader(PlatformMetrics.class.getClassLoader());
        try {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        } finally {
            thread.setContextClassLoader(before);
        }
        moduleStates = MultiGauge.builder("district.module.state")
                .description("1 for the state each module is in (enabled, disabled, failed), 0 for the others")
                .register(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        pools.keySet().forEach(this::pool);
    }

    @Deactivate
    void deactivate() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }

    /** The platform's pool, when it is the platform's own (Hikari); a host's DataSource is left to the host. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeDataSource")
    synchronized void addDataSource(DataSource dataSource) {
        pools.put(dataSource, List.of());
        if (registry != null) {
            pool(dataSource);
        }
    }

    synchronized void removeDataSource(DataSource dataSource) {
        List<Meter> meters = pools.remove(dataSource);
        if (meters != null && registry != null) {
            meters.forEach(registry::remove);
        }
    }

    private synchronized void pool(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource hikari)) {
            return;
        }
        Tags tags = Tags.of("pool", String.valueOf(hikari.getPoolName()));
        List<Meter> meters = new ArrayList<>();
        meters.add(poolGauge("hikaricp.connections", "Total connections", hikari, tags, HikariPoolMXBean::getTotalConnections));
        meters.add(poolGauge("hikaricp.connections.active", "Connections in use", hikari, tags, HikariPoolMXBean::getActiveConnections));
        meters.add(poolGauge("hikaricp.connections.idle", "Idle connections", hikari, tags, HikariPoolMXBean::getIdleConnections));
        meters.add(poolGauge("hikaricp.connections.pending", "Requests waiting for a connection", hikari, tags,
                HikariPoolMXBean::getThreadsAwaitingConnection));
        meters.add(Gauge.builder("hikaricp.connections.max", hikari, HikariDataSource::getMaximumPoolSize)
                .description("Largest pool size").tags(tags).register(registry));
        meters.add(Gauge.builder("hikaricp.connections.min", hikari, HikariDataSource::getMinimumIdle)
                .description("Smallest number of idle connections").tags(tags).register(registry));
        pools.put(dataSource, meters);
    }

    private Gauge poolGauge(String name, String description, HikariDataSource hikari, Tags tags, ToDoubleFunction<HikariPoolMXBean> value) {
        return Gauge.builder(name, hikari, pool -> {
            HikariPoolMXBean bean = pool.isClosed() ? null : pool.getHikariPoolMXBean();
            return bean == null ? Double.NaN : value.applyAsDouble(bean);
        }).description(description).tags(tags).register(registry);
    }

    @Override
    public void served(String module, String method, int status, long nanos) {
        String verb = method != null && METHODS.contains(method) ? method : "other";
        String statusClass = status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
        timers.computeIfAbsent(module + ' ' + verb + ' ' + statusClass, key -> Timer.builder("district.requests")
                .description("Requests each module served, by method and status class")
                .tags("module", module, "method", verb, "status", statusClass)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Everything, in the Prometheus text format 0.0.4, with the module states as they are now. */
    public synchronized String scrape() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (ModuleView module : modules.list()) {
            for (ModuleState state : ModuleState.values()) {
                rows.add(MultiGauge.Row.of(Tags.of("module", module.id(), "state", state.name().toLowerCase(Locale.ROOT)),
                        module.state() == state ? 1 : 0));
            }
        }
        moduleStates.register(rows, true);
        return registry.scrape(CONTENT_TYPE);
    }

    /** The Prometheus text format's content type. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
}
