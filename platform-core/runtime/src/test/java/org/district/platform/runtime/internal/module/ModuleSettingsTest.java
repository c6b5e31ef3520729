package org.district.platform.runtime.internal.module;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

/** A setting's value against its Metatype definition: what is stored, and what each wrong value is told. */
class ModuleSettingsTest {

    /** A definition as the Metatype service gives it; {@code validate} says nothing, to test the platform's own checks. */
    private static AttributeDefinition definition(int type, int cardinality, String... options) {
        return new AttributeDefinition() {
            @Override
            public String getName() {
                return "x";
            }

            @Override
            public String getID() {
                return "x";
            }

            @Override
            public String getDescription() {
                return null;
            }

            @Override
            public int getCardinality() {
                return cardinality;
            }

            @Override
            public int getType() {
                return type;
            }

            @Override
            public String[] getOptionValues() {
                return options.length == 0 ? null : options;
            }

            @Override
            public String[] getOptionLabels() {
                return getOptionValues();
            }

            @Override
            public String validate(String value) {
                return null;
            }

            @Override
            public String[] getDefaultValue() {
                return null;
            }
        };
    }

    private static final MetatypeRanges.Range MINUTES = new MetatypeRanges.Range("1", "120");

    @Test
    void aNumberWithinItsRangeIsStoredAsItsTypeFromTextOrJson() {
        assertEquals(20, ModuleSettings.check(definition(AttributeDefinition.INTEGER, 0), MINUTES, true, "20").value());
        assertEquals(20, ModuleSettings.check(definition(AttributeDefinition.INTEGER, 0), MINUTES, true, 20).value());
        assertEquals(1.3, ModuleSettings.check(definition(AttributeDefinition.DOUBLE, 0), new MetatypeRanges.Range("1", "3"), true, " 1.3 ").value());
        assertEquals(true, ModuleSettings.check(definition(AttributeDefinition.BOOLEAN, 0), MetatypeRanges.Range.NONE, true, true).value());
    }

    @Test
    void eachWrongValueIsToldWhy() {
        assertEquals("must be at least 1", ModuleSettings.check(definition(AttributeDefinition.INTEGER, 0), MINUTES, true, 0).error());
        assertEquals("must be at most 120", ModuleSettings.check(definition(AttributeDefinition.INTEGER, 0), MINUTES, true, "121").error());
        assertEquals("must be a whole number", ModuleSettings.check(definition(AttributeDefinition.INTEGER, 0), MINUTES, true, "15.5").error());
        assertEquals("must be a whole number of 32 bits",
                ModuleSettings.check(definition(AttributeDefinition.INTEGER, 0), MetatypeRanges.Range.NONE, true, "99999999999").error());
        assertEquals("must be a number", ModuleSettings.check(definition(AttributeDefinition.DOUBLE, 0), MetatypeRanges.Range.NONE, true, "NaN").error());
        assertEquals("must be true or false", ModuleSettings.check(definition(AttributeDefinition.BOOLEAN, 0), MetatypeRanges.Range.NONE, true, "yes").error());
        assertEquals("must be one of fast, slow",
                ModuleSettings.check(definition(AttributeDefinition.STRING, 0, "fast", "slow"), MetatypeRanges.Range.NONE, true, "medium").error());
        assertEquals("must be at most 4 characters long",
                ModuleSettings.check(definition(AttributeDefinition.STRING, 0), new MetatypeRanges.Range(null, "4"), true, "驿站服务站").error());
        assertEquals("is required", ModuleSettings.check(definition(AttributeDefinition.INTEGER, 0), MINUTES, true, "").error());
        assertEquals("is required", ModuleSettings.check(definition(AttributeDefinition.STRING, 0), MetatypeRanges.Range.NONE, true, "").error());
        assertEquals("takes one value, not a list", ModuleSettings.check(definition(AttributeDefinition.INTEGER, 0), MINUTES, true, List.of(1, 2)).error());
    }

    @Test
    void anEmptyOptionalNumberAndANullGoBackToTheDefault() {
        ModuleSettings.Checked empty = ModuleSettings.check(definition(AttributeDefinition.INTEGER, 0), MINUTES, false, "");
        assertNull(empty.error());
        assertNull(empty.value());
        assertNull(ModuleSettings.check(definition(AttributeDefinition.INTEGER, 0), MINUTES, true, null).value());
    }

    @Test
    void aListIsStoredAsAnArrayOfItsTypeEveryEntryChecked() {
        ModuleSettings.Checked areas = ModuleSettings.check(definition(AttributeDefinition.STRING, Integer.MAX_VALUE), MetatypeRanges.Range.NONE, true,
                List.of("30.05,102.90,31.45,104.90", "28.00,120.20,29.40,122.00"));
        assertArrayEquals(new String[] { "30.05,102.90,31.45,104.90", "28.00,120.20,29.40,122.00" }, (String[]) areas.value());
        assertArrayEquals(new Integer[] { 5 }, (Integer[]) ModuleSettings.check(definition(AttributeDefinition.INTEGER, 3), MINUTES, true, 5).value());
        assertEquals("'0' must be at least 1",
                ModuleSettings.check(definition(AttributeDefinition.INTEGER, 3), MINUTES, true, List.of("5", "0")).error());
        assertEquals("takes at most 3 values", ModuleSettings.check(definition(AttributeDefinition.INTEGER, 3), MINUTES, true, List.of(1, 2, 3, 4)).error());
        assertEquals("needs at least one value", ModuleSettings.check(definition(AttributeDefinition.INTEGER, 3), MINUTES, true, List.of()).error());
        assertEquals(List.of(1, 2), ModuleSettings.check(definition(AttributeDefinition.INTEGER, -5), MINUTES, true, List.of(1, "2")).value());
    }
}
