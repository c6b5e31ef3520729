package org.district.platform.runtime.internal.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
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
 * application for each would cost a Jersey start per resource. So a change marks the application
 * stale and a build follows shortly on the whiteboard's builder threads, by then with every
 * resource of the start; a request that comes first builds it itself and is served by the new one.
 */
final class ApiMount {

    private static final System.Logger LOG = System.getLogger(ApiMount.class.getName());
    /** How long a change waits for the next one before the application is built. */
    private static final long SETTLE_MILLIS = 10;

    /** What every application gets from the platform: JSON, problems, access control, body rules. */
    record Providers(Accounts accounts, Credentials credentials, OpenIdTokens openId, Supplier<Set<String>> roles, AuditLedger audit, Supplier<ValidatorFactory> validation, long maxBodyBytes,
            ClientAddress clientAddress) {
    }

    private final String base;
    private final Providers providers;
    private final ServletContext servletContext;
    private final ScheduledExecutorService builder;
    private final BiConsumer<Bundle, String> failed;
    private final Map<ServiceReference<Object>, Object> services = new TreeMap<>();
    private volatile ServletContainer container;
    /** The Bean Validation of the application serving, and of the one being built. */
    private Validation validation;
    private Validation building;
    private volatile boolean stale;

    /** {@code failed} hears of an application that could not be built, with the bundle whose resources it held. */
    ApiMount(String base, Providers providers, ServletContext servletContext, ScheduledExecutorService builder,
            BiConsumer<Bundle, String> failed) {
        this.base = base;
        this.providers = providers;
        this.servletContext = servletContext;
        this.builder = builder;
        this.failed = failed;
    }

    synchronized void add(ServiceReference<Object> reference, Object service) {
        services.put(reference, service);
        changed();
    }

    synchronized void remove(ServiceReference<Object> reference) {
        if (services.remove(reference) != null) {
            changed();
        }
    }

    synchronized void close() {
        services.clear();
        changed();
    }

    /** The Jersey application serving now, built first if the resources changed; null while the module has no resources. */
    ServletContainer container() {
        if (stale) {
            synchronized (this) {
                if (stale) {
                    rebuild();
                }
            }
        }
        return container;
    }

    synchronized List<Class<?>> resourceClasses() {
        List<Class<?>> classes = new ArrayList<>();
        services.forEach((reference, service) -> {
            if (isResource(reference)) {
                classes.add(service.getClass());
            }
        });
        return classes;
    }

    /** Holds the lock. The last resource gone closes the address at once; otherwise a build is due. */
    private void changed() {
        if (services.keySet().stream().noneMatch(ApiMount::isResource)) {
            stale = false;
            destroy();
            return;
        }
        if (!stale) {
            stale = true;
            builder.schedule(this::container, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Holds the lock; stale until the new application serves, so that a request meanwhile waits for it. */
    private void rebuild() {
        try {
            ResourceConfig application = application();
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
            validation = building;
        } catch (ServletException | RuntimeException e) {
            // A broken resource: the module's address answers with the reason, other modules serve on.
            destroy();
            String reason = "its REST application could not start: " + e.getMessage();
            LOG.log(System.Logger.Level.ERROR, "/api/" + base + ": " + reason, e);
            services.keySet().stream().map(ServiceReference::getBundle).filter(Objects::nonNull).findFirst()
                    .ifPresent(bundle -> failed.accept(bundle, reason));
        } finally {
            stale = false;
        }
    }

    /** Holds the lock. */
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

    private ResourceConfig application() {
        ResourceConfig application = new ResourceConfig();
        application.setApplicationName("district-" + base);
        application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        application.property(ServerProperties.BV_FEATURE_DISABLE, true);
        application.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        application.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        // Problems are written as bodies, never handed to the servlet container's HTML error page.
        application.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
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
        building = new Validation(providers.validation());
        application.register(new RequestBodies(providers.maxBodyBytes(), building));
        services.values().forEach(application::register);
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
