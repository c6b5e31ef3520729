package org.district.platform.testkit;

import org.district.platform.testkit.RunningPlatform.Reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform's modules as an admin switches them through the admin API
 * ({@code /api/admin/modules/<id>/enable|disable}). {@link #enable} and {@link #disable} fail the
 * test unless the platform does it; {@link #tryEnable} and {@link #tryDisable} return the answer,
 * for tests of a refusal.
 */
public final class Modules {

    private final RunningPlatform platform;

    public Modules(RunningPlatform platform) {
        this.platform = platform;
    }

    /** {@code enabled}, {@code disabled}, {@code failed}, or {@code absent} when the platform does not hold it. */
    public String state(String id) {
        return platform.moduleState(id);
    }

    /** The module as the admin API lists it: version, names, state, reason, requires, requiredBy, roles. */
    public JsonNode describe(String id) {
        return platform.module(id);
    }

    public void enable(String id) {
        expect(tryEnable(id, false), id, "enabled");
    }

    /** Enables the module and the modules it requires. */
    public void enableWithRequired(String id) {
        expect(tryEnable(id, true), id, "enabled");
    }

    public void disable(String id) {
        expect(tryDisable(id, false), id, "disabled");
    }

    /** Disables the module and the modules that require it. */
    public void disableWithDependents(String id) {
        expect(tryDisable(id, true), id, "disabled");
    }

    public Reply tryEnable(String id, boolean cascade) {
        return platform.postAsAdmin("/api/admin/modules/" + id + "/enable?cascade=" + cascade, null);
    }

    public Reply tryDisable(String id, boolean cascade) {
        return platform.postAsAdmin("/api/admin/modules/" + id + "/disable?cascade=" + cascade, null);
    }

    private static void expect(Reply reply, String id, String state) {
        if (reply.status() != 200 || !state.equals(reply.json().path("state").asText())) {
            throw new AssertionError("module '" + id + "' was not " + state + ": " + reply);
        }
    }
}
