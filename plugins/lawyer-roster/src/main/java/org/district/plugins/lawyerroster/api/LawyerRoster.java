package org.district.plugins.lawyerroster.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The roster's service for other modules. */
@ProviderType
public interface LawyerRoster {

    /** Active lawyers with the specialty, or all active lawyers when it is null; by name. */
    List<LawyerSummary> activeLawyers(Specialty specialty);

    Optional<LawyerSummary> lawyer(long id);

    /**
     * A fair duty rota for the sessions among the active lawyers: each session gets one lawyer who
     * is available then, has every required specialty, is not on duty elsewhere at the same time,
     * and has not reached {@code maxPerLawyerPerMonth} duties in that month (duties already served
     * count). Duties are spread as evenly as possible. The same input gives the same rota.
     */
    Rota rota(List<RotaSession> sessions, int maxPerLawyerPerMonth);

    /** Records a duty the lawyer served; its hours count towards their volunteer hours. */
    void recordDuty(long lawyerId, LocalDateTime start, LocalDateTime end, String place);
}
