package org.district.plugins.farmaidstreaming.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.district.plugins.farmaidstreaming.reports.SalesReport.Dimension;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Impact;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Line;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Sale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the sales, every breakdown adds up to the same totals, to the fen: nothing is lost or counted twice. */
class SalesReportProperties {

    private static final YearMonth FROM = YearMonth.of(2026, 1);
    private static final YearMonth TO = YearMonth.of(2026, 6);

    @Provide
    Arbitrary<List<Sale>> sales() {
        Arbitrary<Sale> sale = Combinators.combine(Arbitraries.longs().between(1, 40), Arbitraries.integers().between(0, 7),
                Arbitraries.longs().between(1, 5), Arbitraries.longs().between(1, 6), Arbitraries.longs().between(0, 5_000),
                Arbitraries.longs().between(0, 10_000_000)).as((session, month, village, streamer, units, fen) ->
                        new Sale(session, FROM.plusMonths(month - 1), village, "v" + village, streamer, "s" + streamer, units,
                                BigDecimal.valueOf(fen, 2), units / 2, units / 10));
        return sale.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Impact>> impact() {
        return Combinators.combine(Arbitraries.longs().between(1, 5), Arbitraries.integers().between(0, 5), Arbitraries.longs().between(0, 50),
                Arbitraries.longs().between(-500_000, 6_000_000)).as((village, month, people, fen) ->
                        new Impact(village, "v" + village, FROM.plusMonths(month), people, BigDecimal.valueOf(fen, 2))).list().ofMaxSize(20);
    }

    @Property(tries = 300)
    void everyBreakdownAddsUpToTheSameTotals(@ForAll("sales") List<Sale> sales, @ForAll("impact") List<Impact> impact) {
        List<Sale> inPeriod = sales.stream().filter(s -> !s.month().isBefore(FROM) && !s.month().isAfter(TO)).toList();
        BigDecimal expected = inPeriod.stream().map(Sale::salesValue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        long units = inPeriod.stream().mapToLong(Sale::unitsSold).sum();
        long sessions = inPeriod.stream().map(Sale::sessionId).distinct().count();
        for (Dimension by : Dimension.values()) {
            SalesReport.Report report = SalesReport.of(by, sales, impact, FROM, TO, null);
            assertEquals(expected, report.total().salesValue(), by + " total");
            assertEquals(expected, sum(report.lines()), by + " lines");
            assertEquals(units, report.lines().stream().mapToLong(Line::unitsSold).sum());
            assertEquals(units, report.total().unitsSold());
            assertEquals(sessions, report.total().sessions());
            assertTrue(report.lines().stream().mapToLong(Line::sessions).sum() >= sessions, "a session may sell for several lines");
            if (by != Dimension.STREAMER) {
                long employed = impact.stream().mapToLong(Impact::villagersEmployed).sum();
                assertEquals(employed, report.total().villagersEmployed());
                assertEquals(employed, report.lines().stream().mapToLong(Line::villagersEmployed).sum());
            }
        }
        assertEquals(6, SalesReport.of(Dimension.MONTH, sales, impact, FROM, TO, null).lines().size(), "every month listed");
    }

    private static BigDecimal sum(List<Line> lines) {
        List<BigDecimal> values = new ArrayList<>();
        lines.forEach(l -> values.add(l.salesValue()));
        return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
