/**
 * How a bundle declares itself as a platform module and what a module may offer the platform.
 *
 * <p>A module is an OSGi bundle that provides a capability in the {@value ModuleCapability#NAMESPACE}
 * namespace and requires the modules it depends on in the same namespace:
 * <pre>
 * Provide-Capability: district.module;district.module=notice-board;version:Version=1.0.0;roles:List&lt;String&gt;="editor"
 * Require-Capability: district.module;filter:="(district.module=lawyer-roster)"
 * Bundle-Name: %module.name
 * Bundle-Description: %module.description
 * Bundle-Category: community
 * </pre>
 * Names and descriptions are localized with standard bundle localization
 * ({@code OSGI-INF/l10n/bundle.properties}, {@code bundle_zh.properties}). The roles a module's
 * endpoints name in {@code @RolesAllowed} ({@code notice-board.editor}) are declared in its
 * capability ({@link ModuleCapability#ROLES_ATTRIBUTE}), so that admins can grant exactly those.
 */
@Export
@Version("1.1.0")
package org.district.platform.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
