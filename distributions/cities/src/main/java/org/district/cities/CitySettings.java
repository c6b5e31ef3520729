package org.district.cities;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A city's values for one configuration a module designates, checked against the module's
 * Metatype definition, kept as the profile wrote them.
 *
 * @param module the id of the module that designates the configuration
 * @param values the settings and their values, as JSON
 */
record CitySettings(String module, ObjectNode values) {
}
