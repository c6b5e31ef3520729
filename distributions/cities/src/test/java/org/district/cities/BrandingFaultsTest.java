package org.district.cities;

import static org.district.cities.Fixtures.build;
import static org.district.cities.Fixtures.faults;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city's branding: a logo that exists and is an SVG or PNG of at most 256 KiB, and colours as
 * {@code #rrggbb}. Each test is one kind of fault; its fixture in
 * {@code src/test/resources/profiles/<case>/} is the valid sample city with that fault.
 */
class BrandingFaultsTest {

    @TempDir
    Path out;

    private List<String> faultsOf(String fixture) {
        return faults(build(fixture, out));
    }

    @Test
    void theLogoExists() {
        assertEquals(List.of("city sample: branding.logo 'logo.svg' does not exist"), faultsOf("logo-missing"));
    }

    @Test
    void theLogoIsAnSvgOrPng() {
        assertEquals(List.of("city sample: branding.logo 'logo.gif' must be an .svg or .png file"), faultsOf("logo-not-svg-or-png"));
    }

    @Test
    void theLogoIsAtMost256KiB(@TempDir Path profiles) throws IOException {
        Path city = Files.createDirectories(profiles.resolve("sample"));
        try (Stream<Path> files = Files.list(Fixtures.profiles("valid").resolve("sample"))) {
            for (Path file : files.toList()) {
                Files.copy(file, city.resolve(file.getFileName()));
            }
        }
        Files.write(city.resolve("logo.svg"), new byte[300 * 1024]);
        assertEquals(List.of("city sample: branding.logo 'logo.svg' is 300 KiB, above the limit of 256 KiB"),
                faults(build("valid", out).profiles(profiles)));
    }

    @Test
    void coloursAreAHashAndSixHexDigits() {
        assertEquals(List.of(
                "city sample: branding.colours.primary 'red' must be a colour as #rrggbb",
                "city sample: branding.colours.accent '#1f6fe' must be a colour as #rrggbb"),
                faultsOf("colours-not-rgb"));
    }
}
