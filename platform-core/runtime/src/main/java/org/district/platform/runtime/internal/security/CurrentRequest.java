package org.district.platform.runtime.internal.security;

/**
 * Who is behind the request this thread serves, for the audit trail. Set by access control when
 * a request is admitted, cleared by the dispatcher when the request is done.
 */
public final class CurrentRequest {

    /** The person (or script) and the address a request came from. */
    public record Caller(String actor, String address) {
    }

    private static final ThreadLocal<Caller> CALLER = new ThreadLocal<>();

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

    public static void clear() {
        CALLER.remove();
    }
}
