/**
 * Conventions for a module's REST resources: errors as RFC 9457 problem details, paging, JSON written
 * once for many answers.
 *
 * <p>A module publishes a resource as a Declarative Services component with the Jakarta REST
 * whiteboard property {@code osgi.jakartars.resource=true} (for example with
 * {@code @JakartarsResource}); the platform serves it under {@code /api/<module-id>} while the module
 * is enabled. Request bodies annotated {@code @Valid} are checked with Jakarta Bean Validation.
 * Resources are for signed-in administrators unless a class or method says otherwise with
 * {@code @PermitAll} (public) or {@code @RolesAllowed}.
 */
@Export
@Version("1.1.0")
package org.district.platform.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
