package org.district.cities;

import static org.district.cities.Fixtures.build;
import static org.district.cities.Fixtures.faults;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city's module settings, checked against the Metatype definitions in the city's module jars:
 * a configuration one of its modules designates, known settings, values of the setting's JSON
 * type, within its minimum and maximum, among its options, no more values than it takes. Each
 * test is one kind of fault; its fixture in {@code src/test/resources/profiles/<case>/} is the
 * valid sample city with that fault.
 */
class SettingsFaultsTest {

    private static final String COURIER = "city sample: setting 'org.district.plugins.courierstations/";

    @TempDir
    static Path shared;
    private static Path testModules;

    @TempDir
    Path out;

    @BeforeAll
    static void testModules() throws IOException {
        testModules = Fixtures.modulesWithTestModules(shared.resolve("modules"));
    }

    private List<String> faultsOf(String fixture) {
        return faults(build(fixture, out));
    }

    private List<String> faultsWithTestModules(String fixture) {
        return faults(build(fixture, out).modules(testModules));
    }

    @Test
    void settingsOfAModuleTheCityDoesNotShipAreRefused() {
        assertEquals(List.of("city sample: settings 'org.district.plugins.lostandfound': belong to module 'lost-and-found', which the city does not include"),
                faultsOf("settings-of-module-not-included"));
    }

    @Test
    void settingsNoModuleDesignatesAreRefused() {
        assertEquals(List.of("city sample: settings 'org.district.plugins.weather': no module designates this configuration "
                + "(the city's modules designate: org.district.plugins.courierstations)"), faultsOf("settings-unknown-pid"));
    }

    @Test
    void anUnknownSettingIsNamedWithTheSettingsThereAre() {
        assertEquals(List.of(COURIER + "serviceMinute' of module 'courier-stations': no such setting (it has: timeZone, services, "
                + "serviceMinutes, ridingSpeedKmh, walkingSpeedKmh, detourFactor, duplicateWindowMinutes, cityAreas, mapTiles, mapAttribution)"),
                faultsOf("settings-unknown-setting"));
    }

    @Test
    void aValueHasItsSettingsJsonType() {
        assertEquals(List.of(
                COURIER + "serviceMinutes' of module 'courier-stations' must be a whole number, not \"abc\"",
                COURIER + "ridingSpeedKmh' of module 'courier-stations' must be a number, not \"fast\"",
                COURIER + "timeZone' of module 'courier-stations' must be text, not 8",
                COURIER + "cityAreas' of module 'courier-stations', value 2 of 2, must be text, not 31"),
                faultsOf("settings-wrong-type"));
    }

    @Test
    void aValueIsWithinItsMinimumAndMaximum() {
        assertEquals(List.of(
                COURIER + "serviceMinutes' of module 'courier-stations' is 200, above its maximum 120",
                COURIER + "detourFactor' of module 'courier-stations' is 0.5, below its minimum 1"),
                faultsOf("settings-out-of-range"));
    }

    @Test
    void aSettingOfOneValueTakesNoList() {
        assertEquals(List.of(COURIER + "timeZone' of module 'courier-stations' takes one value, not a list"), faultsOf("settings-list-for-one-value"));
    }

    @Test
    void aValueIsOneOfTheOptions() {
        assertEquals(List.of("city sample: setting 'org.district.test.settings/mode' of module 'test-settings' is \"medium\", not one of its options: slow, fast"),
                faultsWithTestModules("settings-not-an-option"));
    }

    @Test
    void aSettingTakesNoMoreValuesThanItsCardinality() {
        assertEquals(List.of("city sample: setting 'org.district.test.settings/tags' of module 'test-settings' takes at most 2 values, not 3"),
                faultsWithTestModules("settings-too-many-values"));
    }
}
