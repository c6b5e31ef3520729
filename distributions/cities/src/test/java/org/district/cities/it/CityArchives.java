package org.district.cities.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The city bundles the build made ({@code district.cities}), unpacked as provincial IT unpacks them. */
final class CityArchives {

    static final Path CITIES = Path.of(System.getProperty("district.cities", "target/cities"));
    static final Path INPUTS = Path.of(System.getProperty("district.cities.inputs", "target/inputs"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private CityArchives() {
    }

    /** The city's standalone archive. */
    static Path archive(String city) {
        return only(CITIES.resolve(city), "district-" + city + "-", ".zip");
    }

    /** The city's web application archive. */
    static Path war(String city) {
        return only(CITIES.resolve(city), "district-" + city + "-", ".war");
    }

    /** The city's standalone archive unpacked into a new folder: its home. */
    static Path unpack(String city) {
        return unpack(archive(city), "district-" + city);
    }

    /** An archive unpacked into a new folder; the home is its single top folder. */
    static Path unpack(Path archive, String topFolder) {
        try {
            Path target = Files.createTempDirectory("district-city-");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                    Path file = target.resolve(entry.getName()).normalize();
                    if (!file.startsWith(target)) {
                        throw new IOException("entry outside the archive's folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.copy(zip, file);
                    }
                }
            }
            return target.resolve(topFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The normalized profile the build wrote into the city's archive. */
    static JsonNode profile(String city) {
        try (var zip = new java.util.zip.ZipFile(archive(city).toFile())) {
            ZipEntry entry = zip.getEntry("district-" + city + "/city/profile.json");
            try (InputStream in = zip.getInputStream(entry)) {
                return JSON.readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path only(Path folder, String prefix, String suffix) {
        try (var files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(suffix)).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + prefix + "*" + suffix + " in " + folder + ", found " + found);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
