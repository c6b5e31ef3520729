package org.district.plugins.legalaidnightmarket;

import java.util.Locale;

/** Where a session stands: planned, then open on the evening, then closed; or cancelled with a reason. */
public enum SessionStatus {
    PLANNED, OPEN, CLOSED, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
