package org.district.plugins.legalaidnightmarket;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.district.plugins.legalaidnightmarket.Catalogue.Category;
import org.district.plugins.legalaidnightmarket.Catalogue.Outcome;

/**
 * The figures the district asks for, month by month: consultations by category and by outcome,
 * how many were settled on the spot (answered, or mediated and settled, at the stall) and their
 * share, and how many follow-ups are overdue. No personal data goes in or out.
 */
public final class Figures {

    private Figures() {
    }

    /** What one consultation contributes: the day of its session, its category and outcome, its follow-up. */
    public record Row(LocalDate date, Category category, Outcome outcome, LocalDate followUpDue, LocalDate followUpDone) {
    }

    /**
     * The figures of one month (or of the whole period, for the total). {@code shareSettledOnTheSpot}
     * is a fraction rounded to four places, absent when there were no consultations.
     */
    public record Month(String month, long consultations, Map<String, Long> byCategory, Map<String, Long> byOutcome,
            long settledOnTheSpot, BigDecimal shareSettledOnTheSpot, long followUpsOverdue) {
    }

    public record Report(String from, String to, Long marketId, List<Month> months, Month total) {
    }

    /** Every month from {@code from} to {@code to}, each listed even when it had no consultations. */
    public static Report of(List<Row> rows, YearMonth from, YearMonth to, Long marketId, LocalDate today) {
        List<Month> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            YearMonth current = month;
            months.add(month(current.toString(), rows.stream().filter(r -> YearMonth.from(r.date()).equals(current)).toList(), today));
        }
        List<Row> inPeriod = rows.stream().filter(r -> !YearMonth.from(r.date()).isBefore(from) && !YearMonth.from(r.date()).isAfter(to)).toList();
        return new Report(from.toString(), to.toString(), marketId, months, month("total", inPeriod, today));
    }

    private static Month month(String label, List<Row> rows, LocalDate today) {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            byCategory.put(category.code(), 0L);
        }
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            byOutcome.put(outcome.code(), 0L);
        }
        long settled = 0;
        long overdue = 0;
        for (Row row : rows) {
            byCategory.merge(row.category().code(), 1L, Long::sum);
            byOutcome.merge(row.outcome().code(), 1L, Long::sum);
            if (row.outcome().settledOnTheSpot()) {
                settled++;
            }
            if (row.followUpDue() != null && row.followUpDone() == null && row.followUpDue().isBefore(today)) {
                overdue++;
            }
        }
        BigDecimal share = rows.isEmpty() ? null
                : BigDecimal.valueOf(settled).divide(BigDecimal.valueOf(rows.size()), 4, RoundingMode.HALF_UP);
        return new Month(label, rows.size(), byCategory, byOutcome, settled, share, overdue);
    }
}
