/**
 * A module's own database: an EntityManagerFactory that the platform builds from the module's
 * declared entity classes, over the platform's one connection pool, after running the module's
 * schema migrations. Obtain it as an OSGi service; each module bundle gets its own.
 */
@Export
@Version("1.0.0")
package org.district.platform.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
