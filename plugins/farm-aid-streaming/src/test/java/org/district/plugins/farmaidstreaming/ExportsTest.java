package org.district.plugins.farmaidstreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.district.plugins.farmaidstreaming.reports.SalesReport;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Dimension;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Sale;
import org.junit.jupiter.api.Test;

class ExportsTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    @Test
    void aReportIsOneRowALineAndATotalWithPlainAmounts() {
        SalesReport.Report report = SalesReport.of(Dimension.STREAMER, List.of(
                new Sale(1, MAY, 10, "甲村", 7, "椒江小鲜", 3, new BigDecimal("1000.00"), 3, 0),
                new Sale(2, MAY, 10, "甲村", 8, "=cmd|' /C calc'!A0", 1, new BigDecimal("0.50"), 1, 1)), List.of(), MAY, MAY, null);
        String csv = Exports.report(report, Dimension.STREAMER, false);
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark for Excel");
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals("streamer_id,handle,sessions,units_sold,orders,returns,sales_value_yuan", lines[0]);
        assertEquals("7,椒江小鲜,1,3,3,0,1000.00", lines[1]);
        assertEquals("8,'=cmd|' /C calc'!A0,1,1,1,1,0.50", lines[2], "a formula is defused");
        assertEquals("total,,2,4,4,1,1000.50", lines[3]);
    }

    @Test
    void chineseHeadersOnRequest() {
        SalesReport.Report report = SalesReport.of(Dimension.MONTH, List.of(), List.of(), MAY, MAY, null);
        String[] lines = Exports.report(report, Dimension.MONTH, true).substring(1).split("\r\n");
        assertEquals("月份,直播场次,销售件数,订单数,退货订单数,销售额（元）,带动就业人数,人均年增收（元）,年增收合计（元）", lines[0]);
        assertEquals("2026-05,0,0,0,0,0.00,0,,0.00", lines[1]);
        assertEquals("合计,0,0,0,0,0.00,0,,0.00", lines[2]);
    }
}
