package org.district.testmodules.greeter;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What a city sets for the greeter (PID {@value Greeter#PID}); every setting has a default. */
@ObjectClassDefinition(name = "Greeter", description = "What the greeter says and how many visitors it lists.")
public @interface GreeterSettings {

    @AttributeDefinition(name = "Greeting", description = "What the greeter says.")
    String greeting() default "Hello";

    @AttributeDefinition(name = "Visitors shown", description = "How many of the latest visitors the list shows.", min = "1", max = "50")
    int visitorsShown() default 10;
}
