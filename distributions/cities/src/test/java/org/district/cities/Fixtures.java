package org.district.cities;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * What the tests build from: the inputs the pom gathers in {@code target/inputs} (the platform's
 * home, every module jar, the generic WAR, the test modules) and the fixture profiles in
 * {@code src/test/resources/profiles/<case>/}, each a folder of city profiles.
 */
final class Fixtures {

    static final String VERSION = "1.0.0-SNAPSHOT";
    static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {
    }

    static Path inputs() {
        return Path.of(System.getProperty("district.cities.inputs", "target/inputs"));
    }

    static Path home() {
        return inputs().resolve("home");
    }

    /** Every real module a city can choose. */
    static Path modules() {
        return inputs().resolve("modules");
    }

    static Path war() {
        return inputs().resolve("district.war");
    }

    static Path profiles(String fixture) {
        URL url = Fixtures.class.getResource("/profiles/" + fixture);
        if (url == null) {
            throw new IllegalArgumentException("no fixture profiles/" + fixture);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A build of the fixture's profiles with the real modules, without the WAR. */
    static CityBuild.Builder build(String fixture, Path out) {
        return CityBuild.builder().profiles(profiles(fixture)).home(home()).modules(modules()).out(out)
                .version(VERSION).timestamp(TIMESTAMP);
    }

    /** The lines of the faults the build fails with. */
    static List<String> faults(CityBuild.Builder build) {
        return assertThrows(ProfileFaults.class, () -> build.build().run()).lines();
    }

    /**
     * A modules folder with the real modules and three more: {@code needs-absent-module} (it
     * requires a module no jar provides), {@code broken} (it imports a package no bundle exports)
     * and {@code test-settings} (its settings have options and a limit on their number).
     */
    static Path modulesWithTestModules(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> jars = Files.list(modules())) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, folder.resolve(jar.getFileName()));
            }
        }
        Files.copy(inputs().resolve("test-modules/needs-absent-module.jar"), folder.resolve("needs-absent-module.jar"));
        moduleJar(folder.resolve("broken.jar"), "broken", Map.of("Import-Package", "org.nowhere.at.all"), Map.of());
        moduleJar(folder.resolve("test-settings.jar"), "test-settings", Map.of(), Map.of("OSGI-INF/metatype/settings.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0" localization="OSGI-INF/l10n/bundle">
                  <OCD id="org.district.test.settings.Configuration" name="%config.name">
                    <AD id="mode" type="String" name="%config.mode" default="slow">
                      <Option label="%config.mode.slow" value="slow"/>
                      <Option label="%config.mode.fast" value="fast"/>
                    </AD>
                    <AD id="tags" type="String" cardinality="2" name="%config.tags"/>
                  </OCD>
                  <Designate pid="org.district.test.settings">
                    <Object ocdref="org.district.test.settings.Configuration"/>
                  </Designate>
                </metatype:MetaData>
                """));
        return folder;
    }

    /** Writes a module jar: a bundle that provides {@code district.module=<id>}, with the headers and files given. */
    static Path moduleJar(Path file, String id, Map<String, String> headers, Map<String, String> files) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.district.test." + id);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Provide-Capability", "district.module;district.module=" + id + ";version:Version=\"1.0.0\"");
        headers.forEach(main::putValue);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> entry : files.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }
}
