package org.district.plugins.lawyerroster.api;

import java.util.Locale;
import java.util.Optional;

/** The catalogue of legal specialties a lawyer can be listed with, with their Chinese names. */
public enum Specialty {
    CONTRACT("合同"),
    DEBT("债务与借贷"),
    LABOUR("劳动"),
    FAMILY("婚姻家庭"),
    CONSUMER("消费"),
    TRAFFIC("交通"),
    PROPERTY("房产"),
    TENANCY("租赁"),
    CRIMINAL("刑事"),
    ADMINISTRATIVE("行政");

    private final String chinese;

    Specialty(String chinese) {
        this.chinese = chinese;
    }

    /** The code used in the API and in files: {@code contract}, {@code debt}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String chinese() {
        return chinese;
    }

    /** A specialty from its code or its Chinese name, ignoring case and surrounding blanks. */
    public static Optional<Specialty> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        for (Specialty specialty : values()) {
            if (specialty.code().equalsIgnoreCase(wanted) || specialty.chinese.equals(wanted)) {
                return Optional.of(specialty);
            }
        }
        return Optional.empty();
    }
}
