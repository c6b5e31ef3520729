package org.district.plugins.legalaidnightmarket;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.district.platform.api.access.Places;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.plugins.lawyerroster.api.LawyerRoster;
import org.district.plugins.lawyerroster.api.LawyerSummary;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.district.plugins.legalaidnightmarket.Catalogue.Category;
import org.district.plugins.legalaidnightmarket.Catalogue.Outcome;
import org.district.plugins.legalaidnightmarket.Catalogue.Visitor;
import org.district.plugins.legalaidnightmarket.Drafts.ConsultationDraft;
import org.district.plugins.legalaidnightmarket.Drafts.FollowUpDraft;
import org.district.plugins.legalaidnightmarket.Drafts.MarketDraft;
import org.district.plugins.legalaidnightmarket.Drafts.SessionDraft;
import org.district.plugins.legalaidnightmarket.DutyAssignment.Source;
import org.district.plugins.legalaidnightmarket.DutyAssignment.Status;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The night markets: markets and their stall schedule, sessions and who is on duty, consultations
 * and their follow-ups. Every change is one transaction. Lawyers come from the roster's service
 * only; the module keeps a lawyer's roster id and, with each duty, their public name and firm.
 *
 * <p>A market's place is its {@code district}; its sessions, their duties and consultations are
 * where the market is. A caller limited to places ({@link Places}) works only on the markets in
 * them: a record outside is refused (403) in the transaction that loads it, so nothing is
 * half-written, and lists and figures hold only the records of those markets. The lawyers are the
 * roster's, of the whole city: who may serve where is the roster's and the rota's concern.
 */
@Component(service = NightMarket.class)
public class NightMarket {

    /** The zone of a market that names none: the cities this platform serves keep China Standard Time. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final System.Logger LOG = System.getLogger(NightMarket.class.getName());

    @Reference
    private ModuleDatabase database;

    @Reference
    private LawyerRoster roster;

    @Reference
    private DutyRota rota;

    // --- markets

    public Page<Market> markets(PageRequest paging) {
        return markets(paging, Places.everywhere());
    }

    /** Markets by name; a caller limited to places sees the markets in them, counted before paging. */
    public Page<Market> markets(PageRequest paging, Places places) {
        if (!places.isEverywhere()) {
            List<Market> found = database.read(em -> em.createQuery("select m from Market m order by m.name, m.id", Market.class).getResultList())
                    .stream().filter(m -> places.covers(m.getDistrict())).toList();
            int from = Math.min(paging.offset(), found.size());
            return paging.of(found.subList(from, Math.min(from + paging.size(), found.size())), found.size());
        }
        return database.read(em -> paging.of(
                em.createQuery("select m from Market m order by m.name, m.id", Market.class)
                        .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                em.createQuery("select count(m) from Market m", Long.class).getSingleResult()));
    }

    public Market market(long id) {
        return market(id, Places.everywhere(), "id");
    }

    /** The market, refused (403, naming {@code field}) to a caller whose places do not hold it. */
    public Market market(long id, Places places, String field) {
        return database.read(em -> foundMarket(em, id, places, field));
    }

    private static Market foundMarket(EntityManager em, long id, Places places, String field) {
        Market market = em.find(Market.class, id);
        if (market == null) {
            throw Problem.notFound("There is no market " + id + ".");
        }
        market.requireWithin(places, field);
        return market;
    }

    /**
     * The ids of the markets in these places, to narrow a query with {@code in :markets}; null when
     * the caller is everywhere (no narrowing). Never empty: an empty list is no SQL.
     */
    Set<Long> marketsWithin(Places places) {
        if (places.isEverywhere()) {
            return null;
        }
        Set<Long> within = database.read(em -> em.createQuery("select m from Market m", Market.class).getResultList()).stream()
                .filter(m -> places.covers(m.getDistrict())).map(Market::getId).collect(Collectors.toCollection(java.util.HashSet::new));
        within.add(-1L);
        return within;
    }

