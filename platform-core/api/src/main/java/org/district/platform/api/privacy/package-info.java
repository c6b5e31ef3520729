/** Personal data: the one way every module masks it in public and list views, and how long it is kept. */
@Export
@Version("1.1.0")
package org.district.platform.api.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
