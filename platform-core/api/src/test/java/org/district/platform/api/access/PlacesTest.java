package org.district.platform.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.district.platform.api.rest.Problem;
import org.junit.jupiter.api.Test;

class PlacesTest {

    @Test
    void aDistrictCoversItsStreetsAndCommunitiesButNotItsNeighbours() {
        Places wuhou = Places.within(List.of("武侯区"));
        assertTrue(wuhou.covers("武侯区"));
        assertTrue(wuhou.covers("武侯区", "玉林街道", "玉林社区"));
        assertFalse(wuhou.covers("锦江区", "春熙路街道"));
        assertFalse(wuhou.covers("武侯区区"), "a node is matched part by part, not as a prefix of text");
    }

    @Test
    void aStreetDoesNotCoverARecordKnownOnlyByItsDistrict() {
        Places street = Places.within(List.of("武侯区/玉林街道"));
        assertTrue(street.covers("武侯区", "玉林街道", null));
        assertFalse(street.covers("武侯区", "", "玉林社区"), "a blank part ends the path");
        assertFalse(street.covers("武侯区"));
        assertFalse(street.covers());
    }

    @Test
    void severalNodesAreTheirUnionAndANodeBelowAnotherAddsNothing() {
        Places places = Places.within(List.of("武侯区/玉林街道", "锦江区", " 武侯区 / 玉林街道 ", "锦江区/春熙路街道"));
        assertEquals(List.of("武侯区/玉林街道", "锦江区"), places.nodes());
        assertTrue(places.covers("锦江区", "书院街街道"));
        assertTrue(places.covers("武侯区", "玉林街道"));
        assertFalse(places.covers("武侯区", "浆洗街街道"));
    }

    @Test
    void aPartOfAPlaceMayHoldSeveralLevels() {
        Places wuhou = Places.within(List.of("成都市/武侯区"));
        assertTrue(wuhou.covers("成都市/武侯区", "玉林街道"));
        assertFalse(wuhou.covers("成都市/锦江区", "春熙路街道"));
        assertFalse(Places.within(List.of("武侯区")).covers("成都市/武侯区"), "levels are compared from the top");
    }

    @Test
    void aCityWidePlanIsRefusedToACallerLimitedToPlaces() {
        Places.everywhere().requireEverywhere("Coverage planning");
        Problem refused = assertThrows(Problem.class, () -> Places.within(List.of("武侯区")).requireEverywhere("Coverage planning"));
        assertEquals(403, refused.status());
        assertTrue(refused.getMessage().startsWith("Coverage planning belongs to the whole city"), refused.getMessage());
    }

    @Test
    void everywhereCoversAllAndNowhereCoversNothing() {
        assertTrue(Places.everywhere().covers());
        assertTrue(Places.everywhere().covers("高新区"));
        assertTrue(Places.everywhere().isEverywhere());
        assertFalse(Places.nowhere().covers("高新区"));
        assertTrue(Places.nowhere().isNowhere());
        assertEquals(Places.nowhere(), Places.within(List.of()));
    }

    @Test
    void aPlaceOutsideIsRefusedWith403NamingTheFieldAndTheCallersNodes() {
        Problem refused = assertThrows(Problem.class, () -> Places.within(List.of("武侯区")).require("district", "锦江区", "春熙路街道"));
        assertEquals(403, refused.status());
        assertEquals("district", refused.errors().get(0).field());
        assertTrue(refused.getMessage().contains("'锦江区/春熙路街道'") && refused.getMessage().contains("武侯区"), refused.getMessage());
        Places.within(List.of("武侯区")).require("district", "武侯区", "玉林街道");
    }

    @Test
    void aBlankNodeIsNoNode() {
        assertThrows(IllegalArgumentException.class, () -> Places.within(List.of("武侯区//玉林社区")));
        assertThrows(IllegalArgumentException.class, () -> Places.within(List.of(" ")));
    }
}
