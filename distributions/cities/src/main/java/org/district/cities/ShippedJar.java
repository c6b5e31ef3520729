package org.district.cities;

/**
 * A jar as the city manifest lists it.
 *
 * @param file its path in the bundle, relative to the home ({@code plugins/x.jar}, {@code bundles/y.jar})
 * @param identity its symbolic name and version
 * @param sha256 the digest of its bytes, which the runtime checks a module jar against before installing it
 */
record ShippedJar(String file, BundleIdentity identity, String sha256) {
}
