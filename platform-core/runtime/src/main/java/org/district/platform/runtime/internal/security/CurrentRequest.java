package org.district.platform.runtime.internal.security;

import java.util.function.Supplier;

import org.district.platform.api.access.Places;

/**
 * Who is behind the request this thread serves, for the audit trail. Set by access control when
 * a request is admitted, cleared by the dispatcher when the request is done.
 */
public final class CurrentRequest {

    /**
     * The person (or script) and the address a request came from. The address is found when first asked
     * for (by the audit trail, the sign-in lock-out): most requests never ask.
     */
    public static final class Caller {
        private final String actor;
        private Supplier<String> from;
        private String address;

        public Caller(String actor, String address) {
            this(actor, null, address);
        }

        private Caller(String actor, Supplier<String> from, String address) {
            this.actor = actor;
            this.from = from;
            this.address = address;
        }

        /** A caller whose address is found, within the request, when first asked for. */
        public static Caller from(String actor, Supplier<String> address) {
            return new Caller(actor, address, null);
        }

        public String actor() {
            return actor;
        }

        public String address() {
            if (from != null) {
                address = from.get();
                from = null;
            }
            return address;
        }
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
