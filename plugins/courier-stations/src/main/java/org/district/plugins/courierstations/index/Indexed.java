package org.district.plugins.courierstations.index;

import java.util.Set;

/** What the spatial index needs of a thing it holds: an identity, a WGS-84 position, its services. */
public interface Indexed {

    long id();

    double lat();

    double lon();

    /** The service codes it offers; the index keeps one tree per service so a filtered search stays dense. */
    Set<String> services();
}
