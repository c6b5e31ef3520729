package org.district.platform.runtime.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.district.platform.runtime.internal.security.Credentials.Credential;
import org.district.platform.runtime.internal.security.Credentials.Kind;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    private static Credential session(Instant lastUsed, Instant revoked) {
        return new Credential("s", Kind.SESSION, "li", null, Set.of(), "csrf", START, lastUsed, START.plus(Credentials.SESSION_LIFETIME), revoked);
    }

    @Test
    void aSessionEndsAfterHalfAnHourIdleOrEightHoursInAnyCase() {
        assertTrue(session(START, null).activeAt(START.plus(Duration.ofMinutes(29))));
        assertFalse(session(START, null).activeAt(START.plus(Duration.ofMinutes(31))), "idle");
        Instant late = START.plus(Duration.ofHours(7).plusMinutes(50));
        assertTrue(session(late, null).activeAt(late.plus(Duration.ofMinutes(5))));
        assertFalse(session(late, null).activeAt(START.plus(Duration.ofHours(8)).plusSeconds(1)), "in use, but too old");
        assertFalse(session(START, START.plusSeconds(5)).activeAt(START.plusSeconds(10)), "signed out");
    }

    @Test
    void aTokenIsNotEndedByIdlenessOnlyByItsExpiryOrRevocation() {
        Credential token = new Credential("t", Kind.TOKEN, "li", "nightly export", Set.of("auditor"), null, START, START,
                START.plus(Duration.ofDays(90)), null);
        assertTrue(token.activeAt(START.plus(Duration.ofDays(89))));
        assertFalse(token.activeAt(START.plus(Duration.ofDays(90))));
    }

    @Test
    void scopesNarrowTheAccountsRolesAndAnAdminsTokenGetsJustTheScopedRole() {
        Account operator = new Account("li", Set.of("lawyer-roster.operator", "auditor"));
        assertEquals(Set.of("auditor"), Credentials.narrowed(operator, Set.of("auditor")).roles());
        assertEquals(operator.roles(), Credentials.narrowed(operator, Set.of()).roles(), "no scopes: every role");
        Account admin = new Account("admin", Set.of(Account.ADMIN));
        Account scoped = Credentials.narrowed(admin, Set.of("auditor"));
        assertTrue(scoped.hasRole("auditor"));
        assertFalse(scoped.hasRole("lawyer-roster.operator"), "the admin role does not travel with a scoped token");
    }

    @Test
    void onlyAHashOfTheSecretIsKept() {
        String hash = Credentials.hash("dst_secret");
        assertEquals(64, hash.length());
        assertNotEquals(hash, Credentials.hash("dst_secret2"));
        assertFalse(hash.contains("secret"));
    }

    @Test
    void aTokenScopedToARoleKeepsThePlacesTheRoleWasGrantedFor() {
        Account manager = new Account("li", Set.of("courier-stations.manager@武侯区/玉林街道", "courier-stations.manager@锦江区", "auditor"));
        Account scoped = Credentials.narrowed(manager, Set.of("courier-stations.manager"));
        assertEquals(Set.of("courier-stations.manager@武侯区/玉林街道", "courier-stations.manager@锦江区"), scoped.roles());
        assertTrue(scoped.hasRole("courier-stations.manager"));
        assertFalse(scoped.hasRole("auditor"));
        assertEquals(Set.of("武侯区/玉林街道", "锦江区"), Set.copyOf(scoped.places("courier-stations").nodes()));
    }

    @Test
    void anAccountsPlacesInAModuleComeFromItsGrantsOfThatModulesRoles() {
        Account li = new Account("li", Set.of("courier-stations.manager@武侯区", "lawyer-roster.operator"));
        assertTrue(li.places("courier-stations").covers("武侯区", "玉林街道"));
        assertFalse(li.places("courier-stations").covers("锦江区"));
        assertTrue(li.places("lawyer-roster").isEverywhere(), "a grant without a node holds everywhere");
        assertTrue(li.places("farm-aid-streaming").isNowhere(), "no role of the module: no place in it");
        assertTrue(new Account("admin", Set.of(Account.ADMIN)).places("courier-stations").isEverywhere());
        Account both = new Account("wang", Set.of("courier-stations.manager@武侯区", "courier-stations.manager"));
        assertTrue(both.places("courier-stations").isEverywhere(), "an unlimited grant beside a limited one is everywhere");
        assertFalse(new Account("zhao", Set.of("courier-stations-extra.manager")).places("courier-stations").isEverywhere(),
                "a module whose id starts like another's does not lend it its roles");
    }
}
