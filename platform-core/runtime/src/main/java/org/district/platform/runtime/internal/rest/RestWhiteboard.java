package org.district.platform.runtime.internal.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.metrics.RequestMetrics;
import org.district.platform.runtime.internal.module.ModuleFailures;
import org.district.platform.runtime.internal.module.ModuleIds;
import org.district.platform.runtime.internal.module.ModuleManager;
import org.district.platform.runtime.internal.module.ModuleState;
import org.district.platform.runtime.internal.module.ModuleTrouble;
import org.district.platform.runtime.internal.module.ModuleWatch;
import org.district.platform.runtime.internal.security.Accounts;
import org.district.platform.runtime.internal.security.Credentials;
import org.district.platform.runtime.internal.security.OpenIdTokens;
import org.district.platform.runtime.internal.security.CurrentRequest;
import org.glassfish.jersey.servlet.ServletContainer;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The platform's Jakarta REST whiteboard: every service registered with
 * {@code osgi.jakartars.resource=true} (or {@code osgi.jakartars.extension=true}) by a module bundle
 * is served under {@code /api/<module-id>} for as long as it is registered; the platform's own
 * resources say where with {@code district.rest.base}.
 *
 * <p>It is the one servlet at {@code /api/*}, and hands each request to the Jersey application of
 * the module the path names. Each module gets an application of its own, so that one module's
 * resources coming and going never reload, and a broken resource never breaks, another module's
 * endpoints. An address no module serves answers with a problem that says whether the module is
 * disabled, failed, or unknown.
 */
@Component(service = { Servlet.class, RestWhiteboard.class }, immediate = true)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletAsyncSupported // requests wait for their module's place without a thread: see RequestGuard
public class RestWhiteboard extends JsonServlet {

    private static final long serialVersionUID = 1L;
    private static final String API = "/api";

    /** Service property naming the path under /api of one of the platform's own resources. */
    public static final String BASE_PROPERTY = "district.rest.base";
    /** The largest request body any endpoint accepts. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    @Reference
    private transient Accounts accounts;

    @Reference
    private transient Credentials credentials;

    @Reference
    private transient OpenIdTokens openId;

    @Reference
    private transient ModuleManager modules;

    @Reference
    private transient AuditLedger audit;

    @Reference
    private transient ModuleFailures failures;

    @Reference
    private transient ModuleTrouble trouble;

    @Reference
    private transient ModuleWatch watch;

    /** Counts and times each module's requests for /metrics, when the metrics are there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile RequestMetrics requestMetrics;

    /** Framework property: how many requests one module may serve at once (by default four per core); see RequestGuard. */
    public static final String MAX_REQUESTS = "district.module.max.requests";
    /** Framework property: after how many seconds a module's request is reported and interrupted. */
    public static final String REQUEST_SECONDS = "district.module.request.seconds";
    public static final int DEFAULT_REQUEST_SECONDS = 30;

    private final transient Map<String, ApiMount> mounts = new ConcurrentHashMap<>();
    private transient ServiceTracker<Object, ServiceReference<Object>> tracker;
    /** Builds the modules' applications: two, so that two modules starting at once build side by side. */
    private transient ScheduledExecutorService builder;
    /** The modules' applications start before Jetty hands over its context: see LateServletContext. */
    private final transient LateServletContext servletContext = new LateServletContext();
    private transient volatile boolean serving;
    private transient RequestGuard guard;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        builder = Executors.newScheduledThreadPool(2, new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable work) {
                Thread thread = new Thread(work, "district-rest-builder-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }
        });
        guard = new RequestGuard(ModuleWatch.positive(context.getProperty(MAX_REQUESTS), 4 * Runtime.getRuntime().availableProcessors()),
                java.time.Duration.ofSeconds(ModuleWatch.positive(context.getProperty(REQUEST_SECONDS), DEFAULT_REQUEST_SECONDS)), trouble);
        builder.scheduleWithFixedDelay(guard::check, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        builder.scheduleWithFixedDelay(guard::expire, 50, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        watch.serving(guard::serving);
        ApiMount.Providers providers = new ApiMount.Providers(accounts, credentials, openId, modules::declaredRoles, audit, RestWhiteboard::validatorFactory, MAX_BODY_BYTES,
                ClientAddress.trusting(context.getProperty(ClientAddress.TRUSTED_PROXIES)), () -> !modules.started());
        ApiMount.Services services = new ApiMount.Services() {
            @Override
            public Object get(ServiceReference<Object> reference) {
                return context.getService(reference);
            }

            @Override
            public void unget(ServiceReference<Object> reference) {
                try {
                    context.ungetService(reference);
                } catch (IllegalStateException e) {
                    // the whiteboard's own bundle is stopping: its services are given back with it
                }
            }
        };
        String filter = "(|(" + JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE + "=true)("
                + JakartarsWhiteboardConstants.JAKARTA_RS_EXTENSION + "=true))";
        tracker = new ServiceTracker<>(context, context.createFilter(filter), new ServiceTrackerCustomizer<>() {
            @Override
            public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
                String base = base(reference);
                if (base == null) {
                    return null;
                }
                mounts.computeIfAbsent(base, b -> new ApiMount(b, providers, servletContext.context(), builder, services, failures::record))
                        .add(reference);
                return reference;
            }

            @Override
            public void modifiedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
                // a resource's path comes from its class; nothing to do
            }

            @Override
            public void removedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
                String base = base(reference);
                ApiMount mount = mounts.get(base);
                if (mount != null) {
                    mount.remove(reference);
                    if (!mount.hasResources()) {
                        guard.forget(base); // the module stopped: its next start has a clean sheet
                    }
                }
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        guard.close();
        tracker.close();
        mounts.values().forEach(ApiMount::close);
        mounts.clear();
        builder.shutdownNow();
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        servletContext.bind(config.getServletContext());
        serving = true;
    }

    /** Hands the request to the Jersey application of the module named by its first path segment. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        // The URI, not the path info: it is the same whichever way the servlet container splits it.
        String pathInfo = request.getRequestURI().substring(request.getContextPath().length() + API.length());
        String base = pathInfo.length() > 1 ? pathInfo.substring(1).split("/", 2)[0] : "";
        ApiMount mount = mounts.get(base);
        // the application is built before the request takes a place: a build must not keep the line waiting
        if (mount != null && mount.container() != null) {
            guard.serve(base, request.getMethod() + " " + request.getRequestURI(), request, new Served(request, response, base, pathInfo));
            return;
        }
        unserved(request, response, base);
    }

    /** A request for a module's application: served when the module has a place for it (see RequestGuard). */
    private final class Served implements RequestGuard.Job {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final String base;
        private final String pathInfo;
        private final long arrived = System.nanoTime();

        Served(HttpServletRequest request, HttpServletResponse response, String base, String pathInfo) {
            this.request = request;
            this.response = response;
            this.base = base;
            this.pathInfo = pathInfo;
        }

        @Override
        public void run() throws IOException, ServletException {
            ApiMount mount = mounts.get(base);
            ServletContainer container = mount == null ? null : mount.container();
            if (container == null) { // the module stopped while the request waited for its place
                unserved(request, response, base);
                return;
            }
            boolean answered = false;
            try {
                container.service(new MountedRequest(request, base, pathInfo.substring(1 + base.length())), response);
                answered = true;
            } finally {
                CurrentRequest.clear();
                served(answered ? response.getStatus() : 500);
            }
        }

        @Override
        public void turnedAway(RequestGuard.Busy busy) throws IOException {
            response.setHeader("Retry-After", "1");
            problem(response, busy, request.getRequestURI());
            served(busy.status());
        }

        private void served(int status) {
            RequestMetrics recorder = requestMetrics;
            (recorder == null ? RequestMetrics.NONE : recorder).served(base, request.getMethod(), status, System.nanoTime() - arrived);
        }
    }

    /** The answer where no module's application serves the address: the module is disabled, failed or unknown. */
    private void unserved(HttpServletRequest request, HttpServletResponse response, String base) throws IOException {
        String path = request.getRequestURI();
        Problem problem = Problem.notFound("There is nothing at " + path + ".");
        var state = modules.state(base);
        if (state.isPresent() && state.get() == ModuleState.DISABLED) {
            problem = Problem.notFound("Module '" + base + "' is disabled.");
        } else if (state.isPresent() && state.get() == ModuleState.FAILED) {
            problem = new Problem(503, "Module failed", "Module '" + base + "' failed: " + modules.get(base).reason());
        } else if (state.isEmpty() && !base.isEmpty()) {
            problem = Problem.notFound("There is no module '" + base + "'.");
        }
        problem(response, problem, path);
    }

    /** The request as the module's application sees it: mounted at /api/{base}. */
    private static final class MountedRequest extends HttpServletRequestWrapper {
        private final String servletPath;
        private final String pathInfo;

        MountedRequest(HttpServletRequest request, String base, String pathInfo) {
            super(request);
            this.servletPath = API + "/" + base;
            this.pathInfo = pathInfo.isEmpty() ? null : pathInfo;
        }

        @Override
        public String getServletPath() {
            return servletPath;
        }

        @Override
        public String getPathInfo() {
            return pathInfo;
        }
    }

    /** Whether the HTTP runtime has started this servlet, so that module endpoints answer. */
    public boolean serving() {
        return serving;
    }

    /** The resource classes served now, by their path under /api. */
    public Map<String, List<Class<?>>> resourceClasses() {
        Map<String, List<Class<?>>> classes = new TreeMap<>();
        mounts.forEach((base, mount) -> {
            List<Class<?>> served = mount.resourceClasses();
            if (!served.isEmpty()) {
                classes.put(base, served);
            }
        });
        return classes;
    }

    /** Where a service is served: its module's id, or for the platform's own resources, their base property. */
    private static String base(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return null;
        }
        Object base = reference.getProperty(BASE_PROPERTY);
        if (base != null && bundle.equals(FrameworkUtil.getBundle(RestWhiteboard.class))) {
            return base.toString();
        }
        return ModuleIds.of(bundle).orElse(null);
    }

    /** Bean Validation as every module's application has it, each its own, built when it first validates a body. */
    private static ValidatorFactory validatorFactory() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HibernateValidator.class.getClassLoader());
        try {
            return Validation.byProvider(HibernateValidator.class)
                    .providerResolver(() -> List.of(new HibernateValidator()))
                    .configure()
                    .messageInterpolator(new InclusiveBounds(new ParameterMessageInterpolator()))
                    .buildValidatorFactory();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Bean Validation's default messages for {@code @DecimalMin} and {@code @DecimalMax} say
     * "or equal to" through an expression; the platform runs without an expression language, so
     * this fills it in from the constraint's {@code inclusive} attribute.
     */
    static final class InclusiveBounds implements MessageInterpolator {
        static final String EXPRESSION = "${inclusive == true ? 'or equal to ' : ''}";
        private final MessageInterpolator delegate;

        InclusiveBounds(MessageInterpolator delegate) {
            this.delegate = delegate;
        }

        @Override
        public String interpolate(String template, Context context) {
            return fill(delegate.interpolate(template, context), context);
        }

        @Override
        public String interpolate(String template, Context context, java.util.Locale locale) {
            return fill(delegate.interpolate(template, context, locale), context);
        }

        private static String fill(String message, Context context) {
            if (message == null || !message.contains(EXPRESSION)) {
                return message;
            }
            Object inclusive = context.getConstraintDescriptor().getAttributes().get("inclusive");
            return message.replace(EXPRESSION, Boolean.FALSE.equals(inclusive) ? "" : "or equal to ");
        }
    }
}
