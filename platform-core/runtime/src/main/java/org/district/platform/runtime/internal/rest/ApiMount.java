package org.district.platform.runtime.internal.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.validation.Validator;

import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.security.Accounts;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

/**
 * One module's REST endpoints at {@code /api/<base>}: a Jersey application of its own while the
 * module has resources, reloaded as they come and go, and destroyed when the last one goes (the
 * address then answers 404).
 */
final class ApiMount {

    /** What every application gets from the platform: JSON, problems, access control, body rules. */
    record Providers(Accounts accounts, AuditLedger audit, Validator validator, long maxBodyBytes) {
    }

    private final String base;
    private final Providers providers;
    private final Map<ServiceReference<Object>, Object> services = new TreeMap<>();
    private final ServletContext servletContext;
    private volatile ServletContainer container;

    ApiMount(String base, Providers providers, ServletContext servletContext) {
        this.base = base;
        this.providers = providers;
        this.servletContext = servletContext;
    }

    synchronized void add(ServiceReference<Object> reference, Object service) {
        services.put(reference, service);
        refresh();
    }

    synchronized void remove(ServiceReference<Object> reference) {
        if (services.remove(reference) != null) {
            refresh();
        }
    }

    synchronized void close() {
        services.clear();
        refresh();
    }

    /** The Jersey application serving now, or null while the module has no resources. */
    ServletContainer container() {
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

    private void refresh() {
        boolean hasResources = services.keySet().stream().anyMatch(ApiMount::isResource);
        if (!hasResources) {
            ServletContainer stopped = container;
            container = null;
            if (stopped != null) {
                stopped.destroy();
            }
            return;
        }
        ResourceConfig application = application();
        withJerseyClassLoader(() -> {
            if (container == null) {
                ServletContainer started = new ServletContainer(application);
                try {
                    started.init(config());
                } catch (ServletException e) {
                    throw new IllegalStateException("the REST application of " + base + " could not start: " + e.getMessage(), e);
                }
                container = started;
            } else {
                container.reload(application);
            }
        });
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
        application.register(new JacksonJsonProvider(Json.mapper()));
        application.register(ProblemResponses.class);
        application.register(new AccessControl(providers.accounts(), providers.audit()));
        application.register(new RequestBodies(providers.maxBodyBytes(), providers.validator()));
        services.values().forEach(application::register);
        return application;
    }

    private static boolean isResource(ServiceReference<?> reference) {
        return "true".equals(String.valueOf(reference.getProperty(JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE)));
    }

    /** Jersey finds its injection framework and providers through the context class loader. */
    private static void withJerseyClassLoader(Runnable work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ApiMount.class.getClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
