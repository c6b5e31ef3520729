package org.district.platform.runtime.internal.module;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.district.platform.runtime.internal.PlatformSettings;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Installs the module jars of the distribution's {@code plugins/} folder. A jar that is not a
 * readable module bundle is not installed; it is listed with the reason instead, so that an admin
 * sees it, and the platform goes on with the others.
 */
@Component(service = PluginFolder.class, immediate = true)
public class PluginFolder {

    private final Map<String, String> refused = new TreeMap<>();

    @Activate
    void activate(BundleContext context) throws IOException {
        Path folder = PlatformSettings.of(context).pluginsDir();
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

    /** Jars that could not be installed as modules, by file name, with the reason. */
    public synchronized Map<String, String> refused() {
        return Map.copyOf(refused);
    }
}
