package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.district.platform.api.access.Places;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Problem;
import org.district.plugins.lawyerroster.api.LawyerRoster;
import org.district.plugins.lawyerroster.api.LawyerSummary;
import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.RotaSession;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.legalaidnightmarket.DutyAssignment.Source;
import org.district.plugins.legalaidnightmarket.DutyAssignment.Status;
import org.district.plugins.legalaidnightmarket.Views.RotaLine;
import org.district.plugins.legalaidnightmarket.Views.RotaReport;
import org.district.plugins.legalaidnightmarket.Views.Unfilled;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who may be on duty, and the month's rota in one step. The roster decides who is active and
 * available and spreads the duties fairly; this module adds what only it knows: the lawyer's other
 * night-market duties, at this market or another, which must neither overlap nor pass the monthly
 * maximum.
 */
@Component(service = DutyRota.class)
public class DutyRota {

    /** Duties a lawyer takes per month at most, unless the coordinator says otherwise. */
    public static final int DEFAULT_MAX_PER_MONTH = 4;
    /** More lawyers than any city's roster holds for one specialty. */
    private static final int MAX_COPIES = 8192;

    @Reference
    private ModuleDatabase database;

    @Reference
    private LawyerRoster roster;

    /** The lawyer, if they may serve the session; otherwise a 400 naming {@code lawyerId} that says why not. */
    public LawyerSummary requireEligible(MarketSession session, long lawyerId) {
        LawyerSummary lawyer = roster.lawyer(lawyerId)
                .orElseThrow(() -> Problem.invalid("lawyerId", "there is no lawyer " + lawyerId + " on the roster"));
        whyNot(lawyer, session.getMarket(), session.getDate(), session.getStart(), session.getEnd(), session.getId())
                .ifPresent(reason -> {
                    throw Problem.invalid("lawyerId", reason);
                });
        return lawyer;
    }

    /** Why the lawyer cannot serve at the market then, or empty when they can; {@code ignoring} is the session itself. */
    public Optional<String> whyNot(long lawyerId, Market market, LocalDate date, LocalTime start, LocalTime end, Long ignoring) {
        Optional<LawyerSummary> lawyer = roster.lawyer(lawyerId);
        if (lawyer.isEmpty()) {
            return Optional.of("there is no lawyer " + lawyerId + " on the roster");
        }
        return whyNot(lawyer.get(), market, date, start, end, ignoring);
    }

    private Optional<String> whyNot(LawyerSummary lawyer, Market market, LocalDate date, LocalTime start, LocalTime end, Long ignoring) {
        if (!lawyer.active()) {
            return Optional.of(lawyer.name() + " is not active on the roster");
        }
        Set<Specialty> missing = EnumSet.noneOf(Specialty.class);
        missing.addAll(market.specialties());
        missing.removeAll(lawyer.specialties());
        if (!missing.isEmpty()) {
            return Optional.of(lawyer.name() + " lacks the market's duty specialties: "
                    + missing.stream().map(Specialty::code).collect(Collectors.joining(", ")));
        }
        if (!available(lawyer, date.atTime(start), date.atTime(end), market.where())) {
            return Optional.of(lawyer.name() + " is not available on " + date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    + " " + date + " " + start + "-" + end + " by their weekly availability in the roster");
        }
        MarketSession probe = new MarketSession(market, date, start, end, null);
        Optional<MarketSession> clash = dutiesOf(lawyer.id(), date, date).stream()
                .filter(s -> !s.getId().equals(ignoring) && s.getStatus() != SessionStatus.CANCELLED && s.overlaps(probe))
                .findFirst();
        return clash.map(s -> lawyer.name() + " is already on duty at " + s.getMarket().getName() + " on " + s.getDate() + " "
                + s.getStart() + "-" + s.getEnd());
    }

