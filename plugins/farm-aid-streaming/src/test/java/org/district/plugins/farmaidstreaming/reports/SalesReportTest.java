package org.district.plugins.farmaidstreaming.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.district.plugins.farmaidstreaming.reports.SalesReport.Dimension;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Impact;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Line;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Sale;
import org.junit.jupiter.api.Test;

/**
 * The hand-worked fixture the HTTP test also uses: villages A (10) and B (20), streamers S1 (1) and
 * S2 (2), sessions X1 and X2 in March, X3 in April selling products of both villages.
 */
class SalesReportTest {

    static final YearMonth MARCH = YearMonth.of(2024, 3);
    static final YearMonth APRIL = YearMonth.of(2024, 4);

    static final List<Sale> SALES = List.of(
            new Sale(101, MARCH, 10, "A", 1, "S1", 100, new BigDecimal("950.00"), 80, 2),
            new Sale(101, MARCH, 10, "A", 1, "S1", 20, new BigDecimal("510.00"), 20, 0),
            new Sale(102, MARCH, 20, "B", 2, "S2", 10, new BigDecimal("899.10"), 9, 1),
            new Sale(103, APRIL, 10, "A", 1, "S1", 50, new BigDecimal("480.50"), 40, 1),
            new Sale(103, APRIL, 20, "B", 1, "S1", 5, new BigDecimal("499.50"), 5, 0));

    static final List<Impact> IMPACT = List.of(
            new Impact(10, "A", MARCH, 10, new BigDecimal("30000.00")),
            new Impact(10, "A", APRIL, 5, new BigDecimal("24000.00")),
            new Impact(20, "B", APRIL, 3, new BigDecimal("36000.00")));

    private static void assertLine(Line line, long sessions, long units, long orders, long returns, String value) {
        assertEquals(sessions, line.sessions(), "sessions of " + line);
        assertEquals(units, line.unitsSold(), "units of " + line);
        assertEquals(orders, line.orders(), "orders of " + line);
        assertEquals(returns, line.returns(), "returns of " + line);
        assertEquals(new BigDecimal(value), line.salesValue(), "sales value of " + line);
    }

    @Test
    void byVillageEachSessionCountsOnceInEveryVillageItSoldFor() {
        SalesReport.Report report = SalesReport.of(Dimension.VILLAGE, SALES, IMPACT, MARCH, APRIL, null);
        assertEquals(2, report.lines().size());
        Line a = report.lines().get(0);
        assertEquals(10L, a.id());
        assertLine(a, 2, 170, 140, 3, "1940.50");
        assertEquals(15L, a.villagersEmployed());
        assertEquals(new BigDecimal("28000.00"), a.incomeChangePerPerson());
        assertEquals(new BigDecimal("420000.00"), a.totalIncomeChange());
        Line b = report.lines().get(1);
        assertLine(b, 2, 15, 14, 1, "1398.60");
        assertEquals(new BigDecimal("36000.00"), b.incomeChangePerPerson());
        assertLine(report.total(), 3, 185, 154, 4, "3339.10");
        assertEquals(18L, report.total().villagersEmployed());
        assertEquals(new BigDecimal("29333.33"), report.total().incomeChangePerPerson(), "528,000 / 18, half up");
    }

    @Test
    void byStreamerHasNoImpactFigures() {
        SalesReport.Report report = SalesReport.of(Dimension.STREAMER, SALES, IMPACT, MARCH, APRIL, null);
        assertEquals("S1", report.lines().get(0).name());
        assertLine(report.lines().get(0), 2, 175, 145, 3, "2440.00");
        assertLine(report.lines().get(1), 1, 10, 9, 1, "899.10");
        assertNull(report.total().villagersEmployed());
        assertNull(report.lines().get(0).incomeChangePerPerson());
    }

    @Test
    void byMonthListsEveryMonthOfThePeriodEvenEmptyOnes() {
        SalesReport.Report report = SalesReport.of(Dimension.MONTH, SALES, IMPACT, YearMonth.of(2024, 2), APRIL, null);
        assertEquals(List.of("2024-02", "2024-03", "2024-04"), report.lines().stream().map(Line::month).toList());
        assertLine(report.lines().get(0), 0, 0, 0, 0, "0.00");
        assertNull(report.lines().get(0).incomeChangePerPerson(), "no villagers, no average");
        assertLine(report.lines().get(1), 2, 130, 109, 3, "2359.10");
        assertEquals(new BigDecimal("30000.00"), report.lines().get(1).incomeChangePerPerson());
        assertLine(report.lines().get(2), 1, 55, 45, 1, "980.00");
        assertEquals(new BigDecimal("28500.00"), report.lines().get(2).incomeChangePerPerson());
    }

    @Test
    void oneVillageKeepsOnlyItsOwnProductsAndImpact() {
        SalesReport.Report report = SalesReport.of(Dimension.MONTH, SALES, IMPACT, MARCH, APRIL, 10L);
        assertLine(report.lines().get(0), 1, 120, 100, 2, "1460.00");
        assertLine(report.lines().get(1), 1, 50, 40, 1, "480.50");
        assertEquals(15L, report.total().villagersEmployed());
    }

    @Test
    void salesOutsideThePeriodAreLeftOut() {
        SalesReport.Report report = SalesReport.of(Dimension.VILLAGE, SALES, IMPACT, APRIL, APRIL, null);
        assertLine(report.total(), 1, 55, 45, 1, "980.00");
    }
}
