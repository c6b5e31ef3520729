package org.district.platform.runtime.internal.rest;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A rate limit on requests to {@code /api} that carry no credentials, which is how the public
 * endpoints are called: {@code DISTRICT_PUBLIC_RATE_LIMIT} requests a minute per client address
 * (a token bucket from Bucket4j, refilled evenly, so short bursts pass), 0 for none. Over it, the
 * answer is 429 with {@code Retry-After}. Signed-in callers are limited by their account's lock-out
 * instead. The count is kept per node, for the most recently seen {@value #MAX_CLIENTS} addresses.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/api/*")
@HttpWhiteboardFilterAsyncSupported // the API servlet holds requests in line for their module: see RequestGuard
public class PublicRateLimit implements Filter {

    static final int MAX_CLIENTS = 10_000;

    private volatile int perMinute;
    private volatile ClientAddress clientAddress;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    @Activate
    void activate(BundleContext context) {
        perMinute = PlatformSettings.of(context).publicRateLimit();
        clientAddress = ClientAddress.trusting(context.getProperty(ClientAddress.TRUSTED_PROXIES));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (perMinute <= 0 || !(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || request.getHeader("Authorization") != null || "OPTIONS".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        ConsumptionProbe probe = bucket(clientAddress.of(request)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(seconds));
        JsonServlet.problem(response, new Problem(429, "Too many requests",
                "More than " + perMinute + " requests a minute came from this address without signing in; try again in "
                        + seconds + " s."), request.getRequestURI());
    }

    private Bucket bucket(String client) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(client, c -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .build());
        }
    }
}
