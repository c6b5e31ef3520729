/** Personal data in public and list views: the one way every module masks it. */
@Export
@Version("1.0.0")
package org.district.platform.api.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
