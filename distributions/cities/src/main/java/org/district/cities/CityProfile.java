package org.district.cities;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A city's profile once every check passed: what its bundles are made of.
 *
 * @param folder the profile's folder
 * @param id the city's id, its folder's name
 * @param name the city's name
 * @param timeZone a valid time zone id
 * @param latitude the map's centre
 * @param longitude the map's centre
 * @param modules the modules shipped: those chosen and those they require
 * @param demoData whether the city's platform starts with demonstration data
 * @param settings module settings by configuration PID
 * @param places the administrative tree, parents first
 * @param branding the city's title, logo and colours
 * @param profileSource {@code city.json} byte for byte
 * @param placesSource the places file byte for byte
 */
record CityProfile(Path folder, String id, LocalizedText name, String timeZone, BigDecimal latitude, BigDecimal longitude,
        ModuleSelection modules, boolean demoData, Map<String, CitySettings> settings, List<Place> places, Branding branding,
        byte[] profileSource, byte[] placesSource) {
}
