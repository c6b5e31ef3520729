package org.district.platform.runtime.internal.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

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
        if (bytes == null) {
            return false;
        }
        for (Range range : trusted) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of an IP literal; null for anything else (a host name is never resolved). */
    private static byte[] literal(String address) {
        if (address == null) {
            return null;
        }
        byte[] v4 = ipv4(address);
        if (v4 != null) {
            return v4;
        }
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = bare.indexOf('%');
        bare = zone < 0 ? bare : bare.substring(0, zone);
        if (bare.indexOf(':') < 0 || !IPV6.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare).getAddress(); // a literal: never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Four decimal numbers of at most 255 with dots between; null for anything else. */
    private static byte[] ipv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && part < 3 && value <= 255) {
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 3 || digits == 0 || value > 255) {
            return null;
        }
        bytes[3] = (byte) value;
        return bytes;
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
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
