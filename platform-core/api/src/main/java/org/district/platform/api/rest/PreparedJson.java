package org.district.platform.api.rest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A value the platform has already written as JSON ({@link JsonWriter#prepare}). Put it in an answer
 * where the value would go (a field, a list element, or the whole answer) and the platform copies
 * these bytes in, without writing the value again: for a part that many answers share and that
 * changes far less often than it is read, such as the public view of a station in every search
 * that finds it.
 */
@ProviderType
public interface PreparedJson {

    /** The JSON text, as it goes into answers. */
    String json();
}