    /**
     * Whether the roster has the lawyer available then. Its service answers this only through a rota:
     * asked to staff several simultaneous copies of the evening, each needing this lawyer's
     * specialties, it gives every copy it can to a different lawyer. Once some copy stays unfilled,
     * every lawyer who could serve then has one, so this lawyer has one exactly when available; until
     * then the copies are doubled. (A direct question to the roster would be simpler; its API does
     * not have one yet.)
     */
    private boolean available(LawyerSummary lawyer, LocalDateTime start, LocalDateTime end, String place) {
        for (int copies = 8; copies <= MAX_COPIES; copies *= 2) {
            List<RotaSession> evening = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                evening.add(new RotaSession("availability-" + i, start, end, place, lawyer.specialties()));
            }
            Rota rota = roster.rota(evening, Integer.MAX_VALUE);
            if (rota.assignments().stream().anyMatch(a -> a.lawyerId() == lawyer.id())) {
                return true;
            }
            if (!rota.unfilled().isEmpty()) {
                return false;
            }
        }
        throw new IllegalStateException("more than " + MAX_COPIES + " lawyers could serve at once; the availability of "
                + lawyer.name() + " could not be told");
    }

    /** The sessions, at any market, at which the lawyer holds an active duty between the two days. */
    private List<MarketSession> dutiesOf(long lawyerId, LocalDate from, LocalDate to) {
        return database.read(em -> em.createQuery("select d.session from DutyAssignment d where d.lawyerId = :l and d.status = :active"
                + " and d.session.date >= :from and d.session.date <= :to", MarketSession.class)
                .setParameter("l", lawyerId).setParameter("active", Status.ACTIVE).setParameter("from", from).setParameter("to", to)
                .getResultList());
    }

    // --- the month's rota in one step

    /**
     * Fills the duty of every session of the market in the month that is still to come, planned or
     * open, and has no lawyer on duty: the roster proposes a fair rota, sessions a proposed lawyer
     * cannot take because of their other night-market duties stay unfilled, and the rest are stored.
     * Unfilled sessions come back with the reason. A coordinator limited to places fills the rota
     * of a market in them only (403 naming {@code id}); the lawyers are the whole roster's.
     */
    public RotaReport fill(long marketId, YearMonth month, int maxPerLawyerPerMonth, String by, Places places) {
        Market market = database.read(em -> em.find(Market.class, marketId));
        if (market == null) {
            throw Problem.notFound("There is no market " + marketId + ".");
        }
        market.requireWithin(places, "id");
        LocalDate today = NightMarket.today(market);
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<MarketSession> sessions = database.read(em -> em.createQuery("select s from MarketSession s where s.market = :m"
                + " and s.date >= :from and s.date <= :to order by s.date, s.start, s.id", MarketSession.class)
                .setParameter("m", market).setParameter("from", from.isBefore(today) ? today : from).setParameter("to", to).getResultList())
                .stream().filter(MarketSession::isUpcoming).toList();
        List<DutyAssignment> monthDuties = database.read(em -> em.createQuery("select d from DutyAssignment d where d.status = :active"
                + " and d.session.date >= :from and d.session.date <= :to", DutyAssignment.class)
                .setParameter("active", Status.ACTIVE).setParameter("from", from).setParameter("to", to).getResultList());
        Set<Long> covered = monthDuties.stream().map(d -> d.getSession().getId()).collect(Collectors.toSet());
        List<MarketSession> open = sessions.stream().filter(s -> !covered.contains(s.getId())).toList();
        int alreadyCovered = sessions.size() - open.size();
        if (open.isEmpty()) {
            return new RotaReport(month.toString(), List.of(), List.of(), alreadyCovered);
        }

        Map<String, MarketSession> byKey = new HashMap<>();
        List<RotaSession> wanted = new ArrayList<>();
        for (MarketSession session : open) {
            String key = "session-" + session.getId();
            byKey.put(key, session);
            wanted.add(new RotaSession(key, session.starts(), session.ends(), market.where(), market.specialties()));
        }
        Rota proposed = roster.rota(wanted, maxPerLawyerPerMonth);

        Map<Long, List<MarketSession>> busy = new HashMap<>();
        for (DutyAssignment duty : monthDuties) {
            if (duty.getSession().getStatus() != SessionStatus.CANCELLED) {
                busy.computeIfAbsent(duty.getLawyerId(), id -> new ArrayList<>()).add(duty.getSession());
            }
        }
        Screened screened = screen(proposed.assignments(), byKey, busy, maxPerLawyerPerMonth, month);

        List<Unfilled> unfilled = new ArrayList<>();
        for (Rota.Unfilled missing : proposed.unfilled()) {
            MarketSession session = byKey.get(missing.sessionKey());
            unfilled.add(new Unfilled(session.getId(), session.getDate(), session.getStart(), missing.reason()));
        }
        screened.refused().forEach(r -> unfilled.add(new Unfilled(r.session().getId(), r.session().getDate(), r.session().getStart(), r.reason())));

        Map<Long, LawyerSummary> lawyers = new HashMap<>();
        for (Accepted accepted : screened.accepted()) {
            lawyers.computeIfAbsent(accepted.assignment().lawyerId(), id -> roster.lawyer(id).orElse(null));
        }
        List<RotaLine> assigned = database.transaction(em -> {
            List<RotaLine> lines = new ArrayList<>();
            for (Accepted accepted : screened.accepted()) {
                MarketSession session = em.find(MarketSession.class, accepted.session().getId());
                LawyerSummary lawyer = lawyers.get(accepted.assignment().lawyerId());
                boolean taken = !em.createQuery("select d from DutyAssignment d where d.session = :s and d.status = :active", DutyAssignment.class)
                        .setParameter("s", session).setParameter("active", Status.ACTIVE).getResultList().isEmpty();
                if (lawyer == null || taken || !session.isUpcoming()) {
                    unfilled.add(new Unfilled(session.getId(), session.getDate(), session.getStart(),
                            "the session or the lawyer changed while the rota was made; fill it again"));
                    continue;
                }
                em.persist(new DutyAssignment(session, lawyer, Source.ROTA, null, by));
                lines.add(new RotaLine(session.getId(), session.getDate(), session.getStart(), session.getEnd(), lawyer.id(), lawyer.name()));
            }
            return lines;
        });
        unfilled.sort(Comparator.comparing(Unfilled::date).thenComparing(Unfilled::start));
        return new RotaReport(month.toString(), assigned, unfilled, alreadyCovered);
    }

    record Accepted(MarketSession session, Rota.Assignment assignment) {
    }

    record Refused(MarketSession session, String reason) {
    }

    record Screened(List<Accepted> accepted, List<Refused> refused) {
    }

    /**
     * Checks the roster's proposal, in session order, against the duties the lawyers already hold at
     * the night markets ({@code busy}, by lawyer; it is extended with what is accepted): a proposal
     * that overlaps one of them, or would pass the monthly maximum, is refused with the reason.
     */
    static Screened screen(List<Rota.Assignment> proposed, Map<String, MarketSession> byKey, Map<Long, List<MarketSession>> busy,
            int maxPerLawyerPerMonth, YearMonth month) {
        List<Rota.Assignment> ordered = new ArrayList<>(proposed);
        ordered.sort(Comparator.comparing((Rota.Assignment a) -> byKey.get(a.sessionKey()).starts()).thenComparing(Rota.Assignment::sessionKey));
        List<Accepted> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Rota.Assignment assignment : ordered) {
            MarketSession session = byKey.get(assignment.sessionKey());
            List<MarketSession> theirs = busy.computeIfAbsent(assignment.lawyerId(), id -> new ArrayList<>());
            Optional<MarketSession> clash = theirs.stream().filter(s -> s.overlaps(session)).findFirst();
            if (clash.isPresent()) {
                refused.add(new Refused(session, assignment.lawyerName() + ", whom the roster proposed, is already on duty at "
                        + clash.get().getMarket().getName() + " then"));
            } else if (theirs.size() >= maxPerLawyerPerMonth) {
                refused.add(new Refused(session, assignment.lawyerName() + ", whom the roster proposed, already has "
                        + theirs.size() + " night-market duties in " + month));
            } else {
                accepted.add(new Accepted(session, assignment));
                theirs.add(session);
            }
        }
        return new Screened(accepted, refused);
    }
}
