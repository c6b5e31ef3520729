package ${package};

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What a city sets for this module (ConfigAdmin PID {@value Items#PID}), described with OSGi Metatype:
 * the console shows a form for it, and the platform checks each value against its type and range
 * before it changes anything. Names and descriptions are %keys of OSGI-INF/l10n/bundle*.properties.
 */
@ObjectClassDefinition(name = "%config.name", description = "%config.description", localization = "OSGI-INF/l10n/bundle")
public @interface ItemsConfiguration {

    @AttributeDefinition(name = "%config.maxItems.name", description = "%config.maxItems.description", min = "1", max = "100000")
    int maxItems() default 1000;
}
