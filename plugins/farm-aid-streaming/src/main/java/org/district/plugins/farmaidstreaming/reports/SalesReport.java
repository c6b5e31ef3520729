package org.district.plugins.farmaidstreaming.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sums sales and impact by village, by streamer or by month. Sales are the per-product results of
 * sessions, attributed to the product's village and the session's streamer and month; a session
 * counts once in each line it sold in. Impact adds up the villagers employed and weighs their
 * reported income change by them. Every amount is exact; only the weighted average rounds, half up,
 * to the fen.
 */
public final class SalesReport {

    private SalesReport() {
    }

    /** How a report is broken down. */
    public enum Dimension {
        VILLAGE, STREAMER, MONTH;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One product's result in one session, with what it is attributed to. */
    public record Sale(long sessionId, YearMonth month, long villageId, String village, long streamerId, String handle, long unitsSold,
            BigDecimal salesValue, long orders, long returns) {
    }

    /** One village's month of impact: villagers who found work through the programme, their income change (yuan per person per year). */
    public record Impact(long villageId, String village, YearMonth month, long villagersEmployed, BigDecimal incomeChangePerPerson) {
    }

    /**
     * One line of a report: a village ({@code id}, {@code name}), a streamer ({@code id}, handle as
     * {@code name}) or a {@code month}; the total line has none of them. Impact figures are absent
     * in a report by streamer, which impact is not recorded against.
     */
    public record Line(Long id, String name, String month, long sessions, long unitsSold, long orders, long returns, BigDecimal salesValue,
            Long villagersEmployed, BigDecimal incomeChangePerPerson, BigDecimal totalIncomeChange) {
    }

    public record Report(String by, String from, String to, Long villageId, List<Line> lines, Line total) {
    }

    public static Report of(Dimension by, List<Sale> sales, List<Impact> impact, YearMonth from, YearMonth to, Long villageId) {
        List<Sale> inSales = sales.stream().filter(s -> within(s.month(), from, to) && (villageId == null || s.villageId() == villageId)).toList();
        List<Impact> inImpact = impact.stream().filter(i -> within(i.month(), from, to) && (villageId == null || i.villageId() == villageId))
                .toList();
        boolean withImpact = by != Dimension.STREAMER;
        List<Line> lines = switch (by) {
            case VILLAGE -> byVillage(inSales, inImpact);
            case STREAMER -> byStreamer(inSales);
            case MONTH -> byMonth(inSales, inImpact, from, to);
        };
        Line total = line(null, null, null, inSales, withImpact ? inImpact : null);
        return new Report(by.code(), from.toString(), to.toString(), villageId, lines, total);
    }

    private static List<Line> byVillage(List<Sale> sales, List<Impact> impact) {
        Map<Long, String> names = new TreeMap<>();
        sales.forEach(s -> names.put(s.villageId(), s.village()));
        impact.forEach(i -> names.putIfAbsent(i.villageId(), i.village()));
        Map<Long, List<Sale>> salesBy = group(sales, Sale::villageId);
        Map<Long, List<Impact>> impactBy = group(impact, Impact::villageId);
        List<Line> lines = new ArrayList<>();
        names.forEach((id, name) -> lines.add(line(id, name, null, salesBy.getOrDefault(id, List.of()), impactBy.getOrDefault(id, List.of()))));
        lines.sort(BY_VALUE);
        return lines;
    }

    private static List<Line> byStreamer(List<Sale> sales) {
        Map<Long, String> handles = new TreeMap<>();
        sales.forEach(s -> handles.put(s.streamerId(), s.handle()));
        Map<Long, List<Sale>> salesBy = group(sales, Sale::streamerId);
        List<Line> lines = new ArrayList<>();
        handles.forEach((id, handle) -> lines.add(line(id, handle, null, salesBy.get(id), null)));
        lines.sort(BY_VALUE);
        return lines;
    }

    /** Every month of the period, in order, each listed even when nothing happened in it. */
    private static List<Line> byMonth(List<Sale> sales, List<Impact> impact, YearMonth from, YearMonth to) {
        Map<YearMonth, List<Sale>> salesBy = group(sales, Sale::month);
        Map<YearMonth, List<Impact>> impactBy = group(impact, Impact::month);
        List<Line> lines = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            lines.add(line(null, null, month.toString(), salesBy.getOrDefault(month, List.of()), impactBy.getOrDefault(month, List.of())));
        }
        return lines;
    }

    private static final Comparator<Line> BY_VALUE = Comparator.comparing(Line::salesValue).reversed().thenComparing(Line::id);

    private static Line line(Long id, String name, String month, List<Sale> sales, List<Impact> impact) {
        Set<Long> sessions = new HashSet<>();
        long units = 0;
        long orders = 0;
        long returns = 0;
        BigDecimal value = BigDecimal.ZERO.setScale(2);
        for (Sale sale : sales) {
            sessions.add(sale.sessionId());
            units += sale.unitsSold();
            orders += sale.orders();
            returns += sale.returns();
            value = value.add(sale.salesValue());
        }
        if (impact == null) {
            return new Line(id, name, month, sessions.size(), units, orders, returns, value, null, null, null);
        }
        long employed = 0;
        BigDecimal income = BigDecimal.ZERO.setScale(2);
        for (Impact i : impact) {
            employed += i.villagersEmployed();
            income = income.add(i.incomeChangePerPerson().multiply(BigDecimal.valueOf(i.villagersEmployed())));
        }
        BigDecimal perPerson = employed == 0 ? null : income.divide(BigDecimal.valueOf(employed), 2, RoundingMode.HALF_UP);
        return new Line(id, name, month, sessions.size(), units, orders, returns, value, employed, perPerson, income.setScale(2));
    }

    private static boolean within(YearMonth month, YearMonth from, YearMonth to) {
        return !month.isBefore(from) && !month.isAfter(to);
    }

    private static <T, K> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        Map<K, List<T>> groups = new LinkedHashMap<>();
        items.forEach(item -> groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
        return groups;
    }
}
