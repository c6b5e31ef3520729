/**
 * The lawyer roster as other modules use it: look up lawyers, ask for a fair duty rota, record the
 * hours a lawyer served. Obtain {@link LawyerRoster} as an OSGi service; require the module with
 * {@code Require-Capability: district.module;filter:="(district.module=lawyer-roster)"}.
 */
@Export
@Version("1.0.0")
package org.district.plugins.lawyerroster.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
