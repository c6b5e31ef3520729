package org.district.plugins.farmaidstreaming;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.Locale;

/**
 * Yuan, exact to the fen: every amount the module keeps or answers is a {@link BigDecimal} with two
 * places. Sums are exact; only an average (a division) rounds, half up, to the fen.
 */
public final class Money {

    public static final BigDecimal ZERO = yuan(BigDecimal.ZERO);

    private Money() {
    }

    /** The amount with two places; one with more places than that is refused (never rounded silently). */
    public static BigDecimal yuan(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(amount.toPlainString() + " is more precise than a fen");
        }
    }

    public static BigDecimal sum(Collection<BigDecimal> amounts) {
        BigDecimal total = ZERO;
        for (BigDecimal amount : amounts) {
            total = total.add(amount);
        }
        return yuan(total);
    }

    /** {@code total / count} rounded half up to the fen; null when there is nothing to divide by. */
    public static BigDecimal average(BigDecimal total, long count) {
        return count == 0 ? null : total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** As a person reads it: {@code ¥12,345.60}. */
    public static String display(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return "¥" + format.format(yuan(amount));
    }
}
