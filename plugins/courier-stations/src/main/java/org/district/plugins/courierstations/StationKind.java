package org.district.plugins.courierstations;

import java.util.Locale;
import java.util.Optional;

/** What kind of rest station it is. */
public enum StationKind {
    WARM_NEW("暖新驿站"),
    RIDER("骑手驿站"),
    DRIVER_HOME("司机之家"),
    PARTNER_SHOP("爱心商户");

    private final String chinese;

    StationKind(String chinese) {
        this.chinese = chinese;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<StationKind> parse(String text) {
        return Codes.parse(values(), text, StationKind::code, StationKind::chinese);
    }
}
