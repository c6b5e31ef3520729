package org.district.cities;

/**
 * One node of a city's administrative tree.
 *
 * @param id its id, unique in the city
 * @param parent the id of the place it belongs to, or null for a district
 * @param level its level
 * @param nameZh its Chinese name, unique among its siblings
 * @param nameEn its English name
 * @param path the Chinese names from its district down to it, joined by {@code /}
 *        ({@code 武侯区/玉林街道/玉林社区}); once {@link #under under} the city, as the modules' records
 *        name their places ({@code 成都市/武侯区/玉林街道/玉林社区}): how operators are granted places at runtime
 */
record Place(String id, String parent, PlaceLevel level, String nameZh, String nameEn, String path) {

    /** The same place with its path starting at {@code root}, the city's name in the records. */
    Place under(String root) {
        return new Place(id, parent, level, nameZh, nameEn, root + "/" + path);
    }
}
