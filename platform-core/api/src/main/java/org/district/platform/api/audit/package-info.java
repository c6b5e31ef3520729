/**
 * The platform's audit trail: who read or exported personal data, who changed what. Entries are
 * hash-chained, so an edited or deleted entry is detected.
 */
@Export
@Version("1.0.0")
package org.district.platform.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
