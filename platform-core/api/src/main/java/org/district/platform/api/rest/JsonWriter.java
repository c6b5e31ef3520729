package org.district.platform.api.rest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes a value as JSON once, with the same settings as every answer (ISO-8601 dates, no null
 * fields), to be put in many answers as it is. Obtain it as an OSGi service; each module gets its
 * own, which forgets the module's classes when the module stops.
 *
 * <p>A prepared value is a copy: when what it was written from changes, prepare it again. Keep what
 * you prepare bounded (by the things it describes, not by the questions asked).
 */
@ProviderType
public interface JsonWriter {

    /**
     * The value written now.
     *
     * @throws IllegalArgumentException when the value cannot be written as JSON
     */
    PreparedJson prepare(Object value);
}
