package org.district.testmodules.greeter;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What a city sets for the greeter (PID {@value Greeter#PID}); every setting has a default. */
@ObjectClassDefinition(name = "Greeter", description = "What the greeter says and how many visitors it lists.")
public @interface GreeterSettings {

    /** Was {@code greeting} in version 1.0.0: the bundle's District-Setting-Renames header moves its value. */
    @AttributeDefinition(name = "Welcome", description = "What the greeter says.")
    String welcome() default "Hello";

    @AttributeDefinition(name = "Signature", description = "How the greeter signs; may be empty.", required = false)
    String signature() default "";

    @AttributeDefinition(name = "Visitors shown", description = "How many of the latest visitors the list shows.", min = "1", max = "50")
    int visitorsShown() default 10;
}
