package org.district.plugins.courierstations.index;

/** A thing found by a search, with its great-circle distance from the point searched, in metres. */
public record Hit<T>(T item, double metres) {
}
