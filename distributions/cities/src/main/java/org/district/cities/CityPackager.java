package org.district.cities;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Makes a city's bundles from its checked profile: the standalone archive (the platform's home,
 * the city's module jars in {@code plugins/}, and {@code city/}) and, when a generic WAR is given,
 * the WAR with its {@code WEB-INF/district/plugins/} replaced by the city's module jars and
 * {@code WEB-INF/district/city/} added. Beside them: the manifest and {@code SHA256SUMS}.
 * What the home and the WAR hold is read once and shared by every city.
 */
final class CityPackager {

    private static final String WAR_DISTRICT = "WEB-INF/district/";
    private static final List<String> WAR_HEAD = List.of("META-INF/", JarFile.MANIFEST_NAME);

    private final Path home;
    private final Optional<Path> war;
    private final String version;
    private final Instant timestamp;
    private final List<ShippedJar> homeBundles;
    private final List<ShippedJar> warBundles;

    CityPackager(Path home, Optional<Path> war, String version, Instant timestamp) throws IOException {
        this.home = home;
        this.war = war;
        this.version = version;
        this.timestamp = timestamp;
        this.homeBundles = homeBundles(home);
        this.warBundles = war.isPresent() ? warBundles(war.get()) : List.of();
    }

    /** Writes the city's bundles into {@code folder}, which is emptied first. */
    CityBundle pack(CityProfile city, ModuleCatalog catalog, Path folder) throws IOException {
        Folders.clear(folder);
        List<ModuleJar> jars = city.modules().jars(catalog);
        SortedMap<String, ShippedJar> modules = new TreeMap<>();
        for (ModuleJar jar : jars) {
            modules.put(jar.id(), new ShippedJar("plugins/" + jar.fileName(), jar.identity(), Sha256.of(jar.file())));
        }
        SortedMap<String, byte[]> cityFiles = CityFolder.files(city);
        byte[] manifest = CityFolder.manifest(city, version, modules, homeBundles);

        String name = "district-" + city.id();
        Path zip = folder.resolve(name + "-" + version + ".zip");
        standalone(name + "/", jars, cityFiles, manifest).write(zip, timestamp, List.of());
        Optional<Path> warFile = Optional.empty();
        if (war.isPresent()) {
            warFile = Optional.of(folder.resolve(name + "-" + version + ".war"));
            try (ZipFile generic = ZipFile.builder().setPath(war.get()).get()) {
                byte[] warManifest = CityFolder.manifest(city, version, modules, warBundles);
                web(generic, jars, cityFiles, warManifest).write(warFile.get(), timestamp, WAR_HEAD);
            }
        }
        Path manifestFile = folder.resolve(CityFolder.MANIFEST);
        Files.write(manifestFile, manifest);
        writeSums(folder, warFile.isPresent() ? List.of(warFile.get(), zip) : List.of(zip));
        return new CityBundle(city.id(), city.modules().modules(), city.modules().chosen(), requiredBy(city.modules()),
                folder, zip, Files.size(zip), warFile, warFile.isPresent() ? Files.size(warFile.get()) : 0, manifestFile);
    }

    /** {@code SHA256SUMS}, as {@code sha256sum} writes it and {@code sha256sum -c} checks it. */
    private static void writeSums(Path folder, List<Path> archives) throws IOException {
        StringBuilder sums = new StringBuilder();
        for (Path archive : archives) {
            sums.append(Sha256.of(archive)).append("  ").append(archive.getFileName()).append('\n');
        }
        Files.write(folder.resolve("SHA256SUMS"), sums.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The modules another shipped module requires, each with those requiring it. */
    private static Map<String, List<String>> requiredBy(ModuleSelection modules) {
        Map<String, List<String>> requiredBy = new TreeMap<>();
        modules.requiredBy().forEach((id, by) -> {
            if (!by.isEmpty()) {
                requiredBy.put(id, List.copyOf(by));
            }
        });
        return Collections.unmodifiableMap(requiredBy);
    }

    private ArchiveContent standalone(String base, List<ModuleJar> jars, SortedMap<String, byte[]> cityFiles, byte[] manifest) throws IOException {
        ArchiveContent archive = new ArchiveContent();
        archive.folder(base);
        for (Path path : homeFiles(home)) {
            String name = relative(home, path);
            if (Files.isDirectory(path)) {
                archive.folder(base + name + "/");
            } else {
                archive.add(base + name, path, name.startsWith("bin/"));
            }
        }
        addCity(archive, base, jars, cityFiles, manifest);
        return archive;
    }

    private static ArchiveContent web(ZipFile generic, List<ModuleJar> jars, SortedMap<String, byte[]> cityFiles, byte[] manifest) {
        ArchiveContent archive = new ArchiveContent();
        for (ZipArchiveEntry entry : Collections.list(generic.getEntries())) {
            String name = entry.getName();
            boolean replaced = name.startsWith(WAR_DISTRICT + "plugins/") || name.startsWith(WAR_DISTRICT + "city/");
            if (!replaced) {
                archive.copy(generic, entry);
            }
        }
        addCity(archive, WAR_DISTRICT, jars, cityFiles, manifest);
        return archive;
    }

    private static void addCity(ArchiveContent archive, String base, List<ModuleJar> jars, SortedMap<String, byte[]> cityFiles, byte[] manifest) {
        archive.folder(base + "plugins/");
        for (ModuleJar jar : jars) {
            archive.add(base + "plugins/" + jar.fileName(), jar.file(), false);
        }
        archive.folder(base + "city/");
        cityFiles.forEach((name, bytes) -> archive.add(base + "city/" + name, bytes));
        archive.add(base + "city/" + CityFolder.MANIFEST, manifest);
    }

    /** The home's files and folders but {@code plugins/}, which holds the city's modules instead. */
    private static List<Path> homeFiles(Path home) throws IOException {
        if (!Files.isDirectory(home.resolve("bundles"))) {
            throw new IllegalArgumentException("the home " + home + " has no bundles/ folder");
        }
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(p -> !p.equals(home) && !relative(home, p).equals("plugins") && !relative(home, p).startsWith("plugins/"))
                    .sorted(Comparator.comparing(p -> relative(home, p)))
                    .toList();
        }
    }

    private static List<ShippedJar> homeBundles(Path home) throws IOException {
        List<ShippedJar> bundles = new ArrayList<>();
        for (Path path : homeFiles(home)) {
            String name = relative(home, path);
            if (name.startsWith("bundles/") && name.endsWith(".jar") && Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    bundles.add(new ShippedJar(name, BundleIdentity.of(jar.getManifest()), Sha256.of(path)));
                }
            }
        }
        return List.copyOf(bundles);
    }

    /** The WAR's bundles, named as under {@code WEB-INF/district/}. */
    private static List<ShippedJar> warBundles(Path war) throws IOException {
        List<ShippedJar> bundles = new ArrayList<>();
        try (ZipFile generic = ZipFile.builder().setPath(war).get()) {
            for (ZipArchiveEntry entry : Collections.list(generic.getEntries())) {
                String name = entry.getName();
                if (name.startsWith(WAR_DISTRICT + "bundles/") && name.endsWith(".jar")) {
                    byte[] bytes;
                    try (InputStream in = generic.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    bundles.add(new ShippedJar(name.substring(WAR_DISTRICT.length()), BundleIdentity.of(bytes), Sha256.of(bytes)));
                }
            }
        }
        bundles.sort(Comparator.comparing(ShippedJar::file));
        return List.copyOf(bundles);
    }

    private static String relative(Path base, Path path) {
        return base.relativize(path).toString().replace('\\', '/');
    }
}
