package org.district.plugins.lostandfound;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What a city sets for its desks (ConfigAdmin PID {@value Desk#PID}). Every setting has a default, so
 * the module works before anyone configures it; names and descriptions are {@code %keys} of
 * OSGI-INF/l10n/bundle*.properties, so the console's settings form speaks the admin's language.
 */
@ObjectClassDefinition(name = "%config.name", description = "%config.description", localization = "OSGI-INF/l10n/bundle")
public @interface DeskConfiguration {

    @AttributeDefinition(name = "%config.categories.name", description = "%config.categories.description")
    String[] categories() default {
        "helmet|头盔|Helmet",
        "phone|手机|Phone",
        "charger|充电器/充电宝|Charger or power bank",
        "keys|钥匙|Keys",
        "bag|包|Bag",
        "documents|证件|Documents",
        "clothing|衣物|Clothing",
        "other|其他|Other"
    };

    @AttributeDefinition(name = "%config.holdDays.name", description = "%config.holdDays.description", min = "1", max = "365")
    int holdDays() default 90;
}