    /** Adds a market; a coordinator limited to places adds it only within them. */
    public Market createMarket(MarketDraft draft, Places places) {
        Market.Details details = details(draft);
        places.require("district", details.district());
        return database.transaction(em -> {
            requireUniqueName(em, details.name(), null);
            Market market = new Market(details);
            em.persist(market);
            return market;
        });
    }

    /** Changes a market; a coordinator limited to places must hold it both before and after. */
    public Market updateMarket(long id, MarketDraft draft, Places places) {
        Market.Details details = details(draft);
        places.require("district", details.district());
        return database.transaction(em -> {
            Market market = foundMarket(em, id, places, "id");
            requireUniqueName(em, details.name(), id);
            market.apply(details);
            return market;
        });
    }

    /** Deletes a market that never had a session; one with history stays. */
    public void deleteMarket(long id, Places places) {
        database.execute(em -> {
            Market market = foundMarket(em, id, places, "id");
            long sessions = em.createQuery("select count(s) from MarketSession s where s.market = :m", Long.class)
                    .setParameter("m", market).getSingleResult();
            if (sessions > 0) {
                throw Problem.conflict("Market " + id + " has " + sessions + " session(s) on record and is kept for its history.");
            }
            em.remove(market);
        });
    }

    private static void requireUniqueName(EntityManager em, String name, Long except) {
        List<Market> same = em.createQuery("select m from Market m where m.name = :n", Market.class).setParameter("n", name).getResultList();
        if (same.stream().anyMatch(m -> !m.getId().equals(except))) {
            throw Problem.conflict("There is already a market named '" + name + "'.");
        }
    }

