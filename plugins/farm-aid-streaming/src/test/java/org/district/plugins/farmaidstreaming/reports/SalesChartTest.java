package org.district.plugins.farmaidstreaming.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SalesChartTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> bars(Document svg) {
        NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        List<Element> bars = new java.util.ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if ("bar".equals(rect.getAttribute("class"))) {
                bars.add(rect);
            }
        }
        return bars;
    }

    @Test
    void oneBarAMonthTheTallestForTheBestMonthWithValuesInTooltips() throws Exception {
        String svg = SalesChart.svg("后洪村 <葡萄> & 草莓", List.of(
                new SalesChart.Point(YearMonth.of(2026, 7), new BigDecimal("12345.60"), 300, 4),
                new SalesChart.Point(YearMonth.of(2026, 8), new BigDecimal("0.00"), 0, 0),
                new SalesChart.Point(YearMonth.of(2026, 9), new BigDecimal("24691.20"), 600, 6)));
        Document document = parse(svg);
        List<Element> bars = bars(document);
        assertEquals(3, bars.size());
        assertEquals("2026-07", bars.get(0).getAttribute("data-month"));
        assertEquals("12345.60", bars.get(0).getAttribute("data-sales-value"));
        assertEquals(0.0, Double.parseDouble(bars.get(1).getAttribute("height")));
        double july = Double.parseDouble(bars.get(0).getAttribute("height"));
        double september = Double.parseDouble(bars.get(2).getAttribute("height"));
        assertEquals(2.0, september / july, 0.01, "heights in proportion to sales");
        assertEquals("2026-07: ¥12,345.60, 300 units, 4 sessions", bars.get(0).getTextContent());
        assertTrue(document.getDocumentElement().getElementsByTagNameNS("*", "title").item(0).getTextContent().contains("<葡萄> & 草莓"),
                "the title is escaped, and reads back");
        assertTrue(!svg.contains("<script") && !svg.contains("style="), "no script, no inline style");
    }

    @Test
    void theAxisStepsAreRound() {
        assertEquals(0, new BigDecimal("5000").compareTo(SalesChart.step(new BigDecimal("18000"))));
        assertEquals(0, BigDecimal.ONE.compareTo(SalesChart.step(BigDecimal.ZERO)));
        assertEquals(0, new BigDecimal("20").compareTo(SalesChart.step(new BigDecimal("61"))));
        assertEquals(0, new BigDecimal("0.5").compareTo(SalesChart.step(new BigDecimal("1.99"))));
    }
}
