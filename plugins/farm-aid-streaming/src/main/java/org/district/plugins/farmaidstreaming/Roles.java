package org.district.plugins.farmaidstreaming;

/** The module's roles; an admin holds every one of them. */
public final class Roles {

    /**
     * The farm-aid coordinator: streamers, training, villages and products, live sessions and their
     * results, impact, reports and their CSV files, charts and streamer suggestions.
     */
    public static final String COORDINATOR = "farm-aid-streaming.coordinator";
    /** May export the streamer roster with personal data (real names, phones, account ids) in full. */
    public static final String EXPORT = "farm-aid-streaming.export";

    private Roles() {
    }
}
