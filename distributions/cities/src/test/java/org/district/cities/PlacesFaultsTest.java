package org.district.cities;

import static org.district.cities.Fixtures.build;
import static org.district.cities.Fixtures.faults;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city's places file: present, with the exact header, unique ids, known parents, no cycle,
 * each level under the level above, and Chinese names that make unique paths (operators are
 * granted places by those paths). Each test is one kind of fault; its fixture in
 * {@code src/test/resources/profiles/<case>/} is the valid sample city with that fault.
 */
class PlacesFaultsTest {

    @TempDir
    Path out;

    private List<String> faultsOf(String fixture) {
        return faults(build(fixture, out));
    }

    @Test
    void thePlacesFileExists() {
        assertEquals(List.of("city sample: places file 'places.csv' does not exist"), faultsOf("places-missing"));
    }

    @Test
    void theHeaderIsExactlyTheFiveColumns() {
        assertEquals(List.of("city sample: places.csv must start with the header 'id,parent,level,name_zh,name_en', not 'id,parent,level,name'"),
                faultsOf("places-header"));
    }

    @Test
    void thePlacesRootIsOneName() {
        assertEquals(List.of("city sample: placesRoot '四川省/样例市' must be one name, without '/'"), faultsOf("places-root-not-one-name"));
    }

    @Test
    void placeIdsAreUnique() {
        assertEquals(List.of("city sample: place 'yulin' is listed twice (places.csv lines 3 and 7)"), faultsOf("places-duplicate-id"));
    }

    @Test
    void aParentIsAPlaceOfTheFile() {
        assertEquals(List.of("city sample: unknown parent 'shuangqiao' of place 'shuangnan' (places.csv line 7)"), faultsOf("places-unknown-parent"));
    }

    @Test
    void parentsFormNoCycle() {
        assertEquals(List.of("city sample: places form a cycle: yulin → yulin-community → yulin"), faultsOf("places-cycle"));
    }

    @Test
    void eachLevelSitsUnderTheLevelAboveIt() {
        assertEquals(List.of(
                "city sample: place 'chunxi' has the level 'town', not one of district, street, community, grid (places.csv line 10)",
                "city sample: place 'shuangnan' is a street, so its parent must be a district, but 'yulin' is a street (places.csv line 7)",
                "city sample: place 'gaoxin' is a district, so it cannot have a parent, but names 'wuhou' (places.csv line 8)",
                "city sample: place 'lonely' is a community, so it needs a parent street (places.csv line 9)"),
                faultsOf("places-levels"));
    }

    @Test
    void chineseNamesAreNotBlankHoldNoSlashAndDifferAmongSiblings() {
        assertEquals(List.of(
                "city sample: place 'blank' has a blank name_zh (places.csv line 7)",
                "city sample: place 'slashed' has the name_zh '火车南站/桐梓林', which contains '/', the separator of place paths (places.csv line 8)",
                "city sample: places 'yulin' and 'yulin-again' under 'wuhou' share the name_zh '玉林街道' (places.csv lines 3 and 9)"),
                faultsOf("places-names"));
    }
}
