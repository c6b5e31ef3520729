package org.district.cities;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module jar as the platform sees it: a bundle whose {@code Provide-Capability} declares
 * {@code district.module;district.module=<id>}, which requires other modules with
 * {@code Require-Capability: district.module;filter:="(district.module=<other>)"}, and whose
 * Metatype documents designate the configurations a city may set.
 *
 * @param id the module id
 * @param file the jar
 * @param identity its symbolic name and bundle version
 * @param requires the ids of the modules it requires, in manifest order
 * @param configurations the configurations it designates
 */
record ModuleJar(String id, Path file, BundleIdentity identity, List<String> requires, List<ConfigurationDefinition> configurations) {

    static final String NAMESPACE = "district.module";
    /** The module id a requirement's filter names; the runtime reads requirements the same way. */
    private static final Pattern REQUIRED_ID = Pattern.compile("\\(" + Pattern.quote(NAMESPACE) + "=([^)*]+)\\)");

    /** The jar as a module, or nothing when it declares no module. */
    static Optional<ModuleJar> read(Path file) throws IOException {
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return Optional.empty();
            }
            Optional<String> id = HeaderClause.parse(manifest.getMainAttributes().getValue("Provide-Capability")).stream()
                    .filter(c -> c.name().equals(NAMESPACE) && c.attributes().containsKey(NAMESPACE))
                    .map(c -> c.attributes().get(NAMESPACE))
                    .findFirst();
            if (id.isEmpty()) {
                return Optional.empty();
            }
            List<String> requires = HeaderClause.parse(manifest.getMainAttributes().getValue("Require-Capability")).stream()
                    .filter(c -> c.name().equals(NAMESPACE) && c.directives().containsKey("filter"))
                    .map(c -> REQUIRED_ID.matcher(c.directives().get("filter")))
                    .filter(Matcher::find)
                    .map(m -> m.group(1).strip())
                    .toList();
            try {
                return Optional.of(new ModuleJar(id.get(), file, BundleIdentity.of(manifest), requires, MetatypeDocuments.read(jar)));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": a Metatype attribute's cardinality is not a number: " + e.getMessage(), e);
            }
        }
    }

    String fileName() {
        return file.getFileName().toString();
    }
}
