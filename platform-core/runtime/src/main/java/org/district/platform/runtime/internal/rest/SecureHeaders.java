package org.district.platform.runtime.internal.rest;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Headers every answer of the platform carries: no content sniffing, no framing by other sites,
 * no referrer leaking addresses, and API answers never cached by shared caches.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterAsyncSupported // the API servlet holds requests in line for their module: see RequestGuard
public class SecureHeaders implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("X-Frame-Options", "DENY");
            http.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            http.setHeader("Referrer-Policy", "no-referrer");
            // Set before the servlet runs, so an endpoint whose answers may be cached sets its own.
            http.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
