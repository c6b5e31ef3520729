package org.district.plugins.courierstations;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What a city sets for its stations (ConfigAdmin PID {@value City#PID}); every value has a default.
 * Names and descriptions are localized in {@code OSGI-INF/l10n/bundle*.properties} ({@code config.*}),
 * as the module's name is; the console's settings form shows them with the ranges given here.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%config.name", description = "%config.description")
public @interface CityConfiguration {

    @AttributeDefinition(name = "%config.timeZone", description = "%config.timeZone.description")
    String timeZone() default "Asia/Shanghai";

    @AttributeDefinition(name = "%config.services", description = "%config.services.description")
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

    @AttributeDefinition(name = "%config.serviceMinutes", description = "%config.serviceMinutes.description", min = "1", max = "120")
    int serviceMinutes() default 15;

    @AttributeDefinition(name = "%config.ridingSpeedKmh", description = "%config.ridingSpeedKmh.description", min = "1", max = "60")
    double ridingSpeedKmh() default 15.0;

    @AttributeDefinition(name = "%config.walkingSpeedKmh", min = "1", max = "10")
    double walkingSpeedKmh() default 4.5;

    @AttributeDefinition(name = "%config.detourFactor", description = "%config.detourFactor.description", min = "1", max = "3")
    double detourFactor() default 1.3;

    @AttributeDefinition(name = "%config.duplicateWindowMinutes", description = "%config.duplicateWindowMinutes.description", min = "0", max = "1440")
    int duplicateWindowMinutes() default 10;

    @AttributeDefinition(name = "%config.cityAreas", description = "%config.cityAreas.description")
    String[] cityAreas() default { "30.05,102.90,31.45,104.90", "28.00,120.20,29.40,122.00" };

    @AttributeDefinition(name = "%config.mapTiles", description = "%config.mapTiles.description", required = false)
    String mapTiles() default "";

    @AttributeDefinition(name = "%config.mapAttribution", description = "%config.mapAttribution.description", required = false)
    String mapAttribution() default "";
}
