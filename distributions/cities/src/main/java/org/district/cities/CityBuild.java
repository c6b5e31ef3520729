package org.district.cities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Builds every city's bundles from the city profiles: one call checks every profile (its fields,
 * places, modules and their requirements, module settings, branding, then its bundles with the
 * OSGi resolver) and, only if no profile has a fault, writes each city's standalone archive, WAR,
 * manifest and {@code SHA256SUMS} into {@code <out>/<city-id>/}. With
 * {@link Builder#verifyReproducible(boolean)} it then builds every city a second time from freshly
 * read inputs and compares the digests, so that a bundle that is not byte-for-byte reproducible
 * never ships.
 *
 * <pre>{@code
 * List<CityBundle> bundles = CityBuild.builder()
 *         .profiles(Path.of("distributions/cities")).home(home).modules(modules).war(war)
 *         .out(Path.of("target/cities")).version("1.0.0-SNAPSHOT")
 *         .timestamp(Instant.parse("2026-01-01T00:00:00Z")).build()
 *         .run();
 * }</pre>
 */
public final class CityBuild {

    /** Folders beside the profiles that are never profiles, even should one hold a city.json. */
    private static final List<String> NOT_PROFILES = List.of("src", "target");

    private final Path profiles;
    private final Path home;
    private final Path modules;
    private final Optional<Path> war;
    private final Path out;
    private final String version;
    private final Instant timestamp;
    private final boolean verifyReproducible;

    private CityBuild(Builder builder) {
        this.profiles = Objects.requireNonNull(builder.profiles, "profiles(folder) is required");
        this.home = Objects.requireNonNull(builder.home, "home(folder) is required");
        this.modules = Objects.requireNonNull(builder.modules, "modules(folder) is required");
        this.war = Optional.ofNullable(builder.war);
        this.out = Objects.requireNonNull(builder.out, "out(folder) is required");
        this.version = Objects.requireNonNull(builder.version, "version(version) is required");
        this.timestamp = builder.timestamp;
        this.verifyReproducible = builder.verifyReproducible;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks every profile, then builds every city's bundles.
     *
     * @return each city's bundles, by city id
     * @throws ProfileFaults every fault of every profile, before anything is written; or, when
     *         verifying, every output that two builds made differently
     * @throws IOException when the inputs cannot be read or the outputs not written
     * @throws IllegalArgumentException when the inputs are not what a build needs (no profile,
     *         no home, a jar of the modules folder that is not a module)
     */
    public List<CityBundle> run() throws ProfileFaults, IOException {
        ModuleCatalog catalog = ModuleCatalog.read(modules);
        List<CityProfile> cities = checked(catalog, true);
        List<CityBundle> bundles = pack(cities, catalog, out);
        if (verifyReproducible) {
            verify(bundles);
        }
        return bundles;
    }

    /** The profiles, each checked; the resolver's check is left out of a second reading, which only repeats the packing. */
    private List<CityProfile> checked(ModuleCatalog catalog, boolean resolve) throws IOException, ProfileFaults {
        Faults faults = new Faults();
        ProfileReader reader = new ProfileReader(catalog);
        FrameworkResolution resolution = resolve ? new FrameworkResolution(home) : null;
        Map<String, String> folderById = new HashMap<>();
        List<CityProfile> cities = new ArrayList<>();
        for (Path folder : profileFolders()) {
            String folderName = folder.getFileName().toString();
            ProfileReader.Reading reading = reader.read(folder, faults);
            if (reading.id().isPresent()) {
                String other = folderById.putIfAbsent(reading.id().get(), folderName);
                if (other != null) {
                    faults.of(reading.label()).accept("duplicate city id '" + reading.id().get() + "' in " + other + " and " + folderName);
                }
            }
            if (resolution != null && reading.modules().isPresent()) {
                resolution.unresolved(reading.modules().get().jars(catalog)).forEach(faults.of(reading.label()));
            }
            reading.profile().ifPresent(cities::add);
        }
        faults.throwIfAny();
        return cities;
    }

    /** The sub-folders of the profiles folder holding a {@value ProfileReader#PROFILE}, by name. */
    private List<Path> profileFolders() throws IOException {
        if (!Files.isDirectory(profiles)) {
            throw new IllegalArgumentException("the profiles folder " + profiles + " does not exist");
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(profiles)) {
            folders = children.filter(p -> !NOT_PROFILES.contains(p.getFileName().toString()) && !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(ProfileReader.PROFILE)))
                    .sorted()
                    .toList();
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("no city profile in " + profiles + ": no sub-folder holds a " + ProfileReader.PROFILE);
        }
        return folders;
    }

    /** Packs the cities side by side: each is written on its own, so the order cannot change a byte. */
    private List<CityBundle> pack(List<CityProfile> cities, ModuleCatalog catalog, Path target) throws IOException {
        CityPackager packager = new CityPackager(home, war, version, timestamp);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(cities.size(), Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<CityBundle>> packed = new ArrayList<>();
            for (CityProfile city : cities) {
                packed.add(workers.submit(() -> packager.pack(city, catalog, target.resolve(city.id()))));
            }
            List<CityBundle> bundles = new ArrayList<>();
            for (Future<CityBundle> bundle : packed) {
                bundles.add(bundle.get());
            }
            return List.copyOf(bundles);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while packing the city bundles", e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Builds every city again, from the inputs read anew, in a folder of its own, and compares every output. */
    private void verify(List<CityBundle> bundles) throws IOException, ProfileFaults {
        Path again = Files.createTempDirectory("district-cities-again-");
        try {
            ModuleCatalog catalog = ModuleCatalog.read(modules);
            pack(checked(catalog, false), catalog, again);
            Faults faults = new Faults();
            for (CityBundle bundle : bundles) {
                List<Path> outputs;
                try (Stream<Path> files = Files.list(bundle.folder())) {
                    outputs = files.sorted().toList();
                }
                for (Path output : outputs) {
                    Path other = again.resolve(bundle.id()).resolve(output.getFileName());
                    if (!Files.exists(other) || !Sha256.of(output).equals(Sha256.of(other))) {
                        faults.of(bundle.id()).accept(output.getFileName() + " is not reproducible: two builds differ");
                    }
                }
            }
            faults.throwIfAny();
        } finally {
            Folders.delete(again);
        }
    }

    /** What a build reads and writes. The profiles, home, modules, output folder and version are required. */
    public static final class Builder {

        private Path profiles;
        private Path home;
        private Path modules;
        private Path war;
        private Path out;
        private String version;
        /** The earliest time a zip entry can carry, for a build that names none. */
        private Instant timestamp = Instant.parse("1980-01-01T00:00:00Z");
        private boolean verifyReproducible;

        private Builder() {
        }

        /** The folder whose sub-folders holding a {@code city.json} are the city profiles ({@code src/} and {@code target/} aside). */
        public Builder profiles(Path folder) {
            this.profiles = folder;
            return this;
        }

        /** The platform's home, unpacked: {@code bin/}, {@code lib/}, {@code bundles/} (with {@code bundles/shell/}). */
        public Builder home(Path folder) {
            this.home = folder;
            return this;
        }

        /** The folder of every module jar a city may choose (and nothing else). */
        public Builder modules(Path folder) {
            this.modules = folder;
            return this;
        }

        /** The generic WAR ({@code district-liberty}); without one, no WAR is built. */
        public Builder war(Path file) {
            this.war = file;
            return this;
        }

        /** Where each city's bundles go, in a folder named by the city's id. */
        public Builder out(Path folder) {
            this.out = folder;
            return this;
        }

        /** The platform's version, in the archives' names and the manifests. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** The time of every archive entry: the build's {@code project.build.outputTimestamp}. */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = Objects.requireNonNull(timestamp, "the timestamp");
            return this;
        }

        /** Whether to build every city twice and fail unless both builds give the same bytes. */
        public Builder verifyReproducible(boolean verify) {
            this.verifyReproducible = verify;
            return this;
        }

        public CityBuild build() {
            return new CityBuild(this);
        }
    }
}
