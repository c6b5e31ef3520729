package org.district.plugins.legalaidnightmarket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.district.plugins.legalaidnightmarket.Catalogue.Category;
import org.district.plugins.legalaidnightmarket.Catalogue.Outcome;
import org.district.plugins.legalaidnightmarket.Figures.Month;
import org.district.plugins.legalaidnightmarket.Figures.Report;

/**
 * The CSV files the module hands out. Each starts with a byte-order mark, because Excel as used
 * in Chinese offices reads a UTF-8 file without one as GBK and shows Chinese as garbage; and any
 * free text that a spreadsheet would run as a formula is defused with a leading apostrophe.
 */
public final class Exports {

    private static final String BOM = "\uFEFF";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private Exports() {
    }

    /** The monthly figures, one row a month and a total row; headers in English codes or, with {@code chinese}, in Chinese. */
    public static String figures(Report report, boolean chinese) {
        List<String> header = new ArrayList<>();
        header.add(chinese ? "月份" : "month");
        header.add(chinese ? "咨询总数" : "consultations");
        for (Category category : Category.values()) {
            header.add(chinese ? category.chinese() : "category_" + category.code());
        }
        for (Outcome outcome : Outcome.values()) {
            header.add(chinese ? outcome.chinese() : "outcome_" + outcome.code());
        }
        header.add(chinese ? "当场化解" : "settled_on_the_spot");
        header.add(chinese ? "当场化解率" : "share_settled_on_the_spot");
        header.add(chinese ? "逾期未跟进" : "follow_ups_overdue");
        List<List<Object>> rows = new ArrayList<>();
        for (Month month : report.months()) {
            rows.add(row(month, month.month()));
        }
        rows.add(row(report.total(), chinese ? "合计" : "total"));
        return write(header, rows);
    }

    private static List<Object> row(Month month, String label) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        row.add(month.consultations());
        row.addAll(month.byCategory().values());
        row.addAll(month.byOutcome().values());
        row.add(month.settledOnTheSpot());
        row.add(month.shareSettledOnTheSpot() == null ? "" : month.shareSettledOnTheSpot().toPlainString());
        row.add(month.followUpsOverdue());
        return row;
    }

    /** Consultations one by one, contacts and summaries in full: personal data, for holders of the export role only. */
    public static String consultations(List<Consultation> consultations, LocalDate today) {
        List<String> header = List.of("id", "date", "market", "category", "visitor", "outcome", "summary", "contact", "follow_up_due",
                "follow_up_done", "follow_up_result", "follow_up_overdue", "lawyer_id", "logged_by");
        List<List<Object>> rows = new ArrayList<>();
        for (Consultation c : consultations) {
            rows.add(java.util.Arrays.asList(c.getId(), c.getSession().getDate(), text(c.getSession().getMarket().getName()),
                    c.getCategory().code(), c.getVisitor().code(), c.getOutcome().code(), text(c.getSummary()), text(c.getContact()),
                    orEmpty(c.getFollowUpDue()), orEmpty(c.getFollowUpDone()), text(c.getFollowUpResult()), c.followUpOverdue(today),
                    orEmpty(c.getLawyerId()), text(c.getLoggedBy())));
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

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    private static String write(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
