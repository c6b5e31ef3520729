package org.district.cities;

import java.util.List;

/**
 * One attribute of a Metatype object class ({@code <AD>}), as far as a city's value is checked
 * against it; names and descriptions (localization keys such as {@code %config.name}) play no part.
 *
 * @param id the attribute's id, the key of its value in a city's settings
 * @param type the Metatype type: String, Long, Integer, Short, Byte, Double, Float, Boolean, Char (or Character), Password
 * @param cardinality 0 for one value; otherwise at most its absolute value of values
 * @param min the least value (the least length for text), or null
 * @param max the greatest value (the greatest length for text), or null
 * @param required whether a value must be given (Metatype's default: true)
 * @param options the values allowed, or none when any value of the type is
 */
record SettingDefinition(String id, String type, int cardinality, String min, String max, boolean required, List<String> options) {
}
