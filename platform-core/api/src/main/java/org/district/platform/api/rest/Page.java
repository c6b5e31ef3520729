package org.district.platform.api.rest;

import java.util.List;

/** One page of a list: the items, where they stand, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
