package org.district.cities;

import static org.district.cities.Fixtures.build;
import static org.district.cities.Fixtures.faults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad profile fails the build with one clear line per fault, naming the city, and nothing is
 * built. Here the profile file, {@code city.json}: valid JSON with known keys, every required
 * field, an id that is valid and its folder's name, a real time zone, a map centre on Earth. Each
 * test is one kind of fault; its fixture in {@code src/test/resources/profiles/<case>/} is the
 * valid sample city with that fault.
 */
class ProfileFileFaultsTest {

    static final String KNOWN = "courier-stations, farm-aid-streaming, lawyer-roster, legal-aid-night-market, lost-and-found, notice-board";

    @TempDir
    Path out;

    private List<String> faultsOf(String fixture) {
        return faults(build(fixture, out));
    }

    @Test
    void everyFaultOfEveryCityIsReportedAndNothingIsBuilt() throws IOException {
        assertEquals(List.of(
                "city alpha: timeZone 'Mars/Olympus' is not a time zone (such as Asia/Shanghai)",
                "city beta: module 'night-school': no such module (known: " + KNOWN + ")"),
                faultsOf("faults-of-all-cities"));
        try (Stream<Path> written = Files.list(out)) {
            assertFalse(written.findAny().isPresent(), "nothing is written, not even the valid city gamma");
        }
    }

    @Test
    void jsonThatDoesNotParseSaysWhere() {
        assertEquals(List.of("city sample: city.json is not valid JSON: line 3, column 33: "
                + "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"), faultsOf("invalid-json"));
    }

    @Test
    void unknownKeysAreFaultsAtEveryLevel() {
        assertEquals(List.of(
                "city sample: unknown key 'demodata' (known: id, name, timeZone, mapCentre, places, placesRoot, modules, excludedModules, demoData, settings, branding)",
                "city sample: unknown key 'branding.colors' (known in branding: title, logo, colours)"),
                faultsOf("unknown-keys"));
    }

    @Test
    void eachMissingRequiredFieldIsNamed() {
        assertEquals(List.of(
                "city sample: missing required field 'name.en'",
                "city sample: missing required field 'timeZone'",
                "city sample: missing required field 'mapCentre'",
                "city sample: missing required field 'places'",
                "city sample: missing required field 'branding.title.zh-CN'"),
                faultsOf("missing-fields"));
    }

    @Test
    void anIdIsLowerCaseLettersDigitsAndDashesAndWhileItIsNotTheCityIsNamedByItsFolder() {
        assertEquals(List.of("city sample: id 'Sample_City' must match [a-z][a-z0-9-]{1,39}: "
                + "lower-case letters, digits and '-', from a letter, 2 to 40 characters"), faultsOf("invalid-id"));
    }

    @Test
    void anIdIsItsFolderName() {
        assertEquals(List.of("city sample-city: id 'sample-city' differs from its folder's name 'sample'"), faultsOf("id-not-folder-name"));
    }

    @Test
    void twoFoldersCannotHoldTheSameCity() {
        assertEquals(List.of(
                "city sample: id 'sample' differs from its folder's name 'sample-two'",
                "city sample: duplicate city id 'sample' in sample and sample-two"),
                faultsOf("duplicate-id"));
    }

    @Test
    void theTimeZoneIsOneJavaKnows() {
        assertEquals(List.of("city sample: timeZone 'Asia/Chengdu' is not a time zone (such as Asia/Shanghai)"), faultsOf("unknown-time-zone"));
    }

    @Test
    void theMapCentreIsOnEarth() {
        assertEquals(List.of(
                "city sample: mapCentre.lat 95.5 is outside [-90, 90]",
                "city sample: mapCentre.lon -181 is outside [-180, 180]"),
                faultsOf("map-centre-outside"));
    }

    @Test
    void demoDataIsTrueOrFalse() {
        assertEquals(List.of("city sample: 'demoData' must be true or false, not \"yes\""), faultsOf("demo-data-not-boolean"));
    }
}
