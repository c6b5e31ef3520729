package org.district.cities;

/** A text in the platform's two languages, such as a city's name. */
record LocalizedText(String zhCN, String en) {

    static final String ZH_CN = "zh-CN";
    static final String EN = "en";
}
