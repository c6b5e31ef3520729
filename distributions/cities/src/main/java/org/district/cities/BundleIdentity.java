package org.district.cities;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * A bundle's symbolic name (without directives) and version, as its manifest states them; how the
 * city manifest names each jar besides its file and digest.
 */
record BundleIdentity(String symbolicName, String version) {

    static BundleIdentity of(Manifest manifest) {
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String name = Optional.ofNullable(main.getValue("Bundle-SymbolicName")).map(n -> n.split(";")[0].strip()).orElse(null);
        String version = Optional.ofNullable(main.getValue("Bundle-Version")).map(String::strip).orElse(name == null ? null : "0.0.0");
        return new BundleIdentity(name, version);
    }

    /** The identity of a jar held in memory, such as one inside the WAR. */
    static BundleIdentity of(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            return of(in.getManifest());
        }
    }
}
