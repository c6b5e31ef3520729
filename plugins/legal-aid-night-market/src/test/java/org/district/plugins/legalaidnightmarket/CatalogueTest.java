package org.district.plugins.legalaidnightmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.district.platform.api.rest.Problem;
import org.district.plugins.legalaidnightmarket.Catalogue.Category;
import org.district.plugins.legalaidnightmarket.Catalogue.Outcome;
import org.district.plugins.legalaidnightmarket.Catalogue.Visitor;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    @Test
    void aCategoryIsFoundByItsCodeOrItsChineseName() {
        assertEquals(Optional.of(Category.PAYMENT_DISPUTE), Catalogue.parse(Category.class, "payment_dispute"));
        assertEquals(Optional.of(Category.PAYMENT_DISPUTE), Catalogue.parse(Category.class, " Payment-Dispute "));
        assertEquals(Optional.of(Category.LOAN_DISPUTE), Catalogue.parse(Category.class, "借款纠纷"));
        assertEquals(Optional.of(Visitor.STALL_HOLDER), Catalogue.parse(Visitor.class, "摊主"));
        assertEquals(Optional.of(Outcome.REFERRED_COURT), Catalogue.parse(Outcome.class, "referred_court"));
    }

    @Test
    void anUnknownEntryIsA400NamingTheFieldAndListingTheCodes() {
        assertTrue(Catalogue.parse(Category.class, "astrology").isEmpty());
        assertTrue(Catalogue.parse(Category.class, null).isEmpty());
        Problem problem = assertThrows(Problem.class, () -> Catalogue.require(Category.class, "category", "astrology"));
        assertEquals(400, problem.status());
        assertEquals("category", problem.errors().get(0).field());
        assertTrue(problem.detail().contains("neighbour_friction"), problem.detail());
    }

    @Test
    void onlyAnsweredAndSettledCountAsSettledOnTheSpot() {
        assertTrue(Outcome.ANSWERED.settledOnTheSpot());
        assertTrue(Outcome.SETTLED.settledOnTheSpot());
        for (Outcome outcome : new Outcome[] { Outcome.REFERRED_LEGAL_AID_CENTRE, Outcome.REFERRED_MEDIATION_COMMITTEE, Outcome.REFERRED_COURT,
            Outcome.FOLLOW_UP }) {
            assertFalse(outcome.settledOnTheSpot(), outcome.name());
        }
    }
}
