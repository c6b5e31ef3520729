package org.district.platform.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * How {@code @WithPlatform} fails when it cannot give a test its platform. These run without a
 * platform home ({@code district.home} is not set here); the modules' integration tests run it with one.
 */
class DistrictPlatformExtensionTest {

    @WithPlatform
    static class TwoTestsWithoutAHome {
        @Test
        void first(RunningPlatform platform) {
        }

        @Test
        void second(Modules modules) {
        }
    }

    @WithPlatform(lifecycle = WithPlatform.Lifecycle.PER_METHOD)
    static class FreshPlatformAskedForBeforeAll {
        @BeforeAll
        static void before(RunningPlatform platform) {
        }

        @Test
        void test() {
        }
    }

    @WithPlatform
    static class NoTestAsks {
        @Test
        void test() {
        }
    }

    @Test
    void withoutAPlatformHomeEveryTestThatAsksFailsSayingHowToRunIt() {
        Events tests = run(TwoTestsWithoutAHome.class);

        assertEquals(2, tests.failed().count());
        List<String> reasons = tests.failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
                .toList();
        assertTrue(reasons.get(0).contains("no platform home at "), reasons.get(0));
        assertTrue(reasons.get(0).contains("'mvn verify'"), reasons.get(0));
        assertEquals(reasons.get(0).substring(reasons.get(0).indexOf("no platform home")), reasons.get(1).substring(reasons.get(1).indexOf("no platform home")),
                "the second test fails for the same reason, without trying again");
    }

    @Test
    void aFreshPlatformForEachTestIsNotGivenToBeforeAll() {
        Events containers = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FreshPlatformAskedForBeforeAll.class)).execute().containerEvents();

        String reason = containers.failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
        assertTrue(reason.contains("PER_METHOD") && reason.contains("before"), reason);
    }

    @Test
    void aClassWhoseTestsAskForNoPlatformStartsNone() {
        Events tests = run(NoTestAsks.class);

        assertEquals(1, tests.succeeded().count());
    }

    private static Events run(Class<?> type) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(type)).execute().testEvents();
    }
}
