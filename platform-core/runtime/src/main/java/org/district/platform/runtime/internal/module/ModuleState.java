package org.district.platform.runtime.internal.module;

import com.fasterxml.jackson.annotation.JsonValue;

public enum ModuleState {
    ENABLED, DISABLED, FAILED;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
