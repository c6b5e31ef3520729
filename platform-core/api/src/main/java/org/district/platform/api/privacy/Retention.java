package org.district.platform.api.privacy;

import java.time.OffsetDateTime;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Personal data a module keeps only for a while. A module registers one service per kind of record
 * it keeps personal data in; the platform runs {@link #purgeBefore} every day with the retention an
 * admin set for it ({@code /api/admin/retention}), or {@link #defaultDays()} until one is set, and
 * writes what it purged to the audit trail.
 *
 * <p>Purging may delete records or erase their personal fields and keep the rest (figures often
 * need the rest); either way it must be idempotent and run in one transaction.
 */
@ConsumerType
public interface Retention {

    /** A short id of the records within the module, e.g. {@code consultations}: lower case, digits and '-'. */
    String dataset();

    /** What is purged, for admins, e.g. "contacts and notes of consultations". */
    String description();

    /** How many days the records keep their personal data unless an admin sets otherwise. */
    int defaultDays();

    /**
     * Erases the personal data of records made before {@code cutoff}.
     *
     * @return how many records it changed or deleted
     */
    long purgeBefore(OffsetDateTime cutoff);
}
