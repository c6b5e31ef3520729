package org.district.plugins.farmaidstreaming;

import java.util.Locale;

/** What kind of product a village sells. */
public enum ProductCategory implements Codes.Coded {
    PRODUCE("农产品"),
    PROCESSED_FOOD("加工食品"),
    CLOTHING("服装"),
    HOUSEHOLD_GOODS("日用品"),
    CRAFTS("手工艺品");

    private final String chinese;

    ProductCategory(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    /** The category in an English sentence: "processed food". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
