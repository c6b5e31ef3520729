package org.district.plugins.courierstations;

import java.util.Locale;
import java.util.Optional;

/** The kind of work of whoever checks in; the only thing a visit says about them. */
public enum WorkerKind {
    COURIER("快递员"),
    FOOD_DELIVERY("外卖骑手"),
    RIDE_HAILING("网约车司机"),
    TRUCK("货车司机"),
    OTHER("其他");

    private final String chinese;

    WorkerKind(String chinese) {
        this.chinese = chinese;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<WorkerKind> parse(String text) {
        return Codes.parse(values(), text, WorkerKind::code, WorkerKind::chinese);
    }
}
