package org.district.platform.runtime.internal.rest;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.PlatformSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Cross-origin access to {@code /api} for the front ends the city names in
 * {@code DISTRICT_CORS_ORIGINS} (the mini-program's web view, a city portal): their browsers may
 * call the API, any other site's may not. Credentials travel in the {@code Authorization} header,
 * never as cookies, so no origin is ever granted credentials. A preflight from an origin not on the
 * list is refused with a problem that says so.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/api/*")
@HttpWhiteboardFilterAsyncSupported // the API servlet holds requests in line for their module: see RequestGuard
public class CrossOrigin implements Filter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Accept-Language";
    static final String EXPOSED_HEADERS = "Location, Retry-After, Content-Disposition";

    private volatile Set<String> origins = Set.of();

    @Activate
    void activate(BundleContext context) {
        origins = parse(PlatformSettings.of(context).corsOrigins());
    }

    /** The allow-list: origins separated by commas or spaces, each {@code scheme://host[:port]}, or {@code *} for any. */
    static Set<String> parse(String list) {
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split("[,\\s]+")).map(String::trim).filter(o -> !o.isEmpty())
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean allowed = origins.contains(origin) || origins.contains("*");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        response.addHeader("Vary", "Origin");
        if (preflight) {
            if (!allowed) {
                JsonServlet.problem(response, new Problem(403, "Origin not allowed",
                        "Cross-origin requests from " + origin + " are not allowed; the platform's DISTRICT_CORS_ORIGINS lists the front ends that may call it."),
                        request.getRequestURI());
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(204);
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(request, response);
    }
}
