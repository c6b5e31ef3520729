package org.district.plugins.courierstations;

import java.util.Locale;
import java.util.Optional;

/** Whether a station serves: open (by its hours), closed for now with a reason, or retired for good. */
public enum StationStatus {
    OPEN("开放"),
    TEMPORARILY_CLOSED("暂停开放"),
    RETIRED("已撤销");

    private final String chinese;

    StationStatus(String chinese) {
        this.chinese = chinese;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<StationStatus> parse(String text) {
        return Codes.parse(values(), text, StationStatus::code, StationStatus::chinese);
    }
}
