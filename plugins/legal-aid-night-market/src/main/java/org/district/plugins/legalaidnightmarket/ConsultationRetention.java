package org.district.plugins.legalaidnightmarket;

import java.time.OffsetDateTime;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.privacy.Retention;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consultations keep what identifies a person — the contact, the lawyer's notes, the follow-up's
 * result — for a year unless the city sets otherwise; then those are erased and the rest (category,
 * visitor, outcome, dates) stays for the monthly figures.
 */
@Component(service = Retention.class)
public class ConsultationRetention implements Retention {

    static final int DEFAULT_DAYS = 365;

    @Reference
    private ModuleDatabase database;

    @Override
    public String dataset() {
        return "consultations";
    }

    @Override
    public String description() {
        return "Contacts, notes and follow-up results of consultations; the figures keep the rest.";
    }

    @Override
    public int defaultDays() {
        return DEFAULT_DAYS;
    }

    @Override
    public long purgeBefore(OffsetDateTime cutoff) {
        return database.transaction(em -> em.createQuery("update Consultation c set c.contact = null, c.contactConsent = false,"
                + " c.summary = null, c.followUpResult = null where c.loggedAt < :cutoff"
                + " and (c.contact is not null or c.summary is not null or c.followUpResult is not null)")
                .setParameter("cutoff", cutoff).executeUpdate());
    }
}
