package org.district.cities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's command: a table of the bundles and the time taken, or the faults one per line and a failing exit status. */
class BuildCitiesTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String fixture, Path target) {
        return BuildCities.run(new String[] {"--profiles", Fixtures.profiles(fixture).toString(), "--home", Fixtures.home().toString(),
                "--modules", Fixtures.modules().toString(), "--out", target.toString(), "--version", Fixtures.VERSION,
                "--timestamp", "2026-01-01T00:00:00Z"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aBuildPrintsEachCitysModulesAndSizesAndWritesTheReport(@TempDir Path target) throws Exception {
        assertEquals(0, run("valid", target));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.matches("(?s)# City bundles 1\\.0\\.0-SNAPSHOT\n\n1 city built in \\d+\\.\\d s\\.\n\n"
                + "\\| city \\| modules \\| zip MB \\| war MB \\|\n.*\n"
                + "\\| sample \\| courier-stations, lawyer-roster, legal-aid-night-market \\| \\d+\\.\\d \\| - \\|\n"), printed);
        assertEquals(printed, Files.readString(target.resolve(BuildCities.REPORT)));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void faultsArePrintedOnePerLineAndTheExitStatusIsOne(@TempDir Path target) {
        assertEquals(1, run("faults-of-all-cities", target));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("city alpha: timeZone 'Mars/Olympus'"));
        assertTrue(lines.get(1).startsWith("city beta: module 'night-school': no such module"));
        assertEquals("2 faults in the city profiles: no city bundle was built", lines.get(2));
        assertFalse(Files.exists(target.resolve(BuildCities.REPORT)));
    }

    @Test
    void aMistakeInTheCommandExitsWithTwoAndTheUsage(@TempDir Path target) {
        int status = BuildCities.run(new String[] {"--profiles", "x", "--colour", "red"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertEquals(List.of("BuildCities: unknown option '--colour'", BuildCities.USAGE), err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void theTimestampIsMavensOutputTimestampInEitherForm() {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), BuildCities.timestamp("2026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), BuildCities.timestamp("2026-01-01T08:00:00+08:00"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), BuildCities.timestamp("1767225600"));
    }
}
