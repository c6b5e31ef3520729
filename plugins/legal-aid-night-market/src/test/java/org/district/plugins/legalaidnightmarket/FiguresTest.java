package org.district.plugins.legalaidnightmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.district.plugins.legalaidnightmarket.Catalogue.Category;
import org.district.plugins.legalaidnightmarket.Catalogue.Outcome;
import org.district.plugins.legalaidnightmarket.Figures.Report;
import org.district.plugins.legalaidnightmarket.Figures.Row;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static final List<Row> ROWS = List.of(
            new Row(LocalDate.of(2026, 9, 4), Category.PAYMENT_DISPUTE, Outcome.ANSWERED, null, null),
            new Row(LocalDate.of(2026, 9, 4), Category.PAYMENT_DISPUTE, Outcome.SETTLED, null, null),
            new Row(LocalDate.of(2026, 9, 5), Category.LOAN_DISPUTE, Outcome.FOLLOW_UP, LocalDate.of(2026, 9, 12), null),
            new Row(LocalDate.of(2026, 10, 2), Category.NEIGHBOUR_FRICTION, Outcome.REFERRED_COURT, LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 9)),
            new Row(LocalDate.of(2026, 10, 3), Category.CONSUMER, Outcome.FOLLOW_UP, LocalDate.of(2026, 11, 30), null));

    @Test
    void eachMonthCountsByCategoryAndOutcome() {
        Report report = Figures.of(ROWS, YearMonth.of(2026, 9), YearMonth.of(2026, 10), null, TODAY);
        assertEquals(List.of("2026-09", "2026-10"), report.months().stream().map(Figures.Month::month).toList());
        Figures.Month september = report.months().get(0);
        assertEquals(3, september.consultations());
        assertEquals(2, september.byCategory().get("payment_dispute"));
        assertEquals(1, september.byCategory().get("loan_dispute"));
        assertEquals(0, september.byCategory().get("family"));
        assertEquals(Catalogue.Category.values().length, september.byCategory().size(), "every category is listed, zero or not");
        assertEquals(1, september.byOutcome().get("answered"));
        assertEquals(1, september.byOutcome().get("follow_up"));
    }

    @Test
    void theShareSettledOnTheSpotCountsAnsweredAndSettled() {
        Report report = Figures.of(ROWS, YearMonth.of(2026, 9), YearMonth.of(2026, 10), null, TODAY);
        assertEquals(2, report.months().get(0).settledOnTheSpot());
        assertEquals(new BigDecimal("0.6667"), report.months().get(0).shareSettledOnTheSpot());
        assertEquals(new BigDecimal("0.0000"), report.months().get(1).shareSettledOnTheSpot());
        assertEquals(new BigDecimal("0.4000"), report.total().shareSettledOnTheSpot());
    }

    @Test
    void aFollowUpIsOverdueOnlyOncePastDueAndNotDone() {
        Report report = Figures.of(ROWS, YearMonth.of(2026, 9), YearMonth.of(2026, 10), null, TODAY);
        assertEquals(1, report.months().get(0).followUpsOverdue(), "due 12 Sep, never done");
        assertEquals(0, report.months().get(1).followUpsOverdue(), "one done on time, one not due until 30 Nov");
        assertEquals(1, report.total().followUpsOverdue());
    }

    @Test
    void aMonthWithoutConsultationsIsListedWithZerosAndNoShare() {
        Report report = Figures.of(ROWS, YearMonth.of(2026, 8), YearMonth.of(2026, 9), 7L, TODAY);
        Figures.Month august = report.months().get(0);
        assertEquals("2026-08", august.month());
        assertEquals(0, august.consultations());
        assertNull(august.shareSettledOnTheSpot());
        assertEquals(3, report.total().consultations(), "the total covers the period asked for only");
        assertEquals(7L, report.marketId());
    }
}
