package org.district.platform.runtime.internal.metrics;

/**
 * What the REST whiteboard tells the metrics about each request a module served. The whiteboard
 * works without it ({@link #NONE}); {@link PlatformMetrics} is the one that records.
 */
public interface RequestMetrics {

    /** Records nothing: the whiteboard's stand-in while no metrics service is there. */
    RequestMetrics NONE = (module, method, status, nanos) -> {
    };

    /**
     * One request served by a module.
     *
     * @param module the module (or the platform's own resource base) that served it, never a path
     * @param method the HTTP method as the client sent it; anything but the standard methods counts as {@code other}
     * @param status the response's status code
     * @param nanos how long it took, in nanoseconds
     */
    void served(String module, String method, int status, long nanos);
}
