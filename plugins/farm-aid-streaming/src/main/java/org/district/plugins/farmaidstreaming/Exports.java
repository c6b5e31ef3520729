package org.district.plugins.farmaidstreaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.district.plugins.farmaidstreaming.Views.TrainingSummary;
import org.district.plugins.farmaidstreaming.reports.SalesReport;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Dimension;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Line;

/**
 * The CSV files the module hands out. Each starts with a byte-order mark, because Excel as used in
 * Chinese offices reads UTF-8 without one as GBK; amounts are plain decimals with two places; text
 * that a spreadsheet would run as a formula gets a leading apostrophe.
 */
public final class Exports {

    private static final String BOM = "\uFEFF";

    private Exports() {
    }

    /** A report, one row a line and a total row; headers in English or, with {@code chinese}, in Chinese. */
    public static String report(SalesReport.Report report, Dimension by, boolean chinese) {
        boolean impact = by != Dimension.STREAMER;
        List<String> header = new ArrayList<>();
        switch (by) {
            case VILLAGE -> header.addAll(chinese ? List.of("村/合作社编号", "村/合作社") : List.of("village_id", "village"));
            case STREAMER -> header.addAll(chinese ? List.of("主播编号", "主播") : List.of("streamer_id", "handle"));
            case MONTH -> header.add(chinese ? "月份" : "month");
        }
        header.addAll(chinese ? List.of("直播场次", "销售件数", "订单数", "退货订单数", "销售额（元）")
                : List.of("sessions", "units_sold", "orders", "returns", "sales_value_yuan"));
        if (impact) {
            header.addAll(chinese ? List.of("带动就业人数", "人均年增收（元）", "年增收合计（元）")
                    : List.of("villagers_employed", "income_change_per_person_yuan", "income_change_total_yuan"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Line line : report.lines()) {
            rows.add(row(line, by, impact, null));
        }
        rows.add(row(report.total(), by, impact, chinese ? "合计" : "total"));
        return write(header, rows);
    }

    private static List<Object> row(Line line, Dimension by, boolean impact, String totalLabel) {
        List<Object> row = new ArrayList<>();
        if (by == Dimension.MONTH) {
            row.add(totalLabel != null ? totalLabel : line.month());
        } else {
            row.add(totalLabel != null ? totalLabel : line.id());
            row.add(totalLabel != null ? "" : text(line.name()));
        }
        row.addAll(List.of(line.sessions(), line.unitsSold(), line.orders(), line.returns(), amount(line.salesValue())));
        if (impact) {
            row.add(line.villagersEmployed());
            row.add(amount(line.incomeChangePerPerson()));
            row.add(amount(line.totalIncomeChange()));
        }
        return row;
    }

    /** The streamer roster with personal data in full: for holders of the export role only. */
    public static String streamers(List<Streamer> streamers, Map<Long, TrainingSummary> training) {
        List<String> header = List.of("id", "handle", "real_name", "phone", "pioneer", "active", "accounts", "categories", "availability",
                "courses_completed", "certified");
        List<List<Object>> rows = new ArrayList<>();
        for (Streamer s : streamers) {
            TrainingSummary t = training.getOrDefault(s.getId(), TrainingSummary.NONE);
            rows.add(Arrays.asList(s.getId(), text(s.getHandle()), text(s.getRealName()), text(s.getPhone()), s.isPioneer(), s.isActive(),
                    text(s.accounts().stream().map(a -> a.getPlatform().code() + ":" + a.getAccountId() + ":" + a.getFollowers())
                            .collect(Collectors.joining("; "))),
                    String.join(" ", Views.codes(s)), String.join("; ", WeeklyWindow.format(s.availability())), t.coursesCompleted(),
                    t.certified()));
        }
        return write(header, rows);
    }

    /** Text as a spreadsheet will show it and never run it: a leading = + - @ or control character gets an apostrophe. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    private static String amount(BigDecimal value) {
        return value == null ? "" : Money.yuan(value).toPlainString();
    }

    private static String write(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(v -> v == null ? "" : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
