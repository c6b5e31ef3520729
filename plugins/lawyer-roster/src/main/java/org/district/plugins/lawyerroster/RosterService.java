package org.district.plugins.lawyerroster;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.district.platform.api.access.Places;
import org.district.platform.api.rest.Problem;
import org.district.plugins.lawyerroster.Roster.LawyerFilter;
import org.district.plugins.lawyerroster.api.LawyerRoster;
import org.district.plugins.lawyerroster.api.LawyerSummary;
import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.RotaSession;
import org.district.plugins.lawyerroster.api.Specialty;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The roster as other modules use it: the exported {@link LawyerRoster} service. It serves the whole
 * roster: a module that limits its own operators to places does so with its own records.
 */
@Component(service = LawyerRoster.class)
public class RosterService implements LawyerRoster {

    @Reference
    private Roster roster;

    @Override
    public List<LawyerSummary> activeLawyers(Specialty specialty) {
        return roster.lawyers(new LawyerFilter(specialty, null, null, null, null, true, Places.everywhere())).stream()
                .map(RosterService::summary).toList();
    }

    @Override
    public Optional<LawyerSummary> lawyer(long id) {
        try {
            return Optional.of(summary(roster.lawyer(id)));
        } catch (Problem notFound) {
            return Optional.empty();
        }
    }

    @Override
    public Rota rota(List<RotaSession> sessions, int maxPerLawyerPerMonth) {
        return roster.rota(sessions, maxPerLawyerPerMonth);
    }

    @Override
    public void recordDuty(long lawyerId, LocalDateTime start, LocalDateTime end, String place) {
        roster.recordDuty(lawyerId, start, end, place, Places.everywhere());
    }

    private static LawyerSummary summary(Lawyer lawyer) {
        return new LawyerSummary(lawyer.getId(), lawyer.getName(), lawyer.getFirm().getName(), lawyer.getSpecialties(),
                lawyer.getLanguages(), lawyer.isActive());
    }
}
