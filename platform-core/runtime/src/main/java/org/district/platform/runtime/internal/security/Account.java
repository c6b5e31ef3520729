package org.district.platform.runtime.internal.security;

import java.security.Principal;
import java.util.Set;

/** A signed-in person or script, with the roles the platform granted it. */
public record Account(String username, Set<String> roles) implements Principal {

    /** The role that may do everything. */
    public static final String ADMIN = "admin";

    public Account {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean hasRole(String role) {
        return roles.contains(ADMIN) || roles.contains(role);
    }
}
