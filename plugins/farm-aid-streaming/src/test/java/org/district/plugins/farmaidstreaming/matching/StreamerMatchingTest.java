package org.district.plugins.farmaidstreaming.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.district.plugins.farmaidstreaming.Platform;
import org.district.plugins.farmaidstreaming.ProductCategory;
import org.district.plugins.farmaidstreaming.WeeklyWindow;
import org.district.plugins.farmaidstreaming.matching.StreamerMatching.Candidate;
import org.district.plugins.farmaidstreaming.matching.StreamerMatching.Exclusion;
import org.district.plugins.farmaidstreaming.matching.StreamerMatching.Request;
import org.district.plugins.farmaidstreaming.matching.StreamerMatching.Result;
import org.district.plugins.farmaidstreaming.matching.StreamerMatching.Suggestion;
import org.district.plugins.farmaidstreaming.matching.StreamerMatching.Track;
import org.junit.jupiter.api.Test;

class StreamerMatchingTest {

    /** A Saturday evening. */
    private static final LocalDateTime SATURDAY_8PM = LocalDateTime.of(2026, 12, 5, 20, 0);
    private static final Request PRODUCE_ON_SATURDAY = new Request(ProductCategory.PRODUCE, SATURDAY_8PM, 120);

    private static List<WeeklyWindow> windows(String... lines) {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (String line : lines) {
            windows.addAll(WeeklyWindow.parse(line));
        }
        return windows;
    }

    private static Candidate candidate(long id, String handle, boolean pioneer, Set<ProductCategory> categories, Map<Platform, Long> followers,
            List<WeeklyWindow> availability, int courses, boolean certified, Track track, String busy) {
        return new Candidate(id, handle, pioneer, categories, followers, availability, courses, certified, track, busy);
    }

    private static final Candidate VETERAN = candidate(1, "椒江小鲜", true, EnumSet.of(ProductCategory.PRODUCE),
            Map.of(Platform.DOUYIN, 128_000L, Platform.KUAISHOU, 9_000L), windows("Sat 19:00-22:00"), 1, true, new Track(8, 1_240), null);

    @Test
    void everyPointComesWithItsReason() {
        Suggestion s = StreamerMatching.suggest(PRODUCE_ON_SATURDAY, List.of(VETERAN), 10).suggestions().get(0);
        // track 10 + 2x8 capped at 10 + 12 (1,240 units) = 32; says so 5; 128k followers 15; training 10; certificate 5; pioneer 5; available 20
        assertEquals(92, s.score());
        assertEquals(List.of("sold 1,240 units of produce in 8 sessions", "lists produce among what they sell well",
                "available Saturday evenings (Sat 19:00-22:00)", "128k followers on Douyin", "completed live-commerce training",
                "holds a live-commerce certificate", "pioneer streamer"), s.reasons());
    }

    @Test
    void aStreamerWhoGaveNoAvailabilityStaysInAndIsToldToBeAsked() {
        Candidate newcomer = candidate(2, "台州阿妹", false, EnumSet.of(ProductCategory.PRODUCE), Map.of(Platform.KUAISHOU, 850L), List.of(), 0,
                false, Track.NONE, null);
        Suggestion s = StreamerMatching.suggest(PRODUCE_ON_SATURDAY, List.of(newcomer), 10).suggestions().get(0);
        assertEquals(10, s.score());
        assertEquals(List.of("says they sell produce well (no sessions of it on record yet)",
                "has given no weekly availability: confirm Saturday 20:00 with them", "850 followers on Kuaishou",
                "has not completed live-commerce training yet"), s.reasons());
    }

    @Test
    void theUnavailableTheBusyAndThoseWithoutAnAccountAreLeftOutWithTheReason() {
        Candidate mornings = candidate(3, "早起果农", false, Set.of(), Map.of(Platform.DOUYIN, 20_000L), windows("Mon-Fri 09:00-11:00"), 0, false,
                Track.NONE, null);
        Candidate busy = candidate(4, "忙碌渔娘", false, Set.of(), Map.of(Platform.DOUYIN, 20_000L), windows("Sat 19:00-23:00"), 0, false,
                Track.NONE, "in session 77 on Douyin from 2026-12-05T19:30 to 21:30");
        Candidate noAccount = candidate(5, "新来的", false, Set.of(), Map.of(), List.of(), 0, false, Track.NONE, null);
        Result result = StreamerMatching.suggest(PRODUCE_ON_SATURDAY, List.of(busy, noAccount, mornings, VETERAN), 10);
        assertEquals(List.of(1L), result.suggestions().stream().map(Suggestion::streamerId).toList());
        assertEquals(List.of(
                new Exclusion(3, "早起果农", "not available Saturday 20:00-22:00 (available Mon-Fri 09:00-11:00)"),
                new Exclusion(4, "忙碌渔娘", "already in session 77 on Douyin from 2026-12-05T19:30 to 21:30"),
                new Exclusion(5, "新来的", "has no live-streaming account on record")), result.excluded());
    }

    @Test
    void withoutATimeAvailabilityIsNotAsked() {
        Candidate mornings = candidate(3, "早起果农", false, Set.of(), Map.of(Platform.DOUYIN, 20_000L), windows("Mon 09:00-11:00"), 0, false,
                Track.NONE, null);
        Result result = StreamerMatching.suggest(new Request(ProductCategory.CRAFTS, null, 120), List.of(mornings), 10);
        assertEquals(List.of("has not sold crafts before", "20k followers on Douyin", "has not completed live-commerce training yet"),
                result.suggestions().get(0).reasons());
        assertEquals(10, result.suggestions().get(0).score());
    }

    @Test
    void equalScoresAreOrderedByUnitsThenFollowersThenIdTheSameEveryTime() {
        Candidate a = candidate(30, "甲", false, Set.of(), Map.of(Platform.DOUYIN, 5_000L), List.of(), 0, false, Track.NONE, null);
        Candidate b = candidate(20, "乙", false, Set.of(), Map.of(Platform.DOUYIN, 6_000L), List.of(), 0, false, Track.NONE, null);
        Candidate c = candidate(10, "丙", false, Set.of(), Map.of(Platform.DOUYIN, 5_000L), List.of(), 0, false, Track.NONE, null);
        Request request = new Request(ProductCategory.CLOTHING, null, 120);
        assertEquals(List.of(20L, 10L, 30L), StreamerMatching.suggest(request, List.of(a, b, c), 10).suggestions().stream()
                .map(Suggestion::streamerId).toList());
        assertEquals(List.of(20L, 10L), StreamerMatching.suggest(request, List.of(c, a, b), 2).suggestions().stream()
                .map(Suggestion::streamerId).toList(), "the limit keeps the best");
    }

    @Test
    void followerCountsReadAsPeopleSayThem() {
        assertEquals("950", StreamerMatching.compact(950));
        assertEquals("8.5k", StreamerMatching.compact(8_499));
        assertEquals("10k", StreamerMatching.compact(10_000));
        assertEquals("128k", StreamerMatching.compact(128_400));
        assertEquals("1M", StreamerMatching.compact(999_999));
        assertEquals("1.3M", StreamerMatching.compact(1_250_000));
    }
}
