package org.district.platform.runtime.internal.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read {@code /metrics}: a request from this machine (the socket's address is loopback and
 * no proxy put a forwarding header on it), or one carrying {@code Authorization: Bearer <token>} with
 * the node's {@code DISTRICT_METRICS_TOKEN}. Forwarding headers are never believed: they only make a
 * loopback request count as one that came through a proxy, from somewhere else.
 */
final class MetricsAccess {

    /** The framework property the launcher passes {@code DISTRICT_METRICS_TOKEN} on as. */
    static final String TOKEN = "district.metrics.token";

    private static final String[] FORWARDING_HEADERS = { "Forwarded", "X-Forwarded-For", "X-Real-IP" };

    private final byte[] token;

    MetricsAccess(String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a scraper can sign in from elsewhere at all. */
    boolean tokenSet() {
        return token != null;
    }

    /**
     * @param remoteAddress the address the connection comes from ({@code getRemoteAddr()})
     * @param header the request's headers by name
     */
    boolean allows(String remoteAddress, java.util.function.Function<String, String> header) {
        String authorization = header.apply("Authorization");
        if (token != null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] offered = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(token, offered);
        }
        if (authorization != null) {
            return false; // a wrong or unexpected credential is refused, wherever it comes from
        }
        for (String name : FORWARDING_HEADERS) {
            if (header.apply(name) != null) {
                return false;
            }
        }
        return loopback(remoteAddress);
    }

    static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        // Only address literals: never a name lookup.
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
