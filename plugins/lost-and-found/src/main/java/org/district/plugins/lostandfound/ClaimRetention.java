package org.district.plugins.lostandfound;

import java.time.OffsetDateTime;

import org.district.platform.api.privacy.Retention;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Claimants' names and phones are kept only as long as the city says (half a year unless an admin sets otherwise). */
@Component
public class ClaimRetention implements Retention {

    @Reference
    private Desk desk;

    @Override
    public String dataset() {
        return "claims";
    }

    @Override
    public String description() {
        return "names and phone numbers of the people who claimed items";
    }

    @Override
    public int defaultDays() {
        return 180;
    }

    @Override
    public long purgeBefore(OffsetDateTime cutoff) {
        return desk.forgetClaimantsBefore(cutoff);
    }
}
