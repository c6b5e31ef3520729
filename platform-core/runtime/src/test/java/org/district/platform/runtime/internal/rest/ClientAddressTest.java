package org.district.platform.runtime.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    /** A request from {@code remote}, with these headers. */
    private static HttpServletRequest from(String remote, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(), new Class<?>[] { HttpServletRequest.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> null;
                });
    }

    @Test
    void aClientThatForgesForwardedForStraightToThePlatformIsKnownByItsConnection() {
        ClientAddress addresses = ClientAddress.trusting(null);
        assertEquals("203.0.113.9", addresses.of(from("203.0.113.9", Map.of("X-Forwarded-For", "1.2.3.4"))));
    }

    @Test
    void behindTheLocalProxyTheNearestUntrustedHopIsTheClient() {
        ClientAddress addresses = ClientAddress.trusting(null);
        assertEquals("198.51.100.7", addresses.of(from("127.0.0.1", Map.of("X-Forwarded-For", "198.51.100.7"))));
        assertEquals("198.51.100.7", addresses.of(from("127.0.0.1", Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.7"))),
                "what the client wrote itself, left of the proxy's own entry, is not believed");
        assertEquals("127.0.0.1", addresses.of(from("127.0.0.1", Map.of())));
    }

    @Test
    void rangesOfTrustedProxiesAreCidrInBothFamilies() {
        ClientAddress addresses = ClientAddress.trusting("10.0.0.0/8, fd00::/8");
        assertTrue(addresses.trusted("10.42.0.7"));
        assertFalse(addresses.trusted("11.0.0.1"));
        assertTrue(addresses.trusted("fd12:3456::1"));
        assertFalse(addresses.trusted("127.0.0.1"), "loopback is trusted only by default");
        assertFalse(addresses.trusted("unknown"));
        assertFalse(addresses.trusted("example.org"), "a host name is never looked up");
        assertEquals("198.51.100.7", addresses.of(from("10.1.2.3", Map.of("X-Forwarded-For", "198.51.100.7, 10.9.9.9"))));
    }

    @Test
    void aPrefixEndsInsideAByteAndOnlyWholeAddressesCount() {
        ClientAddress addresses = ClientAddress.trusting("192.168.0.0/20, 172.16.0.0/12, 203.0.113.77");
        assertTrue(addresses.trusted("192.168.15.255"));
        assertFalse(addresses.trusted("192.168.16.1"));
        assertTrue(addresses.trusted("172.31.255.1"));
        assertFalse(addresses.trusted("172.32.0.1"));
        assertTrue(addresses.trusted("203.0.113.77"));
        assertFalse(addresses.trusted("203.0.113.78"));
        for (String notAnAddress : new String[] { "203.0.113.777", "256.0.113.77", "203.0.113", "203.0.113.77.1", "203..113.77", ".203.0.113", "203.0.113.77." }) {
            assertFalse(addresses.trusted(notAnAddress), notAnAddress);
        }
    }

    @Test
    void aSettingThatIsNoAddressIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("10.0.0.0/40"));
        assertTrue(refused.getMessage().contains("DISTRICT_TRUSTED_PROXIES"), refused.getMessage());
    }
}
