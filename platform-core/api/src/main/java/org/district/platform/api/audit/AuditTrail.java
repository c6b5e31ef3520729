package org.district.platform.api.audit;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes to the platform's audit trail. Obtain it as an OSGi service (each module gets its own, so
 * entries carry the module); the person and address come from the request being served.
 *
 * <p>Record every read of unmasked personal data ({@code personal-data.read}), every export
 * ({@code export}), and every change of settings a module owns.
 */
@ProviderType
public interface AuditTrail {

    /**
     * Appends an entry and returns once it is stored.
     *
     * @param action  what was done, e.g. {@code personal-data.read}, {@code export}
     * @param subject what it was done to, e.g. {@code lawyer 42}
     * @param details anything an auditor needs to understand the entry (counts, filters, before/after)
     */
    void record(String action, String subject, Map<String, String> details);
}
