package org.district.plugins.lawyerroster.api;

import java.util.List;

/** A duty rota: who serves each session, and why the sessions nobody could serve are unfilled. */
public record Rota(List<Assignment> assignments, List<Unfilled> unfilled) {

    public Rota {
        assignments = List.copyOf(assignments);
        unfilled = List.copyOf(unfilled);
    }

    /** One session and the lawyer on duty. */
    public record Assignment(String sessionKey, long lawyerId, String lawyerName) {
    }

    /** One session nobody could serve, and why, in words a coordinator can act on. */
    public record Unfilled(String sessionKey, String reason) {
    }
}
