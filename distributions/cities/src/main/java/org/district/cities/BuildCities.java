package org.district.cities;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The build's command: builds every city's bundles ({@link CityBuild}) and prints how long that
 * took and how large each bundle is, also written to {@code <out>/build-report.md}. A profile
 * fault prints one line per fault to stderr and exits with 1, which fails the Maven build before
 * anything ships; a usage or input error exits with 2.
 *
 * <pre>
 * BuildCities --profiles DIR --home DIR --modules DIR [--war FILE] --out DIR --version VERSION
 *             [--timestamp 2026-01-01T00:00:00Z] [--verify-reproducible]
 * </pre>
 */
public final class BuildCities {

    static final String USAGE = "usage: BuildCities --profiles DIR --home DIR --modules DIR [--war FILE] --out DIR --version VERSION"
            + " [--timestamp ISO-8601-INSTANT|EPOCH-SECONDS] [--verify-reproducible]";
    static final String REPORT = "build-report.md";
    private static final String VERIFY = "--verify-reproducible";
    private static final List<String> REQUIRED = List.of("--profiles", "--home", "--modules", "--out", "--version");
    private static final List<String> WITH_VALUE = List.of("--profiles", "--home", "--modules", "--war", "--out", "--version", "--timestamp");

    private BuildCities() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = options(args);
            for (String required : REQUIRED) {
                if (!options.containsKey(required)) {
                    throw new IllegalArgumentException("missing " + required);
                }
            }
            Path target = Path.of(options.get("--out"));
            boolean verify = options.containsKey(VERIFY);
            CityBuild.Builder build = CityBuild.builder()
                    .profiles(Path.of(options.get("--profiles")))
                    .home(Path.of(options.get("--home")))
                    .modules(Path.of(options.get("--modules")))
                    .out(target)
                    .version(options.get("--version"))
                    .verifyReproducible(verify);
            if (options.containsKey("--war")) {
                build.war(Path.of(options.get("--war")));
            }
            if (options.containsKey("--timestamp")) {
                build.timestamp(timestamp(options.get("--timestamp")));
            }
            Instant start = Instant.now();
            List<CityBundle> bundles = build.build().run();
            String report = report(bundles, options.get("--version"), Duration.between(start, Instant.now()), verify);
            Files.writeString(target.resolve(REPORT), report, StandardCharsets.UTF_8);
            out.print(report);
            return 0;
        } catch (ProfileFaults e) {
            e.lines().forEach(err::println);
            err.println(e.lines().size() + (e.lines().size() == 1 ? " fault" : " faults") + " in the city profiles: no city bundle was built");
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("BuildCities: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("BuildCities: the city bundles could not be built: " + e);
            return 2;
        }
    }

    /** The options by name; {@value #VERIFY} takes no value, every other option one. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals(VERIFY)) {
                options.put(option, "");
            } else if (!WITH_VALUE.contains(option)) {
                throw new IllegalArgumentException("unknown option '" + option + "'");
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            } else {
                options.put(option, args[++i]);
            }
        }
        return options;
    }

    /** Maven's {@code project.build.outputTimestamp}: an ISO-8601 date and time with its offset, or seconds since 1970. */
    static Instant timestamp(String value) {
        try {
            return value.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(value)) : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--timestamp '" + value
                    + "' is neither an ISO-8601 date and time such as 2026-01-01T00:00:00Z nor seconds since 1970");
        }
    }

    /** The time it took to build all city bundles, and each bundle's size, as Markdown. */
    static String report(List<CityBundle> bundles, String version, Duration took, boolean verified) {
        StringBuilder report = new StringBuilder();
        report.append("# City bundles ").append(version).append("\n\n");
        report.append(String.format(Locale.ROOT, "%d %s built in %.1f s%s.\n\n", bundles.size(), bundles.size() == 1 ? "city" : "cities",
                took.toMillis() / 1000.0, verified ? ", each twice to check that the archives are reproducible" : ""));
        report.append("| city | modules | zip MB | war MB |\n");
        report.append("|------|---------|-------:|-------:|\n");
        for (CityBundle bundle : bundles) {
            report.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s |\n", bundle.id(), String.join(", ", bundle.modules()),
                    megabytes(bundle.zipBytes()), bundle.war().isPresent() ? String.format(Locale.ROOT, "%.1f", megabytes(bundle.warBytes())) : "-"));
        }
        return report.toString();
    }

    private static double megabytes(long bytes) {
        return bytes / 1_000_000.0;
    }
}
