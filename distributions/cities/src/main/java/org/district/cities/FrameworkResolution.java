package org.district.cities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Resolves a city's bundles with the real OSGi resolver: an embedded Apache Felix, the framework
 * the platform runs on, with the home's bundles and the city's module jars installed and nothing
 * started. A bundle left unresolved would fail at the city's first start; here it fails the build,
 * with the resolver's own reason (the package or capability no bundle provides).
 */
final class FrameworkResolution {

    /** The resolver names a bundle as {@code name [12](R 12.0)}; the file name says it better. */
    private static final Pattern BUNDLE_REFERENCE = Pattern.compile("\\[[^\\[\\]]*? \\[\\d+\\]\\(R \\d+\\.\\d+\\)\\] ");
    private static final Pattern BUNDLE_ID = Pattern.compile(" \\[\\d+\\]\\(R \\d+\\.\\d+\\)");

    private final List<Path> bundles;

    /** @param home the platform's home: every jar of its {@code bundles/}, not of {@code bundles/shell/}, is installed */
    FrameworkResolution(Path home) throws IOException {
        Path folder = home.resolve("bundles");
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("the home " + home + " has no bundles/ folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            this.bundles = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /**
     * The faults of the city's bundles, one for each bundle that does not resolve: a module as
     * {@code module '<id>' (plugins/<file>) cannot be resolved: <reason>}, another bundle as
     * {@code bundle <file> cannot be resolved: <reason>}.
     */
    List<String> unresolved(List<ModuleJar> modules) throws IOException {
        Path storage = Files.createTempDirectory("district-cities-resolve-");
        Framework framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                // no JVM-wide URL handlers for a framework that lives for one check
                "felix.service.urlhandlers", "false",
                // the reasons are reported as faults, not logged
                "felix.log.level", "0"));
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            Map<Bundle, String> names = new LinkedHashMap<>();
            for (Path jar : bundles) {
                names.put(install(context, jar), "bundle " + jar.getFileName());
            }
            for (ModuleJar module : modules) {
                names.put(install(context, module.file()), "module '" + module.id() + "' (plugins/" + module.fileName() + ")");
            }
            framework.start();
            framework.adapt(FrameworkWiring.class).resolveBundles(names.keySet());
            List<String> faults = new ArrayList<>();
            names.forEach((bundle, name) -> {
                if (bundle.getState() == Bundle.INSTALLED && !isFragment(bundle)) {
                    reason(bundle).ifPresent(reason -> faults.add(name + " cannot be resolved: " + reason));
                }
            });
            return faults;
        } catch (BundleException e) {
            throw new IOException("the resolver could not be set up: " + e.getMessage(), e);
        } finally {
            stop(framework);
            Folders.delete(storage);
        }
    }

    /** Installed where it is ({@code reference:}), not copied into the framework's storage. */
    private static Bundle install(BundleContext context, Path jar) throws BundleException {
        return context.installBundle("reference:" + jar.toUri());
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /**
     * The resolver's reason. Starting an unresolved bundle makes the framework resolve it again
     * and throw with the missing requirement; it runs none of the bundle's code, since the bundle
     * does not resolve. (Should it resolve this time after all, it is no fault.)
     */
    private static Optional<String> reason(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return Optional.empty();
        } catch (BundleException e) {
            String message = String.valueOf(e.getMessage());
            int repeated = message.indexOf(" Unresolved requirements:");
            message = repeated < 0 ? message : message.substring(0, repeated);
            message = message.replaceFirst("^Unable to resolve [^:]*?\\(R \\d+\\.\\d+\\): ", "");
            return Optional.of(BUNDLE_ID.matcher(BUNDLE_REFERENCE.matcher(message).replaceAll("")).replaceAll("").strip());
        }
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException e) {
            // the framework is dropped with its storage either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
