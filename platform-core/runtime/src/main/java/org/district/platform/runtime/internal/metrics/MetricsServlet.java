package org.district.platform.runtime.internal.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /metrics}: the platform's metrics in the Prometheus text format, for a scraper on this
 * machine or one that sends the node's {@code DISTRICT_METRICS_TOKEN} as a bearer token (see
 * {@link MetricsAccess}). Anyone else gets 403.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient PlatformMetrics metrics;

    private transient MetricsAccess access;

    @Activate
    void activate(BundleContext context) {
        access = new MetricsAccess(context.getProperty(MetricsAccess.TOKEN));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!access.allows(request.getRemoteAddr(), request::getHeader)) {
            response.setStatus(403);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write(access.tokenSet()
                    ? "Metrics are for this machine, or for a scraper that sends the node's metrics token (Authorization: Bearer).\n"
                    : "Metrics are for this machine only; set DISTRICT_METRICS_TOKEN to let a scraper elsewhere read them.\n");
            return;
        }
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(PlatformMetrics.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
