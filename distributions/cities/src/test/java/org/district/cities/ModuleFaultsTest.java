package org.district.cities;

import static org.district.cities.Fixtures.build;
import static org.district.cities.Fixtures.faults;
import static org.district.cities.ProfileFileFaultsTest.KNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city's modules: known, listed once, closed over their requirements (a required module is
 * pulled in unless the profile excludes it or no jar provides it), and resolved by the OSGi
 * resolver with the platform's bundles. Each test is one kind of fault; its fixture in
 * {@code src/test/resources/profiles/<case>/} is the valid sample city with that fault.
 */
class ModuleFaultsTest {

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
    void aCityChoosesAtLeastOneModule() {
        assertEquals(List.of("city sample: 'modules' must list at least one module"), faultsOf("modules-empty"));
    }

    @Test
    void aModuleIsListedOnce() {
        assertEquals(List.of("city sample: module 'courier-stations' is listed twice in modules"), faultsOf("module-listed-twice"));
    }

    @Test
    void anUnknownModuleIsNamedWithTheKnownOnes() {
        assertEquals(List.of("city sample: module 'night-school': no such module (known: " + KNOWN + ")"), faultsOf("unknown-module"));
    }

    @Test
    void anExcludedModuleIsKnownToo() {
        assertEquals(List.of("city sample: excluded module 'night-school': no such module (known: " + KNOWN + ")"), faultsOf("unknown-excluded-module"));
    }

    @Test
    void aModuleIsNotBothChosenAndExcluded() {
        assertEquals(List.of("city sample: module 'courier-stations' is both in modules and in excludedModules"), faultsOf("module-chosen-and-excluded"));
    }

    @Test
    void aRequiredModuleIsNotExcluded() {
        assertEquals(List.of("city sample: module 'legal-aid-night-market' requires 'lawyer-roster', which the profile excludes"),
                faultsOf("requires-excluded-module"));
    }

    @Test
    void aRequiredModuleIsProvidedByAModuleJar() {
        assertEquals(List.of("city sample: module 'needs-absent-module' requires 'no-such-module', which no module jar provides"),
                faultsWithTestModules("requires-absent-module"));
    }

    @Test
    void aModuleTheResolverCannotResolveIsNamedWithWhatItMisses() {
        assertEquals(List.of("city sample: module 'broken' (plugins/broken.jar) cannot be resolved: "
                + "missing requirement osgi.wiring.package; (osgi.wiring.package=org.nowhere.at.all)"),
                faultsWithTestModules("unresolvable-module"));
    }
}
