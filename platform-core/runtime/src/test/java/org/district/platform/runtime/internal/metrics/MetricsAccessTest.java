package org.district.platform.runtime.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MetricsAccessTest {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void withoutATokenOnlyThisMachineReadsTheMetrics() {
        MetricsAccess access = new MetricsAccess("");
        assertTrue(access.allows("127.0.0.1", NONE::get));
        assertTrue(access.allows("0:0:0:0:0:0:0:1", NONE::get));
        assertTrue(access.allows("[::1]", NONE::get));
        assertFalse(access.allows("10.0.3.7", NONE::get));
        assertFalse(access.allows("10.0.3.7", Map.of("Authorization", "Bearer ")::get));
        assertFalse(access.allows("localhost", NONE::get), "a name is never looked up");
        assertFalse(access.allows(null, NONE::get));
    }

    @Test
    void aForwardedRequestIsNotFromThisMachineWhateverItsHeaderClaims() {
        MetricsAccess access = new MetricsAccess(null);
        assertFalse(access.allows("127.0.0.1", Map.of("X-Forwarded-For", "127.0.0.1")::get));
        assertFalse(access.allows("127.0.0.1", Map.of("Forwarded", "for=127.0.0.1")::get));
        assertFalse(access.allows("127.0.0.1", Map.of("X-Real-IP", "127.0.0.1")::get));
    }

    @Test
    void theNodesTokenLetsAScraperInFromAnywhereAndAWrongOneIsRefusedEvenOnLoopback() {
        MetricsAccess access = new MetricsAccess(" s3cret-scrape ");
        assertTrue(access.allows("10.0.3.7", Map.of("Authorization", "Bearer s3cret-scrape")::get));
        assertTrue(access.allows("10.0.3.7", Map.of("Authorization", "bearer s3cret-scrape", "X-Forwarded-For", "1.2.3.4")::get));
        assertFalse(access.allows("10.0.3.7", Map.of("Authorization", "Bearer s3cret-scrap")::get));
        assertFalse(access.allows("10.0.3.7", NONE::get));
        assertFalse(access.allows("127.0.0.1", Map.of("Authorization", "Bearer wrong")::get));
        assertFalse(access.allows("127.0.0.1", Map.of("Authorization", "Basic YWRtaW46eA==")::get));
        assertTrue(access.allows("127.0.0.1", NONE::get));
    }
}
