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

    // What belongs to the whole city's programme rather than to a village: a role limited to places
    // (farm-aid-streaming.coordinator@台州市/椒江区) reads it, and changes none of it.

    /** Streamers stream for any village; who is on the roster is the programme's. */
    static final String STREAMERS = "The streamer roster";
    /** The roster with real names, phones and account ids: every streamer of the city, so it leaves only for the whole city. */
    static final String STREAMERS_IN_FULL = "The streamer roster with personal data";
    /** Courses are the programme's, open to every streamer. */
    static final String TRAINING = "Training (courses, classes and enrolments)";

    private Roles() {
    }
}
