package org.district.plugins.legalaidnightmarket;

/** The module's roles; an admin holds every one of them. */
public final class Roles {

    /** Sets up markets and their schedule, fills the duty rota, reads consultations (masked) and figures. */
    public static final String COORDINATOR = "legal-aid-night-market.coordinator";
    /** Opens and closes the stall and logs consultations and follow-ups on a phone. */
    public static final String DUTY_LAWYER = "legal-aid-night-market.duty-lawyer";
    /** May export consultations with personal data (contacts and summaries) in full. */
    public static final String EXPORT = "legal-aid-night-market.export";

    private Roles() {
    }
}
