package org.district.platform.runtime.internal;

import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Tells whoever launched the framework whether the platform came up. The launcher lives outside
 * the framework and shares no classes with it, so the outcome travels as service properties:
 * {@code district.startup} is {@code ready} or {@code failed}, {@code district.startup.reason} says why.
 */
public final class StartupOutcome {

    public static final String PROPERTY = "district.startup";
    public static final String REASON = "district.startup.reason";

    private StartupOutcome() {
    }

    public static void ready(BundleContext context) {
        register(context, Map.of(PROPERTY, "ready"));
    }

    public static void failed(BundleContext context, String reason) {
        System.getLogger("district").log(System.Logger.Level.ERROR, reason);
        register(context, Map.of(PROPERTY, "failed", REASON, reason));
    }

    private static void register(BundleContext context, Map<String, ?> properties) {
        context.registerService(StartupOutcome.class, new StartupOutcome(),
                FrameworkUtil.asDictionary(properties));
    }
}
