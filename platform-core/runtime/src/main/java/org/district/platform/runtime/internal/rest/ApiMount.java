package org.district.platform.runtime.internal.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.district.platform.api.access.Places;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.security.Accounts;
import org.district.platform.runtime.internal.security.Credentials;
import org.district.platform.runtime.internal.security.CurrentRequest;
import org.district.platform.runtime.internal.security.OpenIdTokens;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

/**
 * One module's REST endpoints at {@code /api/<base>}: a Jersey application of its own while the
 * module has resources, rebuilt as they come and go, and destroyed when the last one goes (the
 * address then answers 404).
 *
 * <p>A module registers its resources one after another as its components activate; building an
 * application for each would cost a Jersey start per resource. So a change only notes the service
 * and counts itself, and a build follows once the changes settle, on the whiteboard's builder
 * threads, by then with every resource of the start; a request that comes first builds it itself and
 * is served by the new one. Registering never waits for a build or for the service itself: the build
 * gets the services (activating a delayed component), so the thread that registers one, often the
 * one starting the platform's bundles, goes on at once.
 */
final class ApiMount {

    private static final System.Logger LOG = System.getLogger(ApiMount.class.getName());
    /** How long a change waits for the next one before the application is built. */
    private static final long SETTLE_MILLIS = 10;
    /** While the platform starts its modules, how often a settled build looks whether it may go on. */
    private static final long STARTING_MILLIS = 20;

    /** What every application gets from the platform: JSON, problems, access control, body rules. */
    record Providers(Accounts accounts, Credentials credentials, OpenIdTokens openId, Supplier<Set<String>> roles, AuditLedger audit, Supplier<ValidatorFactory> validation, long maxBodyBytes,
            ClientAddress clientAddress, BooleanSupplier platformStarting) {
    }

    /** Gets and gives back the registered services for the whiteboard's bundle. */
    interface Services {
        /** The service, or null when it cannot be had (its component failed to activate, or it is gone). */
        Object get(ServiceReference<Object> reference);

        void unget(ServiceReference<Object> reference);
    }

    private final String base;
    private final Providers providers;
    private final ServletContext servletContext;
    private final ScheduledExecutorService builder;
    private final Services registry;
    private final BiConsumer<Bundle, String> failed;
    /** The services registered, each with the object once a build got it; guarded by this. */
    private final Map<ServiceReference<Object>, Object> services = new TreeMap<>();
    /** Counts the changes to {@code services}; written under this. */
    private volatile long changes;
    /** The count of changes the serving application (or its absence) reflects; written under {@link #building}. */
    private volatile long served;
    /** Held while an application is built, reloaded or destroyed. */
    private final Object building = new Object();
    private volatile ServletContainer container;
    private ScheduledFuture<?> settling;
    /** The Bean Validation of the application serving, and of the one being built; guarded by {@link #building}. */
    private Validation validation;
    private Validation next;

    /** {@code failed} hears of an application that could not be built, with the bundle whose resources it held. */
    ApiMount(String base, Providers providers, ServletContext servletContext, ScheduledExecutorService builder, Services registry,
            BiConsumer<Bundle, String> failed) {
        this.base = base;
        this.providers = providers;
        this.servletContext = servletContext;
        this.builder = builder;
        this.registry = registry;
        this.failed = failed;
    }

    synchronized void add(ServiceReference<Object> reference) {
        services.put(reference, null);
        changed();
    }

    /** Forgets the service, giving it back if a build got it. */
    void remove(ServiceReference<Object> reference) {
        boolean got;
        synchronized (this) {
            if (!services.containsKey(reference)) {
                return;
            }
            got = services.remove(reference) != null;
            changed();
        }
        if (got) {
            registry.unget(reference);
        }
    }

    /** Whether any resource is registered (served, or about to be). */
    synchronized boolean hasResources() {
        return services.keySet().stream().anyMatch(ApiMount::isResource);
    }

    void close() {
        List<ServiceReference<Object>> got = new ArrayList<>();
        synchronized (this) {
            services.forEach((reference, service) -> {
                if (service != null) {
                    got.add(reference);
                }
            });
            services.clear();
            changed();
        }
        got.forEach(registry::unget);
        container();
    }

    /** The Jersey application serving now, built first if the resources changed; null while the module has no resources. */
    ServletContainer container() {
        if (served != changes) {
            synchronized (building) {
                long target;
                while ((target = changes) != served) {
                    update(target);
                }
            }
        }
        return container;
    }

    /** The resource classes of the application serving now (built first, if the resources changed). */
    List<Class<?>> resourceClasses() {
        container();
        List<Class<?>> classes = new ArrayList<>();
        synchronized (this) {
            services.forEach((reference, service) -> {
                if (service != null && isResource(reference)) {
                    classes.add(service.getClass());
                }
            });
        }
        return classes;
    }

    /** Holds this: a build is due once the changes settle (each change puts it off a little). */
    private void changed() {
        changes++;
        if (settling != null) {
            settling.cancel(false);
        }
        settle(SETTLE_MILLIS);
    }

