package org.district.platform.runtime.internal.security;

import org.district.platform.api.access.Places;

/**
 * Who is behind the request this thread serves, for the audit trail. Set by access control when
 * a request is admitted, cleared by the dispatcher when the request is done.
 */
public final class CurrentRequest {

    /** The person (or script) and the address a request came from. */
    public record Caller(String actor, String address) {
    }

    private static final ThreadLocal<Caller> CALLER = new ThreadLocal<>();
    private static final ThreadLocal<Places> PLACES = new ThreadLocal<>();

    private CurrentRequest() {
    }

    public static void set(Caller caller) {
        CALLER.set(caller);
    }

    /** The caller, or the platform itself when no request is being served (start-up, jobs, shell). */
    public static Caller caller() {
        Caller caller = CALLER.get();
        return caller == null ? new Caller("platform", null) : caller;
    }

    /** Where the caller may work in the module serving the request; set with the caller. */
    public static void places(Places places) {
        PLACES.set(places);
    }

    /** The caller's places in the module serving the request: nowhere outside a request. */
    public static Places places() {
        Places places = PLACES.get();
        return places == null ? Places.nowhere() : places;
    }

    public static void clear() {
        CALLER.remove();
        PLACES.remove();
    }
}
