package org.district.platform.runtime.internal.module;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.district.platform.api.module.ModuleCapability;
import org.district.platform.runtime.internal.PlatformSettings;
import org.district.platform.runtime.internal.city.CityProfile;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Installs the module jars of the distribution's {@code plugins/} folder. A jar that is not a
 * readable module bundle, or that a city bundle's manifest does not list as it is
 * ({@link CityProfile#refusal}), is not installed; it is listed with the reason instead, so that an
 * admin sees it, and the platform goes on with the others.
 */
@Component(service = PluginFolder.class, immediate = true)
public class PluginFolder {

    private final Map<String, String> refused = new TreeMap<>();
    private Path folder;

    @Reference
    private CityProfile city;

    @Activate
    void activate(BundleContext context) throws IOException {
        folder = PlatformSettings.of(context).pluginsDir();
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            String location = jar.toUri().toString();
            if (context.getBundle(location) != null) {
                continue;
            }
            Optional<String> refusal = city.refusal(jar);
            if (refusal.isPresent()) {
                refused.put(jar.getFileName().toString(), refusal.get());
                continue;
            }
            try {
                Bundle bundle = context.installBundle(location);
                if (ModuleIds.of(bundle).isEmpty()) {
                    bundle.uninstall();
                    refused.put(jar.getFileName().toString(), "not a platform module: it declares no district.module capability");
                }
            } catch (BundleException | RuntimeException e) {
                refused.put(jar.getFileName().toString(), "cannot be installed: " + e.getMessage());
            }
        }
    }

    /**
     * The jar in the plugins folder that declares module {@code id}, the highest version if there
     * are several; read from the jars' manifests, nothing is installed.
     */
    public Optional<Path> jarFor(String id) {
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        Path best = null;
        Version bestVersion = null;
        for (Path jar : jars) {
            Optional<Attributes> manifest = manifest(jar);
            if (manifest.isEmpty() || !declares(manifest.get().getValue("Provide-Capability"), id)) {
                continue;
            }
            Version version = Version.parseVersion(Optional.ofNullable(manifest.get().getValue("Bundle-Version")).orElse("0").trim());
            if (bestVersion == null || version.compareTo(bestVersion) > 0) {
                best = jar;
                bestVersion = version;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Why the jar must not be loaded on this city's platform, if it must not. */
    public Optional<String> refusal(Path jar) {
        return city.refusal(jar);
    }

    /** The jar's Bundle-SymbolicName, without its directives. */
    public static Optional<String> symbolicName(Path jar) {
        return manifest(jar).map(m -> m.getValue("Bundle-SymbolicName")).map(name -> name.split(";")[0].trim());
    }

    private static boolean declares(String capabilities, String id) {
        return capabilities != null && Pattern.compile(Pattern.quote(ModuleCapability.NAMESPACE) + "\\s*;\\s*"
                + Pattern.quote(ModuleCapability.NAMESPACE) + "\\s*=\\s*\"?" + Pattern.quote(id) + "\"?\\s*(;|,|$)").matcher(capabilities).find();
    }

    private static Optional<Attributes> manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest == null ? Optional.empty() : Optional.of(manifest.getMainAttributes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Jars that could not be installed as modules, by file name, with the reason. */
    public synchronized Map<String, String> refused() {
        return Map.copyOf(refused);
    }
}