    /** Holds this. */
    private void settle(long millis) {
        long change = changes;
        try {
            settling = builder.schedule(() -> settled(change), millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            settling = null; // the whiteboard is stopping: the next request, if any, builds
        }
    }

    /**
     * The changes up to {@code change} settled: build now, unless the platform is still starting its modules.
     * Then the build waits until they have started (the start's critical path has the processor meanwhile), and a
     * request that comes first builds the application itself.
     */
    private void settled(long change) {
        if (served == changes) {
            return;
        }
        if (providers.platformStarting().getAsBoolean()) {
            synchronized (this) {
                if (change == changes) { // a later change waits on its own
                    settle(STARTING_MILLIS);
                }
            }
            return;
        }
        container();
    }

    /**
     * Holds {@link #building}: brings the application up to the services as they were at change {@code target}.
     * No resource left closes the address; otherwise the application is built (or reloaded) with them, while the
     * one serving goes on serving until then; a request meanwhile waits for the new one.
     */
    private void update(long target) {
        List<Object> current = services();
        if (current.isEmpty()) {
            destroy();
            served = target;
            return;
        }
        try {
            ResourceConfig application = application(current);
            withJerseyClassLoader(() -> {
                if (container == null) {
                    ServletContainer started = new ServletContainer(application);
                    started.init(config());
                    container = started;
                } else {
                    container.reload(application);
                }
            });
            if (validation != null) {
                validation.close();
            }
            validation = next;
        } catch (ServletException | RuntimeException e) {
            // A broken resource: the module's address answers with the reason, other modules serve on.
            destroy();
            String reason = "its REST application could not start: " + e.getMessage();
            LOG.log(System.Logger.Level.ERROR, "/api/" + base + ": " + reason, e);
            Bundle bundle;
            synchronized (this) {
                bundle = services.keySet().stream().map(ServiceReference::getBundle).filter(Objects::nonNull).findFirst().orElse(null);
            }
            if (bundle != null) {
                failed.accept(bundle, reason);
            }
        } finally {
            served = target;
        }
    }

    /**
     * The services to serve, got first where no build got them yet (outside the lock: getting one may activate
     * its component); empty when none of them is a resource. One that went away meanwhile is given back.
     */
    private List<Object> services() {
        List<ServiceReference<Object>> missing = new ArrayList<>();
        synchronized (this) {
            if (!hasResources()) {
                return List.of();
            }
            services.forEach((reference, service) -> {
                if (service == null) {
                    missing.add(reference);
                }
            });
        }
        Map<ServiceReference<Object>, Object> got = new HashMap<>();
        for (ServiceReference<Object> reference : missing) {
            Object service = registry.get(reference);
            if (service != null) {
                got.put(reference, service);
            }
        }
        List<ServiceReference<Object>> gone = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        synchronized (this) {
            got.forEach((reference, service) -> {
                if (services.containsKey(reference) && services.get(reference) == null) {
                    services.put(reference, service);
                } else {
                    gone.add(reference);
                }
            });
            boolean anyResource = false;
            for (Map.Entry<ServiceReference<Object>, Object> entry : services.entrySet()) {
                if (entry.getValue() != null) {
                    current.add(entry.getValue());
                    anyResource |= isResource(entry.getKey());
                }
            }
            if (!anyResource) {
                current.clear(); // extensions alone make no application
            }
        }
        gone.forEach(registry::unget);
        return current;
    }

    /** Holds {@link #building}. */
    private void destroy() {
        ServletContainer stopped = container;
        container = null;
        if (stopped != null) {
            stopped.destroy();
        }
        if (validation != null) {
            validation.close();
            validation = null;
        }
    }

    private ServletConfig config() {
        return new ServletConfig() {
            @Override
            public String getServletName() {
                return "district-api-" + base;
            }

            @Override
            public ServletContext getServletContext() {
                return servletContext;
            }

            @Override
            public String getInitParameter(String name) {
                return null;
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.emptyEnumeration();
            }
        };
    }

    private ResourceConfig application(List<Object> current) {
        ResourceConfig application = new ResourceConfig();
        application.setApplicationName("district-" + base);
        application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        application.property(ServerProperties.BV_FEATURE_DISABLE, true);
        application.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        application.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        // Problems are written as bodies, never handed to the servlet container's HTML error page.
        application.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // An answer of up to this size is written whole, with its Content-Length, in one write; a larger one is
        // streamed in chunks. Jersey's default (8 KB) would chunk a page of ten stations.
        application.property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 32 * 1024);
        application.register(new JacksonJsonProvider(Json.forModule()));
        application.register(ProblemResponses.class);
        application.register(ParameterValues.class);
        application.register(new AccessControl(base, providers.accounts(), providers.credentials(), providers.openId(), providers.roles(), providers.audit(),
                providers.clientAddress()));
        application.register(new AbstractBinder() {
            @Override
            protected void configure() {
                // A resource method's {@code @Context Places}: the caller's, as access control found them.
                bindFactory(CurrentRequest::places).to(Places.class);
            }
        });
        next = new Validation(providers.validation());
        application.register(new RequestBodies(providers.maxBodyBytes(), next));
        current.forEach(application::register);
        return application;
    }

    private static boolean isResource(ServiceReference<?> reference) {
        return "true".equals(String.valueOf(reference.getProperty(JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE)));
    }

    private interface Work {
        void run() throws ServletException;
    }

    /** Jersey finds its injection framework and providers through the context class loader. */
    private static void withJerseyClassLoader(Work work) throws ServletException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ApiMount.class.getClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * One application's Bean Validation, built on its first validated body and closed with the
     * application: the validator keeps what it learnt of the module's classes, which must not outlive
     * the module's revision.
     */
    private static final class Validation implements Supplier<Validator> {
        private final Supplier<ValidatorFactory> factories;
        private ValidatorFactory factory;
        private Validator validator;

        Validation(Supplier<ValidatorFactory> factories) {
            this.factories = factories;
        }

        @Override
        public synchronized Validator get() {
            if (validator == null) {
                factory = factories.get();
                validator = factory.getValidator();
            }
            return validator;
        }

        synchronized void close() {
            if (factory != null) {
                factory.close();
                factory = null;
                validator = null;
            }
        }
    }
}
