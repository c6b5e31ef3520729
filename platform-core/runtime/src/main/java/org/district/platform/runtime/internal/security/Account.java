package org.district.platform.runtime.internal.security;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.district.platform.api.access.Places;

/**
 * A signed-in person or script, with the roles the platform granted it. Each grant is a role
 * ({@code lawyer-roster.operator}) or a module role limited to a node of the administrative tree
 * ({@code courier-stations.manager@武侯区/玉林街道}); a limited grant holds its role, only in its places.
 */
public record Account(String username, Set<String> roles) implements Principal {

    /** The role that may do everything. */
    public static final String ADMIN = "admin";
    /** Separates a grant's role from the node it is limited to. */
    public static final char AT = '@';

    public Account {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean hasRole(String role) {
        if (roles.contains(ADMIN) || roles.contains(role)) {
            return true;
        }
        for (String grant : roles) {
            if (roleOf(grant).equals(role)) {
                return true;
            }
        }
        return false;
    }

    /** Where this account may work in a module: see {@link Places}. */
    public Places places(String moduleId) {
        if (roles.contains(ADMIN)) {
            return Places.everywhere();
        }
        List<String> nodes = new ArrayList<>();
        for (String grant : roles) {
            if (!roleOf(grant).startsWith(moduleId + ".")) {
                continue;
            }
            int at = grant.indexOf(AT);
            if (at < 0) {
                return Places.everywhere();
            }
            nodes.add(grant.substring(at + 1));
        }
        return Places.within(nodes);
    }

    /** The role of a grant, without the node it may be limited to. */
    public static String roleOf(String grant) {
        int at = grant.indexOf(AT);
        return at < 0 ? grant : grant.substring(0, at);
    }
}
