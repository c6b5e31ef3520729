/**
 * Where in the city a caller may work: the nodes of the administrative tree (district, street,
 * community, grid) an admin limited a module role to. A resource method takes the caller's
 * {@link org.district.platform.api.access.Places} as a parameter, {@code @Context Places places},
 * and checks each place-bound record it reads or writes against it.
 */
@Export
@Version("1.0.0")
package org.district.platform.api.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