    static Market.Details details(MarketDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = DEFAULT_ZONE;
        if (draft.timeZone() != null && !draft.timeZone().isBlank()) {
            try {
                zone = ZoneId.of(draft.timeZone().strip());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "'" + draft.timeZone() + "' is not a time zone such as Asia/Shanghai"));
            }
        }
        List<WeeklyWindow> hours = new ArrayList<>();
        for (int i = 0; i < draft.openingHours().size(); i++) {
            try {
                WeeklyWindow window = WeeklyWindow.parse(draft.openingHours().get(i));
                if (window.end().equals(LocalTime.MAX)) {
                    errors.add(new FieldError("openingHours[" + i + "]", "a session ends on the day it starts: end at 23:59 at the latest"));
                    continue;
                }
                for (WeeklyWindow earlier : hours) {
                    if (earlier.overlaps(window)) {
                        errors.add(new FieldError("openingHours[" + i + "]", "overlaps " + earlier));
                    }
                }
                hours.add(window);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("openingHours[" + i + "]", e.getMessage()));
            }
        }
        Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
        List<String> wanted = draft.dutySpecialties() == null ? List.of() : draft.dutySpecialties();
        for (int i = 0; i < wanted.size(); i++) {
            String text = wanted.get(i);
            Optional<Specialty> specialty = Specialty.parse(text);
            if (specialty.isPresent()) {
                specialties.add(specialty.get());
            } else {
                errors.add(new FieldError("dutySpecialties[" + i + "]", "'" + text + "' is not a specialty of the lawyer roster"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new Market.Details(draft.name().strip(), draft.place().strip(), draft.district().strip(), zone, hours, specialties);
    }

    /** Today where the market is: what "tonight" and "overdue" mean there. */
    public static LocalDate today(Market market) {
        return LocalDate.now(market.zone());
    }

    // --- sessions

    /** Which sessions to list; every part is optional but the places of the one asking ({@link Places#everywhere()} for the public). */
    public record SessionFilter(Long marketId, LocalDate from, LocalDate to, SessionStatus status, Places places) {

        public SessionFilter(Long marketId, LocalDate from, LocalDate to, SessionStatus status) {
            this(marketId, from, to, status, Places.everywhere());
        }
    }

    /** Sessions by day; a market outside the caller's places is refused (403 naming {@code market}), and without one only theirs are listed. */
    public Page<MarketSession> sessions(SessionFilter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.marketId() != null) {
            if (!filter.places().isEverywhere()) {
                market(filter.marketId(), filter.places(), "market");
            }
            where.append(" and s.market.id = :market");
            parameters.put("market", filter.marketId());
        } else {
            Set<Long> within = marketsWithin(filter.places());
            if (within != null) {
                where.append(" and s.market.id in :markets");
                parameters.put("markets", within);
            }
        }
        if (filter.from() != null) {
            where.append(" and s.date >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and s.date <= :to");
            parameters.put("to", filter.to());
        }
        if (filter.status() != null) {
            where.append(" and s.status = :status");
            parameters.put("status", filter.status());
        }
        return database.read(em -> paging.of(
                query(em, "select s from MarketSession s" + where + " order by s.date, s.start, s.id", MarketSession.class, parameters)
                        .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                query(em, "select count(s) from MarketSession s" + where, Long.class, parameters).getSingleResult()));
    }

    /** The session, refused (403 naming {@code id}) to a caller whose places do not hold its market. */
    public MarketSession session(long id, Places places) {
        return database.read(em -> found(em, id, places));
    }

    public MarketSession planSession(long marketId, SessionDraft draft, Places places) {
        return database.transaction(em -> {
            Market market = foundMarket(em, marketId, places, "id");
            MarketSession session = new MarketSession(market, draft.date(), draft.start(), draft.end(), blankToNull(draft.theme()));
            requireFreeEvening(em, session);
            em.persist(session);
            return session;
        });
    }

    /** Moves a planned session; a lawyer already on duty must be able to serve the new time too. */
    public MarketSession reschedule(long id, SessionDraft draft, Places places) {
        MarketSession current = session(id, places);
        if (current.getStatus() != SessionStatus.PLANNED) {
            throw Problem.conflict("Session " + id + " is " + current.getStatus().code() + "; only a planned session can be rescheduled.");
        }
        if (!draft.end().isAfter(draft.start())) {
            throw Problem.invalid("end", "must be after start (" + draft.start() + "); a session ends on the day it starts");
        }
        activeDuty(id).ifPresent(duty -> rota.whyNot(duty.getLawyerId(), current.getMarket(), draft.date(), draft.start(), draft.end(), id)
                .ifPresent(reason -> {
                    throw Problem.invalid("start", reason + "; swap or cancel the duty first");
                }));
        return database.transaction(em -> {
            MarketSession session = found(em, id, places);
            session.reschedule(draft.date(), draft.start(), draft.end(), blankToNull(draft.theme()));
            requireFreeEvening(em, session);
            return session;
        });
    }

    private static void requireFreeEvening(EntityManager em, MarketSession session) {
        boolean taken = em.createQuery("select s from MarketSession s where s.market = :m and s.date = :d", MarketSession.class)
                .setParameter("m", session.getMarket()).setParameter("d", session.getDate()).getResultList().stream()
                .anyMatch(other -> !other.getId().equals(session.getId()) && other.getStatus() != SessionStatus.CANCELLED && other.overlaps(session));
        if (taken) {
            throw Problem.conflict("Market " + session.getMarket().getId() + " already has a session on " + session.getDate()
                    + " overlapping " + session.getStart() + "-" + session.getEnd() + ".");
        }
    }

    /** What setting up a month did. */
    public record Scheduled(List<MarketSession> planned, int alreadyPlanned) {
    }

    /** Plans a session for every evening of the month the market's opening hours give, from today on, that has none yet. */
    public Scheduled scheduleMonth(long marketId, YearMonth month, Places places) {
        return database.transaction(em -> {
            Market market = foundMarket(em, marketId, places, "id");
            List<MarketSession> existing = em.createQuery(
                    "select s from MarketSession s where s.market = :m and s.date >= :from and s.date <= :to", MarketSession.class)
                    .setParameter("m", market).setParameter("from", month.atDay(1)).setParameter("to", month.atEndOfMonth()).getResultList();
            List<MarketSession> planned = new ArrayList<>();
            int already = 0;
            for (StallSchedule.Evening evening : StallSchedule.evenings(market.hours(), month, today(market))) {
                MarketSession session = new MarketSession(market, evening.date(), evening.start(), evening.end(), null);
                if (existing.stream().anyMatch(other -> other.overlaps(session))) {
                    already++;
                    continue;
                }
                em.persist(session);
                planned.add(session);
            }
            return new Scheduled(planned, already);
        });
    }

    public MarketSession open(long id, Places places) {
        return database.transaction(em -> {
            MarketSession session = found(em, id, places);
            if (session.getDate().isAfter(today(session.getMarket()))) {
                throw Problem.conflict("Session " + id + " is on " + session.getDate() + "; it can be opened on the evening itself.");
            }
            session.open();
            return session;
        });
    }

    /** What closing did: the session, and whether the duty lawyer's hours went to the roster. */
    public record Closing(MarketSession session, boolean dutyRecorded) {
    }

    /** Closes the session and records the duty served with the roster, where it counts towards the lawyer's volunteer hours. */
    public Closing close(long id, Places places) {
        MarketSession closed = database.transaction(em -> {
            MarketSession session = found(em, id, places);
            if (session.getDate().isAfter(today(session.getMarket()))) {
                throw Problem.conflict("Session " + id + " is on " + session.getDate() + "; it can be closed once it has taken place.");
            }
            session.close();
            return session;
        });
        Optional<DutyAssignment> duty = activeDuty(id);
        if (duty.isEmpty()) {
            return new Closing(closed, false);
        }
        try {
            roster.recordDuty(duty.get().getLawyerId(), closed.starts(), closed.ends(), closed.getMarket().where());
            return new Closing(closed, true);
        } catch (RuntimeException e) {
            // The session stays closed: the evening happened. The coordinator can record the hours in the roster by hand.
            LOG.log(System.Logger.Level.WARNING, "Session " + id + " closed, but the roster did not record the duty of lawyer "
                    + duty.get().getLawyerId(), e);
            return new Closing(closed, false);
        }
    }

    public MarketSession cancel(long id, String reason, Places places) {
        return database.transaction(em -> {
            MarketSession session = found(em, id, places);
            long consultations = em.createQuery("select count(c) from Consultation c where c.session = :s", Long.class)
                    .setParameter("s", session).getSingleResult();
            if (consultations > 0) {
                throw Problem.conflict("Session " + id + " already has " + consultations + " consultation(s); close it instead.");
            }
            session.cancel(reason.strip());
            return session;
        });
    }

    private static MarketSession found(EntityManager em, long id, Places places) {
        MarketSession session = found(em, id);
        session.getMarket().requireWithin(places, "id");
        return session;
    }

    private static MarketSession found(EntityManager em, long id) {
        MarketSession session = em.find(MarketSession.class, id);
        if (session == null) {
            throw Problem.notFound("There is no session " + id + ".");
        }
        return session;
    }

    // --- duties

    public Optional<DutyAssignment> activeDuty(long sessionId) {
        return Optional.ofNullable(activeDuties(List.of(sessionId)).get(sessionId));
    }

    /** The active duty of each of the sessions that has one. */
    public Map<Long, DutyAssignment> activeDuties(Collection<Long> sessionIds) {
        Map<Long, DutyAssignment> duties = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return duties;
        }
        database.read(em -> em.createQuery("select d from DutyAssignment d where d.status = :active and d.session.id in :ids", DutyAssignment.class)
                .setParameter("active", Status.ACTIVE).setParameter("ids", List.copyOf(sessionIds)).getResultList())
                .forEach(d -> duties.put(d.getSession().getId(), d));
        return duties;
    }

    /** Every duty of the session, the active one and those swapped or cancelled, oldest first. */
    public List<DutyAssignment> duties(long sessionId, Places places) {
        session(sessionId, places);
        return database.read(em -> em.createQuery("select d from DutyAssignment d where d.session.id = :s order by d.id", DutyAssignment.class)
                .setParameter("s", sessionId).getResultList());
    }

    public DutyAssignment assign(long sessionId, long lawyerId, String by, Places places) {
        MarketSession current = session(sessionId, places);
        requireUpcoming(current);
        LawyerSummary lawyer = rota.requireEligible(current, lawyerId);
        return database.transaction(em -> {
            MarketSession session = found(em, sessionId, places);
            requireUpcoming(session);
            active(em, session).ifPresent(d -> {
                throw Problem.conflict("Session " + sessionId + " already has " + d.getLawyerName() + " on duty; swap the duty instead.");
            });
            DutyAssignment duty = new DutyAssignment(session, lawyer, Source.MANUAL, null, by);
            em.persist(duty);
            return duty;
        });
    }

    /** Hands the duty to another lawyer; the duty they take over stays on record as swapped, with the reason. */
    public DutyAssignment swap(long sessionId, long lawyerId, String reason, String by, Places places) {
        MarketSession current = session(sessionId, places);
        requireUpcoming(current);
        DutyAssignment before = activeDuty(sessionId)
                .orElseThrow(() -> Problem.conflict("Session " + sessionId + " has no lawyer on duty to swap; assign one instead."));
        if (before.getLawyerId() == lawyerId) {
            throw Problem.invalid("lawyerId", before.getLawyerName() + " is already on duty at this session");
        }
        LawyerSummary lawyer = rota.requireEligible(current, lawyerId);
        return database.transaction(em -> {
            MarketSession session = found(em, sessionId, places);
            DutyAssignment old = active(em, session).filter(d -> d.getId().equals(before.getId()))
                    .orElseThrow(() -> Problem.conflict("The duty of session " + sessionId + " changed meanwhile; reload and try again."));
            old.end(Status.SWAPPED, reason.strip(), by);
            // The old duty must give up the session's active slot before the new one takes it.
            em.flush();
            DutyAssignment duty = new DutyAssignment(session, lawyer, Source.MANUAL, old.getId(), by);
            em.persist(duty);
            return duty;
        });
    }

    public DutyAssignment cancelDuty(long sessionId, String reason, String by, Places places) {
        return database.transaction(em -> {
            MarketSession session = found(em, sessionId, places);
            requireUpcoming(session);
            DutyAssignment duty = active(em, session)
                    .orElseThrow(() -> Problem.conflict("Session " + sessionId + " has no lawyer on duty to cancel."));
            duty.end(Status.CANCELLED, reason.strip(), by);
            return duty;
        });
    }

    private static Optional<DutyAssignment> active(EntityManager em, MarketSession session) {
        return em.createQuery("select d from DutyAssignment d where d.session = :s and d.status = :active", DutyAssignment.class)
                .setParameter("s", session).setParameter("active", Status.ACTIVE).getResultList().stream().findFirst();
    }

    private static void requireUpcoming(MarketSession session) {
        if (!session.isUpcoming()) {
            throw Problem.conflict("Session " + session.getId() + " is " + session.getStatus().code() + "; its duty can no longer change.");
        }
    }

    /** Every session of the market between the two days, by day. */
    public List<MarketSession> sessionsOf(long marketId, LocalDate from, LocalDate to) {
        return database.read(em -> em.createQuery("select s from MarketSession s where s.market.id = :m and s.date >= :from and s.date <= :to"
                + " order by s.date, s.start, s.id", MarketSession.class)
                .setParameter("m", marketId).setParameter("from", from).setParameter("to", to).getResultList());
    }

    /** A session at which the lawyer is on duty ({@code active}) or was, until the duty was swapped or cancelled. */
    public record LawyerDuty(MarketSession session, boolean active) {
    }

    /** The sessions between the two days at which the lawyer is or was on duty, by day; each once. */
    public List<LawyerDuty> dutiesOf(long lawyerId, LocalDate from, LocalDate to) {
        List<DutyAssignment> duties = database.read(em -> em.createQuery("select d from DutyAssignment d where d.lawyerId = :l"
                + " and d.session.date >= :from and d.session.date <= :to order by d.session.date, d.session.start, d.id", DutyAssignment.class)
                .setParameter("l", lawyerId).setParameter("from", from).setParameter("to", to).getResultList());
        Map<Long, LawyerDuty> bySession = new LinkedHashMap<>();
        for (DutyAssignment duty : duties) {
            bySession.merge(duty.getSession().getId(), new LawyerDuty(duty.getSession(), duty.isActive()),
                    (earlier, later) -> earlier.active() ? earlier : later);
        }
        return List.copyOf(bySession.values());
    }

    // --- consultations

    /** Logs a consultation; the first one of a planned session opens it. */
    public Consultation log(long sessionId, ConsultationDraft draft, String by, Places places) {
        MarketSession known = session(sessionId, places);
        Consultation.Details details = details(draft, known);
        Long lawyerId = activeDuty(sessionId).map(DutyAssignment::getLawyerId).orElse(null);
        return database.transaction(em -> {
            MarketSession session = found(em, sessionId, places);
            requireLoggable(session);
            if (session.getStatus() == SessionStatus.PLANNED) {
                session.open();
            }
            Consultation consultation = new Consultation(session, lawyerId, details, OffsetDateTime.now(session.getMarket().zone()), by);
            em.persist(consultation);
            return consultation;
        });
    }

    private static void requireLoggable(MarketSession session) {
        if (session.getStatus() == SessionStatus.CANCELLED) {
            throw Problem.invalid("session", "session " + session.getId() + " was cancelled (" + session.getCancelReason()
                    + "); no consultation can be logged on it");
        }
        if (session.getDate().isAfter(today(session.getMarket()))) {
            throw Problem.invalid("session", "session " + session.getId() + " is on " + session.getDate()
                    + " and has not taken place yet");
        }
    }

    static Consultation.Details details(ConsultationDraft draft, MarketSession session) {
        requireLoggable(session);
        List<FieldError> errors = new ArrayList<>();
        Category category = entry(Category.class, "category", draft.category(), errors);
        Visitor visitor = entry(Visitor.class, "visitor", draft.visitor(), errors);
        Outcome outcome = entry(Outcome.class, "outcome", draft.outcome(), errors);
        String contact = blankToNull(draft.contact());
        if (contact != null && !Boolean.TRUE.equals(draft.contactConsent())) {
            errors.add(new FieldError("contact", "may be kept only with the person's consent: send contactConsent true, or leave the contact out"));
        }
        if (outcome == Outcome.FOLLOW_UP && draft.followUpDue() == null) {
            errors.add(new FieldError("followUpDue", "is needed when the outcome is follow_up"));
        }
        if (draft.followUpDue() != null && draft.followUpDue().isBefore(session.getDate())) {
            errors.add(new FieldError("followUpDue", "must not be before the session (" + session.getDate() + ")"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new Consultation.Details(category, visitor, blankToNull(draft.summary()), outcome, contact, draft.followUpDue());
    }

    private static <E extends Enum<E> & Catalogue.Entry> E entry(Class<E> type, String field, String text, List<FieldError> errors) {
        Optional<E> entry = Catalogue.parse(type, text);
        if (entry.isEmpty()) {
            errors.add(new FieldError(field, "'" + text + "' is not one of " + Catalogue.codes(type)));
        }
        return entry.orElse(null);
    }

    /**
     * Which consultations to list; every part is optional but the places of the one asking.
     * {@code overdue} keeps only follow-ups past due and not done.
     */
    public record ConsultationFilter(Long marketId, Long sessionId, LocalDate from, LocalDate to, Category category, Outcome outcome,
            boolean overdue, Places places) {
    }

    public Page<Consultation> consultations(ConsultationFilter filter, PageRequest paging) {
        List<Consultation> found = consultations(filter);
        int from = Math.min(paging.offset(), found.size());
        return paging.of(found.subList(from, Math.min(from + paging.size(), found.size())), found.size());
    }

    /**
     * Every consultation the filter matches, by session day, then as logged. A market or session
     * outside the caller's places is refused (403 naming {@code market} or {@code session}); without
     * them, only the consultations at the caller's markets are listed.
     */
    public List<Consultation> consultations(ConsultationFilter filter) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        Places places = filter.places();
        if (filter.marketId() != null) {
            if (!places.isEverywhere()) {
                market(filter.marketId(), places, "market");
            }
            where.append(" and c.session.market.id = :market");
            parameters.put("market", filter.marketId());
        }
        if (filter.sessionId() != null) {
            if (!places.isEverywhere()) {
                database.read(em -> found(em, filter.sessionId())).getMarket().requireWithin(places, "session");
            }
            where.append(" and c.session.id = :session");
            parameters.put("session", filter.sessionId());
        }
        Set<Long> within = filter.marketId() == null && filter.sessionId() == null ? marketsWithin(places) : null;
        if (within != null) {
            where.append(" and c.session.market.id in :markets");
            parameters.put("markets", within);
        }
        if (filter.from() != null) {
            where.append(" and c.session.date >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and c.session.date <= :to");
            parameters.put("to", filter.to());
        }
        if (filter.category() != null) {
            where.append(" and c.category = :category");
            parameters.put("category", filter.category());
        }
        if (filter.outcome() != null) {
            where.append(" and c.outcome = :outcome");
            parameters.put("outcome", filter.outcome());
        }
        if (filter.overdue()) {
            where.append(" and c.followUpDue is not null and c.followUpDone is null");
        }
        List<Consultation> found = database.read(em -> query(em,
                "select c from Consultation c" + where + " order by c.session.date, c.id", Consultation.class, parameters).getResultList());
        // "Overdue" depends on the day where each market is.
        return filter.overdue() ? found.stream().filter(c -> c.followUpOverdue(today(c.getSession().getMarket()))).toList() : found;
    }

    /** One consultation, refused (403 naming {@code id}) to a caller whose places do not hold its market. */
    public Consultation consultation(long id, Places places) {
        return database.read(em -> foundConsultation(em, id, places));
    }

    private static Consultation foundConsultation(EntityManager em, long id, Places places) {
        Consultation consultation = em.find(Consultation.class, id);
        if (consultation == null) {
            throw Problem.notFound("There is no consultation " + id + ".");
        }
        consultation.getSession().getMarket().requireWithin(places, "id");
        return consultation;
    }

    public Consultation followUp(long id, FollowUpDraft draft, Places places) {
        return database.transaction(em -> {
            Consultation consultation = foundConsultation(em, id, places);
            if (consultation.getFollowUpDue() == null) {
                throw Problem.conflict("Consultation " + id + " has no follow-up due.");
            }
            LocalDate today = today(consultation.getSession().getMarket());
            LocalDate done = draft.doneOn() == null ? today : draft.doneOn();
            if (done.isAfter(today)) {
                throw Problem.invalid("doneOn", "must not be in the future");
            }
            if (done.isBefore(consultation.getSession().getDate())) {
                throw Problem.invalid("doneOn", "must not be before the consultation (" + consultation.getSession().getDate() + ")");
            }
            consultation.recordFollowUp(done, draft.result().strip());
            return consultation;
        });
    }

    /** Counts of consultations per session. */
    public Map<Long, Long> consultationCounts(Collection<Long> sessionIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return counts;
        }
        database.read(em -> em.createQuery("select c.session.id, count(c) from Consultation c where c.session.id in :ids group by c.session.id",
                Object[].class).setParameter("ids", List.copyOf(sessionIds)).getResultList())
                .forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    // --- figures

    /**
     * What the figures are made of, for the sessions from {@code from} to {@code to}: no personal
     * data. Of one market, or of every market in the caller's places.
     */
    public List<Figures.Row> figureRows(Long marketId, LocalDate from, LocalDate to, Places places) {
        Set<Long> within = marketId == null ? marketsWithin(places) : null;
        String jpql = "select s.date, c.category, c.outcome, c.followUpDue, c.followUpDone from Consultation c join c.session s"
                + " where s.date >= :from and s.date <= :to"
                + (marketId != null ? " and s.market.id = :market" : within != null ? " and s.market.id in :markets" : "");
        return database.read(em -> {
            TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setParameter("from", from).setParameter("to", to);
            if (marketId != null) {
                query.setParameter("market", marketId);
            } else if (within != null) {
                query.setParameter("markets", within);
            }
            return query.getResultList().stream()
                    .map(r -> new Figures.Row((LocalDate) r[0], (Category) r[1], (Outcome) r[2], (LocalDate) r[3], (LocalDate) r[4]))
                    .toList();
        });
    }

    private static <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type, Map<String, Object> parameters) {
        TypedQuery<T> query = em.createQuery(jpql, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
