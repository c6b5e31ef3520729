package org.district.plugins.courierstations;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What a city sets for its stations (ConfigAdmin PID {@value City#PID}); every value has a default. */
@ObjectClassDefinition(name = "Courier stations", description = "The city's settings for its rest stations: time zone, "
        + "service catalogue, the service circle, duplicate check-ins and the city's area.")
public @interface CityConfiguration {

    @AttributeDefinition(name = "Time zone", description = "The city's time zone: opening hours and figures are in its local time.")
    String timeZone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Service catalogue", description = "One service a station may offer per entry: code|中文名|English name. "
            + "Codes are lower case letters, digits and underscores.")
    String[] services() default {
        "rest_seats|休息座椅|Rest seats",
        "drinking_water|饮用水|Drinking water",
        "hot_water|热水|Hot water",
        "microwave|微波炉|Microwave",
        "phone_charging|手机充电|Phone charging",
        "battery_swap|电瓶换电|E-bike battery swap",
        "ebike_charging|电动车充电|E-bike charging",
        "toilet|卫生间|Toilet",
        "air_conditioning|空调/取暖|Air conditioning and heating",
        "repair_tools|维修工具|Repair tools",
        "first_aid|急救药箱|First-aid kit",
        "umbrella_loan|爱心雨伞|Umbrella loan",
        "wifi|无线网络|Wi-Fi",
        "lockers|储物柜|Lockers",
        "discounted_meals|爱心餐|Discounted meals",
        "policy_consultation|政策咨询|Policy consultation"
    };

    @AttributeDefinition(name = "Service circle (minutes)", description = "How long a worker should ride at most to reach a station.")
    int serviceMinutes() default 15;

    @AttributeDefinition(name = "Riding speed (km/h)", description = "The speed of an e-bike in city traffic, for riding times and the service radius.")
    double ridingSpeedKmh() default 15.0;

    @AttributeDefinition(name = "Walking speed (km/h)")
    double walkingSpeedKmh() default 4.5;

    @AttributeDefinition(name = "Detour factor", description = "How much longer the way along streets is than the straight line.")
    double detourFactor() default 1.3;

    @AttributeDefinition(name = "Duplicate check-in window (minutes)", description = "Scans by the same worker at the same station within this window count once.")
    int duplicateWindowMinutes() default 10;

    @AttributeDefinition(name = "City area", description = "Rectangles south,west,north,east (WGS-84 degrees) that stations and searches must lie in. "
            + "The default covers Chengdu and Taizhou.")
    String[] cityAreas() default { "30.05,102.90,31.45,104.90", "28.00,120.20,29.40,122.00" };
}
