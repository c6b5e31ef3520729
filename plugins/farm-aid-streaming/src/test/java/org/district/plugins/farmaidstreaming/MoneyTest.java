package org.district.plugins.farmaidstreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Month;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsKeepTwoPlacesAndNeverRoundSilently() {
        assertEquals("12.50", Money.yuan(new BigDecimal("12.5")).toPlainString());
        assertThrows(IllegalArgumentException.class, () -> Money.yuan(new BigDecimal("0.005")));
    }

    @Test
    void aThousandDimesAreExactlyOneHundredYuanWhereDoublesDrift() {
        List<BigDecimal> dimes = Collections.nCopies(1000, new BigDecimal("0.10"));
        assertEquals(new BigDecimal("100.00"), Money.sum(dimes));
        double drifting = 0;
        for (int i = 0; i < 1000; i++) {
            drifting += 0.10;
        }
        assertTrue(drifting != 100.0, "the reason money is never a double");
    }

    @Test
    void anAverageRoundsHalfUpToTheFen() {
        assertEquals(new BigDecimal("29333.33"), Money.average(new BigDecimal("528000.00"), 18));
        assertEquals(new BigDecimal("0.67"), Money.average(new BigDecimal("2.00"), 3));
        assertNull(Money.average(Money.ZERO, 0));
    }

    @Test
    void displayedWithTheYuanSignAndThousands() {
        assertEquals("¥1,234,567.80", Money.display(new BigDecimal("1234567.8")));
    }

    @Test
    void aSeasonMayWrapTheYear() {
        assertTrue(Season.contains(Month.NOVEMBER, Month.FEBRUARY, Month.JANUARY));
        assertTrue(!Season.contains(Month.NOVEMBER, Month.FEBRUARY, Month.MARCH));
        assertTrue(Season.contains(Month.MAY, Month.JULY, Month.JUNE));
        assertTrue(Season.contains(null, null, Month.AUGUST), "no season is all year");
    }
}
