package org.district.plugins.legalaidnightmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.junit.jupiter.api.Test;

/** The roster proposes a rota for one market; the night market turns down what clashes with duties at its other markets. */
class DutyRotaScreenTest {

    private static Market market(String name) {
        return new Market(new Market.Details(name, name, "宜宾市/翠屏区", NightMarket.DEFAULT_ZONE, List.of(WeeklyWindow.parse("Fri 19:00-21:30")), Set.of()));
    }

    private static MarketSession session(Market market, int day, int startHour) {
        return new MarketSession(market, LocalDate.of(2026, 12, day), LocalTime.of(startHour, 0), LocalTime.of(startHour + 2, 30), null);
    }

    @Test
    void aLawyerAlreadyOnDutyAtAnotherMarketThenIsTurnedDownWithTheReason() {
        Market dongjie = market("东街夜市");
        Market yulin = market("玉林夜市");
        MarketSession friday = session(dongjie, 4, 19);
        MarketSession saturday = session(dongjie, 5, 19);
        Map<String, MarketSession> byKey = Map.of("a", friday, "b", saturday);
        Map<Long, List<MarketSession>> busy = new HashMap<>();
        busy.put(7L, new ArrayList<>(List.of(session(yulin, 4, 20))));

        DutyRota.Screened screened = DutyRota.screen(List.of(new Rota.Assignment("a", 7L, "王芳"), new Rota.Assignment("b", 7L, "王芳")),
                byKey, busy, 4, YearMonth.of(2026, 12));

        assertEquals(List.of(saturday), screened.accepted().stream().map(DutyRota.Accepted::session).toList());
        assertEquals(friday, screened.refused().get(0).session());
        assertTrue(screened.refused().get(0).reason().contains("玉林夜市"), screened.refused().get(0).reason());
    }

    @Test
    void dutiesAtAllMarketsCountTowardsTheMonthlyMaximum() {
        Market dongjie = market("东街夜市");
        Market yulin = market("玉林夜市");
        Map<Long, List<MarketSession>> busy = new HashMap<>();
        busy.put(7L, new ArrayList<>(List.of(session(yulin, 2, 19))));
        Map<String, MarketSession> byKey = Map.of("a", session(dongjie, 4, 19), "b", session(dongjie, 11, 19), "c", session(dongjie, 18, 19));

        DutyRota.Screened screened = DutyRota.screen(List.of(new Rota.Assignment("c", 7L, "王芳"), new Rota.Assignment("a", 7L, "王芳"),
                new Rota.Assignment("b", 7L, "王芳")), byKey, busy, 2, YearMonth.of(2026, 12));

        assertEquals(List.of(LocalDate.of(2026, 12, 4)), screened.accepted().stream().map(a -> a.session().getDate()).toList(),
                "in session order: the first evening fits under the maximum of two, the later ones do not");
        assertEquals(2, screened.refused().size());
        assertTrue(screened.refused().get(0).reason().contains("already has 2 night-market duties in 2026-12"), screened.refused().get(0).reason());
    }
}
