package org.district.testmodules.failsonactivation;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A module whose only component throws when it is activated. */
@Component(immediate = true)
public class Broken {

    @Activate
    void activate() {
        throw new IllegalStateException("the station registry file is missing");
    }
}
