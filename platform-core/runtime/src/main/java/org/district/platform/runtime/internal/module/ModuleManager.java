package org.district.platform.runtime.internal.module;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.StartupOutcome;
import org.district.platform.runtime.internal.db.Migrations;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Lists the platform's modules and enables and disables them at runtime. A module is enabled by
 * starting its bundle (after its schema migrations) and disabled by stopping it; its data stays.
 * The enabled set is kept in the database, so it survives restarts. Module dependencies are
 * enforced both ways: nothing starts without what it requires, and nothing required is stopped
 * under a module that needs it, unless the caller asks for the cascade.
 */
@Component(service = ModuleManager.class, immediate = true)
public class ModuleManager {

    private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

    @Reference
    private DataSource dataSource;

    @Reference
    private PluginFolder pluginFolder;

    @Reference
    private ModuleFailures failures;

    @Reference
    private ServiceComponentRuntime scr;

    @Reference
    private ModuleTrouble trouble;

    @Reference
    private CityStart cityStart;

    @Reference
    private SharedSettings sharedSettings;

    private BundleContext context;
    private EnabledModules enabledModules;
    private volatile boolean started;
    private Thread startup;
    /** Modules this node is starting, stopping, migrating or updating now. */
    private final Set<String> busy = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The change counter this node's modules follow. */
    private volatile long followed;
    private volatile boolean stopping;
    private static final long FOLLOW_MILLIS = 1000;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.enabledModules = new EnabledModules(dataSource);
        startup = new Thread(this::startWantedModules, "district-modules");
        startup.setDaemon(true);
        startup.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        startup.interrupt();
        startup.join(30_000);
    }

    /** True once every module the database wants enabled has been started (or has failed). */
    public boolean started() {
        return started;
    }

    private void startWantedModules() {
        try {
            followed = enabledModules.counter();
            Map<String, Bundle> installed = modules();
            installed.forEach((id, bundle) -> sharedSettings.renameSettings(id, bundle));
            cityStart.apply(installed);
            reconcile();
            started = true;
            StartupOutcome.ready(context);
        } catch (RuntimeException e) {
            StartupOutcome.failed(context, "The modules could not be started: " + e.getMessage());
            return;
        }
        follow();
    }

    /**
     * Brings this node's modules to the states the database wants: stops those that should be off
     * (those that need others first), then starts those that should be on and are not running (those
     * needed first). A module whose required module is not running fails with that reason, and is
     * tried again at the next change. Idempotent: nothing wanted, nothing done.
     */
    private synchronized void reconcile() {
        Map<String, Boolean> wanted = enabledModules.wanted();
        Map<String, Bundle> modules = modules();
        List<String> order = inDependencyOrder(modules);
        for (int i = order.size() - 1; i >= 0; i--) {
            String id = order.get(i);
            Bundle bundle = modules.get(id);
            if (wanted.getOrDefault(id, Boolean.TRUE)) {
                continue;
            }
            failures.clear(bundle); // off as wanted, not failed
            if (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
                busy.add(id);
                try {
                    bundle.stop();
                } catch (BundleException e) {
                    LOG.log(System.Logger.Level.WARNING, "Module " + id + " did not stop cleanly", e);
                } finally {
                    busy.remove(id);
                }
            }
        }
        for (String id : order) {
            Bundle bundle = modules.get(id);
            if (!wanted.getOrDefault(id, Boolean.TRUE) || bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
                continue;
            }
            List<String> off = new ArrayList<>();
            for (String required : ModuleIds.required(bundle)) {
                Bundle other = modules.get(required);
                if (other != null && other.getState() != Bundle.ACTIVE) {
                    off.add(required);
                }
            }
            if (!off.isEmpty()) {
                failures.record(bundle, "requires " + quoted(off) + ", which " + (off.size() == 1 ? "is" : "are") + " not enabled");
                continue;
            }
            start(id, bundle);
        }
    }

    /**
     * Follows the toggles other nodes make: re-reads the wanted states whenever the database's change
     * counter moved, looking every second, and at once when PostgreSQL notifies a toggle.
     */
    private void follow() {
        ModuleChanges changes = new ModuleChanges(dataSource);
        try {
            while (!stopping) {
                if (!changes.await(FOLLOW_MILLIS) && !stopping) {
                    Thread.interrupted(); // not ours to end on: only deactivation stops the follower
                }
                try {
                    long counter = enabledModules.counter();
                    if (counter != followed) {
                        followed = counter;
                        reconcile();
                    }
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Cannot follow the enabled modules in the database: " + e.getMessage());
                }
            }
        } finally {
            changes.close();
        }
    }

    /** Every module, in id order, with jars that could not be installed listed as failed modules. */
    public synchronized List<ModuleView> list() {
        Map<String, Bundle> modules = modules();
        Map<String, ModuleView> views = new TreeMap<>();
        for (Map.Entry<String, Bundle> module : modules.entrySet()) {
            views.put(module.getKey(), view(module.getKey(), module.getValue(), modules));
        }
        for (Map.Entry<String, String> refused : pluginFolder.refused().entrySet()) {
            String id = refused.getKey();
            views.putIfAbsent(id, new ModuleView(id, null, Map.of("en", id, "zh-CN", id), Map.of(), null,
                    ModuleState.FAILED, refused.getValue(), List.of(), List.of(), null, List.of(), List.of()));
        }
        return new ArrayList<>(views.values());
    }

    public synchronized ModuleView get(String id) {
        Map<String, Bundle> modules = modules();
        Bundle bundle = modules.get(id);
        if (bundle == null) {
            return list().stream().filter(v -> v.id().equals(id)).findFirst()
                    .orElseThrow(() -> unknown(id));
        }
        return view(id, bundle, modules);
    }

    /** The module's bundle, or empty for an id no installed bundle provides. */
    public Optional<Bundle> bundle(String id) {
        return Optional.ofNullable(modules().get(id));
    }

    /** Every role the installed modules declare, as {@code <module-id>.<role>}. */
    public Set<String> declaredRoles() {
        Set<String> roles = new java.util.TreeSet<>();
        modules().values().forEach(bundle -> roles.addAll(ModuleIds.roles(bundle)));
        return roles;
    }

    /** The module's state, or empty for an id no module has. */
    public synchronized Optional<ModuleState> state(String id) {
        Map<String, Bundle> modules = modules();
        Bundle bundle = modules.get(id);
        return bundle == null ? Optional.empty() : Optional.of(view(id, bundle, modules).state());
    }

    /**
     * Enables a module. A required module that is disabled is a conflict naming it, unless
     * {@code cascade} asks to enable it too.
     */
    public synchronized ModuleView enable(String id, boolean cascade, String actor) {
        Map<String, Bundle> modules = modules();
        Bundle bundle = modules.get(id);
        if (bundle == null) {
            throw unknown(id);
        }
        enabledModules.change(wanted -> {
            Map<String, Boolean> changes = new LinkedHashMap<>();
            enabling(id, modules, wanted, cascade, changes);
            return changes;
        }, actor);
        reconcile();
        if (failures.reason(bundle).isPresent() || componentFailure(bundle).isPresent()) {
            start(id, bundle); // asked again: try again
        }
        ModuleView view = view(id, bundle, modules());
        if (view.state() == ModuleState.FAILED) {
            throw Problem.conflict("Module '" + id + "' could not be enabled: " + view.reason());
        }
        return view;
    }

    /** The module and, with {@code cascade}, the disabled modules it needs, as the database has them. */
    private static void enabling(String id, Map<String, Bundle> modules, Map<String, Boolean> wanted, boolean cascade, Map<String, Boolean> changes) {
        List<String> missing = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (String required : ModuleIds.required(modules.get(id))) {
            if (!modules.containsKey(required)) {
                missing.add(required);
            } else if (!wanted.getOrDefault(required, Boolean.TRUE) && !changes.containsKey(required)) {
                disabled.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw Problem.conflict("Module '" + id + "' requires " + quoted(missing) + ", which "
                    + (missing.size() == 1 ? "is" : "are") + " not installed.");
        }
        if (!disabled.isEmpty() && !cascade) {
            throw Problem.conflict("Module '" + id + "' requires " + quoted(disabled) + ", which "
                    + (disabled.size() == 1 ? "is" : "are") + " disabled. Enable " + quoted(disabled)
                    + " first, or enable with cascade=true to enable " + (disabled.size() == 1 ? "it" : "them") + " too.");
        }
        changes.put(id, true);
        for (String required : disabled) {
            enabling(required, modules, wanted, true, changes);
        }
    }

    /**
     * Disables a module; its data stays. An enabled module that requires it is a conflict naming
     * it, unless {@code cascade} asks to disable that one too.
     */
    public synchronized ModuleView disable(String id, boolean cascade, String actor) {
        Map<String, Bundle> modules = modules();
        Bundle bundle = modules.get(id);
        if (bundle == null) {
            throw unknown(id);
        }
        enabledModules.change(wanted -> {
            Map<String, Boolean> changes = new LinkedHashMap<>();
            disabling(id, modules, wanted, cascade, changes);
            return changes;
        }, actor);
        reconcile();
        return view(id, bundle, modules());
    }

    /** The module and, with {@code cascade}, the enabled modules that need it, as the database has them. */
    private static void disabling(String id, Map<String, Bundle> modules, Map<String, Boolean> wanted, boolean cascade, Map<String, Boolean> changes) {
        List<String> dependants = new ArrayList<>();
        for (Map.Entry<String, Bundle> other : new TreeMap<>(modules).entrySet()) {
            if (ModuleIds.required(other.getValue()).contains(id) && wanted.getOrDefault(other.getKey(), Boolean.TRUE)
                    && !changes.containsKey(other.getKey())) {
                dependants.add(other.getKey());
            }
        }
        if (!dependants.isEmpty() && !cascade) {
            throw Problem.conflict("Module '" + id + "' is required by " + quoted(dependants) + ", which "
                    + (dependants.size() == 1 ? "is" : "are") + " enabled. Disable " + quoted(dependants)
                    + " first, or disable with cascade=true to disable " + (dependants.size() == 1 ? "it" : "them") + " too.");
        }
        changes.put(id, false);
        for (String dependant : dependants) {
            disabling(dependant, modules, wanted, true, changes);
        }
    }

    /**
     * Updates a module to the jar for it now in the plugins folder (provincial IT replaces the file,
     * then asks for the update): stops it if it runs, loads the new revision, refreshes the bundles
     * wired to the old one so that nothing keeps it, and starts it again after its migrations if
     * it was enabled. Its data and its enabled state stay.
     */
    public synchronized ModuleView update(String id, String actor) {
        Map<String, Bundle> modules = modules();
        Bundle bundle = modules.get(id);
        if (bundle == null) {
            throw unknown(id);
        }
        java.nio.file.Path jar = pluginFolder.jarFor(id).orElseThrow(() -> Problem.conflict(
                "There is no jar for module '" + id + "' in the plugins folder to update it from."));
        pluginFolder.refusal(jar).ifPresent(reason -> {
            throw Problem.conflict("The jar " + jar.getFileName() + " of module '" + id + "' is " + reason + ".");
        });
        String symbolicName = PluginFolder.symbolicName(jar).orElse(null);
        if (!bundle.getSymbolicName().equals(symbolicName)) {
            throw Problem.conflict("The jar " + jar.getFileName() + " is bundle '" + symbolicName + "', not '"
                    + bundle.getSymbolicName() + "' of module '" + id + "'.");
        }
        boolean wasActive = bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING;
        busy.add(id);
        try {
            if (wasActive) {
                bundle.stop();
            }
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(jar)) {
                bundle.update(in);
            }
            refresh(bundle);
        } catch (BundleException | java.io.IOException e) {
            failures.record(bundle, "its update from " + jar.getFileName() + " failed: " + e.getMessage());
            return view(id, bundle, modules());
        } finally {
            busy.remove(id);
        }
        if (wasActive && enabledModules.wanted().getOrDefault(id, Boolean.TRUE)) {
            start(id, bundle);
        }
        LOG.log(System.Logger.Level.INFO, "Module " + id + " updated to " + ModuleIds.version(bundle) + " by " + actor);
        return view(id, bundle, modules());
    }

    /** Rewires the bundle and those wired to it, and waits until the framework is done: the old revision is then gone. */
    private void refresh(Bundle bundle) throws BundleException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                .refreshBundles(List.of(bundle), event -> {
                    if (event.getType() == org.osgi.framework.FrameworkEvent.PACKAGES_REFRESHED) {
                        done.countDown();
                    } else {
                        LOG.log(System.Logger.Level.WARNING, "While refreshing " + bundle.getSymbolicName() + ": " + event, event.getThrowable());
                    }
                });
        try {
            if (!done.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new BundleException("the framework did not finish refreshing within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("interrupted while refreshing");
        }
    }

    private void start(String id, Bundle bundle) {
        failures.clear(bundle);
        trouble.clear(id);
        busy.add(id);
        try {
            if (bundle.getState() == Bundle.INSTALLED) {
                context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
            }
            if (bundle.getState() != Bundle.INSTALLED && Migrations.present(bundle, id)) {
                Migrations.run(dataSource, bundle, id);
            }
            try {
                sharedSettings.renameSettings(id, bundle);
            } catch (IllegalStateException e) {
                failures.record(bundle, e.getMessage());
                return;
            }
            bundle.start();
        } catch (BundleException e) {
            failures.record(bundle, e.getMessage());
        } catch (RuntimeException e) {
            failures.record(bundle, "its schema migration failed: " + e.getMessage());
        } finally {
            busy.remove(id);
        }
    }

    /** The modules this node is starting, stopping, migrating or updating now: their code runs on its threads. */
    Set<String> busy() {
        return busy;
    }

    private ModuleView view(String id, Bundle bundle, Map<String, Bundle> modules) {
        ModuleState state;
        String reason = failures.reason(bundle).orElse(null);
        if (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
            if (reason == null) {
                reason = componentFailure(bundle).orElse(null);
            }
            state = reason == null ? ModuleState.ENABLED : ModuleState.FAILED;
        } else {
            state = reason == null ? ModuleState.DISABLED : ModuleState.FAILED;
        }
        List<String> requiredBy = new ArrayList<>();
        for (Map.Entry<String, Bundle> other : modules.entrySet()) {
            if (ModuleIds.required(other.getValue()).contains(id)) {
                requiredBy.add(other.getKey());
            }
        }
        return new ModuleView(id, ModuleIds.version(bundle).toString(),
                localized(bundle, Constants.BUNDLE_NAME), localized(bundle, Constants.BUNDLE_DESCRIPTION),
                bundle.getHeaders("").get(Constants.BUNDLE_CATEGORY), state, reason,
                ModuleIds.required(bundle), requiredBy, bundle.getSymbolicName(), ModuleIds.roles(bundle), trouble.of(id));
    }

    private Optional<String> componentFailure(Bundle bundle) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    String failure = configuration.failure == null ? "" : configuration.failure.lines().findFirst().orElse("");
                    return Optional.of("component " + description.name + " failed to activate: " + failure);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> localized(Bundle bundle, String header) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("en", bundle.getHeaders("en").get(header));
        texts.put("zh-CN", bundle.getHeaders("zh_CN").get(header));
        texts.values().removeIf(java.util.Objects::isNull);
        return texts;
    }

    /** The module bundles as they are now, without waiting for a toggle under way. */
    Map<String, Bundle> bundles() {
        return modules();
    }

    /** Installed module bundles by id; of two bundles with one id, the higher version counts. */
    private Map<String, Bundle> modules() {
        Map<String, Bundle> modules = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            ModuleIds.of(bundle).ifPresent(id -> modules.merge(id, bundle,
                    (a, b) -> a.getVersion().compareTo(b.getVersion()) >= 0 ? a : b));
        }
        return modules;
    }

    private static List<String> inDependencyOrder(Map<String, Bundle> modules) {
        Set<String> ordered = new LinkedHashSet<>();
        modules.keySet().stream().sorted(Comparator.naturalOrder()).forEach(id -> visit(id, modules, ordered, new LinkedHashSet<>()));
        return new ArrayList<>(ordered);
    }

    private static void visit(String id, Map<String, Bundle> modules, Set<String> ordered, Set<String> path) {
        if (ordered.contains(id) || !modules.containsKey(id) || !path.add(id)) {
            return;
        }
        for (String required : ModuleIds.required(modules.get(id))) {
            visit(required, modules, ordered, path);
        }
        ordered.add(id);
    }

    private static Problem unknown(String id) {
        return Problem.notFound("There is no module '" + id + "'.");
    }

    private static String quoted(List<String> ids) {
        return String.join(", ", ids.stream().map(i -> "'" + i + "'").toList());
    }
}
