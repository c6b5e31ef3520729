package org.district.platform.api.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void aMobileNumberShowsItsOperatorPrefixAndLastFourDigits() {
        assertEquals("138****5678", Mask.phone("13812345678"));
    }

    @Test
    void aLicenceNumberShowsItsFirstAndLastFourDigits() {
        assertEquals("1510*********1234", Mask.licence("15101201810001234"));
    }

    @Test
    void aValueTooShortToKeepEndsIsMaskedWhole() {
        assertEquals("*****", Mask.phone("12345"));
    }

    @Test
    void chineseCharactersCountAsOneEach() {
        assertEquals("张*", Mask.keepEnds("张三", 1, 0));
    }

    @Test
    void nothingStaysNothing() {
        assertNull(Mask.phone(null));
    }
}
