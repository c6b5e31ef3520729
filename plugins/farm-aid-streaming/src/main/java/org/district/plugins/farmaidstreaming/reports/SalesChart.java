package org.district.plugins.farmaidstreaming.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * A village's monthly sales as an SVG bar chart the console embeds as an image: one bar per month
 * for the sales value, the units in each bar's tooltip, an axis with round steps. Drawn on the
 * server, plain SVG with presentation attributes only (no script, no style sheet), so it shows
 * under the platform's content security policy and in any browser.
 */
public final class SalesChart {

    /** One month of the series. */
    public record Point(YearMonth month, BigDecimal salesValue, long unitsSold, long sessions) {
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 360;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 48;
    private static final int BOTTOM = 64;

    private SalesChart() {
    }

    public static String svg(String title, List<Point> points) {
        BigDecimal max = points.stream().map(Point::salesValue).reduce(BigDecimal.ZERO, BigDecimal::max);
        BigDecimal step = step(max);
        BigDecimal top = step.multiply(BigDecimal.valueOf(Math.max(1, max.divide(step, 0, RoundingMode.CEILING).intValue())));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" font-family=\"sans-serif\">\n");
        svg.append("<title>").append(xml(title)).append("</title>\n");
        svg.append("<desc>").append(xml("Sales value in yuan per month, " + (points.isEmpty() ? "no months"
                : points.get(0).month() + " to " + points.get(points.size() - 1).month()))).append("</desc>\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"28\" font-size=\"16\" fill=\"#222222\">").append(xml(title)).append("</text>\n");
        // the axis and its round steps
        for (int i = 0; i <= 4; i++) {
            BigDecimal value = top.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
            double y = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#dddddd\" stroke-width=\"1\"/>\n");
            svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(y + 4)).append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#555555\">")
                    .append(xml(axis(value))).append("</text>\n");
        }
        double slot = points.isEmpty() ? plotWidth : plotWidth / (double) points.size();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double height = top.signum() == 0 ? 0 : plotHeight * p.salesValue().doubleValue() / top.doubleValue();
            double x = LEFT + slot * i + slot * 0.15;
            double y = TOP + plotHeight - height;
            svg.append("<rect class=\"bar\" data-month=\"").append(p.month()).append("\" data-sales-value=\"").append(p.salesValue().toPlainString())
                    .append("\" data-units=\"").append(p.unitsSold()).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                    .append("\" width=\"").append(fmt(slot * 0.7)).append("\" height=\"").append(fmt(height)).append("\" fill=\"#2e7d32\">")
                    .append("<title>").append(xml(p.month() + ": ¥" + money(p.salesValue()) + ", " + grouped(p.unitsSold()) + " units, "
                            + p.sessions() + " sessions")).append("</title></rect>\n");
            svg.append("<text x=\"").append(fmt(x + slot * 0.35)).append("\" y=\"").append(TOP + plotHeight + 16)
                    .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555555\">").append(p.month().getMonthValue() == 1 || i == 0
                            ? p.month().toString() : String.format("%02d", p.month().getMonthValue())).append("</text>\n");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(TOP + plotHeight)
                .append("\" y2=\"").append(TOP + plotHeight).append("\" stroke=\"#333333\" stroke-width=\"1\"/>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 16).append("\" font-size=\"11\" fill=\"#555555\">")
                .append("销售额（元）/ sales value (yuan)").append("</text>\n");
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A round step for four grid lines: 1, 2 or 5 times a power of ten. */
    static BigDecimal step(BigDecimal max) {
        if (max.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal raw = max.divide(BigDecimal.valueOf(4), 10, RoundingMode.CEILING);
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(raw.precision() - raw.scale() - 1);
        for (int factor : new int[] { 1, 2, 5, 10 }) {
            BigDecimal candidate = power.multiply(BigDecimal.valueOf(factor));
            if (candidate.compareTo(raw) >= 0) {
                return candidate.stripTrailingZeros();
            }
        }
        return power.multiply(BigDecimal.TEN);
    }

    private static String axis(BigDecimal value) {
        if (value.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(value.divide(BigDecimal.valueOf(10_000), 1, RoundingMode.HALF_UP)) + "万";
        }
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String money(BigDecimal value) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String grouped(long value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String fmt(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Text as XML character data or an attribute value. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
