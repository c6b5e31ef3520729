package org.district.platform.runtime.internal.rest;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request comes from, for the public rate limit, the sign-in lock-out and the audit trail.
 * The connection's address, unless it is one of the proxies the city runs in front of the platform
 * ({@code DISTRICT_TRUSTED_PROXIES}, addresses or ranges; loopback by default): then the nearest
 * address in {@code X-Forwarded-For} that is not such a proxy. A client that sends its own
 * {@code X-Forwarded-For} straight to the platform gains nothing by it.
 */
public final class ClientAddress {

    /** Framework property: the trusted proxies, comma-separated ({@code 127.0.0.1, ::1, 10.0.0.0/8}). */
    public static final String TRUSTED_PROXIES = "district.trusted.proxies";
    private static final String DEFAULT = "127.0.0.1, ::1";

    private final List<Range> trusted;

    private ClientAddress(List<Range> trusted) {
        this.trusted = trusted;
    }

    /** From the setting; unset, loopback. */
    public static ClientAddress trusting(String proxies) {
        List<Range> ranges = new ArrayList<>();
        for (String proxy : (proxies == null || proxies.isBlank() ? DEFAULT : proxies).split(",")) {
            if (!proxy.isBlank()) {
                ranges.add(Range.parse(proxy.strip()));
            }
        }
        return new ClientAddress(List.copyOf(ranges));
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!trusted(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted(hop)) {
                return hop;
            }
        }
        return hops[0].strip().isEmpty() ? remote : hops[0].strip();
    }

    boolean trusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    /** The bytes of an IP literal; null for anything else (a host name is never resolved). */
    private static byte[] literal(String address) {
        if (address == null) {
            return null;
        }
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = bare.indexOf('%');
        bare = zone < 0 ? bare : bare.substring(0, zone);
        if (!bare.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") && !(bare.indexOf(':') >= 0 && bare.matches("[0-9A-Fa-f:.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(bare).getAddress(); // a literal: never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address, or a range of them in CIDR form. */
    private record Range(byte[] network, int bits) {
        static Range parse(String text) {
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("DISTRICT_TRUSTED_PROXIES: '" + text + "' is not an IP address or range");
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("DISTRICT_TRUSTED_PROXIES: '" + text + "' has a prefix longer than its address");
            }
            return new Range(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - bits;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
