package org.district.plugins.legalaidnightmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.district.plugins.legalaidnightmarket.Catalogue.Category;
import org.district.plugins.legalaidnightmarket.Catalogue.Outcome;
import org.district.plugins.legalaidnightmarket.Catalogue.Visitor;
import org.junit.jupiter.api.Test;

class ExportsTest {

    private static List<CSVRecord> read(String csv) throws IOException {
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark, for Excel");
        return CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
    }

    @Test
    void theFiguresHaveOneRowAMonthAndATotalInEnglishOrChinese() throws IOException {
        Figures.Report report = Figures.of(List.of(
                new Figures.Row(LocalDate.of(2026, 9, 4), Category.PAYMENT_DISPUTE, Outcome.ANSWERED, null, null),
                new Figures.Row(LocalDate.of(2026, 10, 2), Category.LOAN_DISPUTE, Outcome.FOLLOW_UP, LocalDate.of(2026, 10, 9), null)),
                YearMonth.of(2026, 9), YearMonth.of(2026, 10), null, LocalDate.of(2026, 11, 1));
        List<CSVRecord> english = read(Exports.figures(report, false));
        assertEquals(4, english.size());
        List<String> header = english.get(0).toList();
        assertEquals("month", header.get(0));
        assertEquals("1", english.get(1).get(header.indexOf("category_payment_dispute")));
        assertEquals("1.0000", english.get(1).get(header.indexOf("share_settled_on_the_spot")));
        assertEquals("1", english.get(2).get(header.indexOf("follow_ups_overdue")));
        assertEquals("total", english.get(3).get(0));
        assertEquals("2", english.get(3).get(header.indexOf("consultations")));

        List<CSVRecord> chinese = read(Exports.figures(report, true));
        assertEquals("月份", chinese.get(0).get(0));
        assertTrue(chinese.get(0).toList().contains("货款纠纷"));
        assertEquals("合计", chinese.get(3).get(0));
    }

    @Test
    void freeTextIsQuotedAndNeverRunAsAFormula() throws IOException {
        Market market = new Market(new Market.Details("东街夜市", "东街", "宜宾市/翠屏区", NightMarket.DEFAULT_ZONE,
                List.of(WeeklyWindow.parse("Fri 19:00-21:30")), Set.of()));
        MarketSession session = new MarketSession(market, LocalDate.of(2026, 9, 4), LocalTime.of(19, 0), LocalTime.of(21, 30), null);
        Consultation consultation = new Consultation(session, 12L, new Consultation.Details(Category.CONSUMER, Visitor.CUSTOMER,
                "=HYPERLINK(\"http://x\"), 退货被拒\n第二行", Outcome.ANSWERED, "13812345678", null), OffsetDateTime.now(), "lawyer");
        List<CSVRecord> rows = read(Exports.consultations(List.of(consultation), LocalDate.of(2026, 11, 1)));
        List<String> header = rows.get(0).toList();
        assertEquals("'=HYPERLINK(\"http://x\"), 退货被拒\n第二行", rows.get(1).get(header.indexOf("summary")));
        assertEquals("13812345678", rows.get(1).get(header.indexOf("contact")), "the export role sees the contact in full");
        assertEquals("consumer", rows.get(1).get(header.indexOf("category")));
        assertEquals("'-1", Exports.text("-1"));
        assertEquals("", Exports.text(null));
    }
}
