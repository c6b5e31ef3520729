package org.district.plugins.farmaidstreaming;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.district.platform.api.access.Places;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.plugins.farmaidstreaming.Drafts.ResultDraft;
import org.district.plugins.farmaidstreaming.Drafts.ResultsDraft;
import org.district.plugins.farmaidstreaming.Drafts.SessionDraft;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Live sessions and their results. A session is planned, goes live, and is done once its results
 * are recorded; results are taken only for a session whose time has come and that was not
 * cancelled, and are written whole in one transaction with the session locked.
 *
 * <p>A session's places are its villages ({@link LiveSession#villages()}): a coordinator limited to
 * places lists, reads and changes only the sessions whose villages all lie in them, and plans only
 * such sessions. Streamers are the whole city's and may stream for any village.
 */
@Component(service = LiveSessions.class)
public class LiveSessions {

    /** How long a session lasts unless the coordinator says otherwise. */
    static final int DEFAULT_MINUTES = 120;
    /** How early before its time a session may be marked live (streamers warm up). */
    static final int EARLY_START_MINUTES = 30;

    @Reference
    private ModuleDatabase database;

    /** Which sessions to list; every part is optional but the places of the one asking; {@code from}/{@code to} are local times. */
    public record Filter(LocalDateTime from, LocalDateTime to, SessionStatus status, Long streamerId, Long villageId, Long productId,
            Platform platform, Places places) {
    }

    /**
     * Sessions by time. A {@code village} or {@code product} outside the caller's places is refused
     * (403 naming it); a coordinator limited to places gets only the sessions within them, counted
     * before paging.
     */
    public Page<LiveSession> list(Filter filter, PageRequest paging) {
        requireWithin(filter);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.from() != null) {
            where.append(" and s.scheduledAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and s.scheduledAt < :to");
            parameters.put("to", filter.to());
        }
        if (filter.status() != null) {
            where.append(" and s.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.streamerId() != null) {
            where.append(" and s.streamer.id = :streamer");
            parameters.put("streamer", filter.streamerId());
        }
        if (filter.villageId() != null) {
            where.append(" and s.id in (select x.id from LiveSession x join x.products p where p.village.id = :village)");
            parameters.put("village", filter.villageId());
        }
        if (filter.productId() != null) {
            where.append(" and s.id in (select y.id from LiveSession y join y.products q where q.id = :product)");
            parameters.put("product", filter.productId());
        }
        if (filter.platform() != null) {
            where.append(" and s.platform = :platform");
            parameters.put("platform", filter.platform());
        }
        if (!filter.places().isEverywhere()) {
            return Villages.page(database.read(em -> Streamers.query(em, "select s from LiveSession s" + where + " order by s.scheduledAt, s.id",
                    LiveSession.class, parameters).getResultList()).stream().filter(s -> s.within(filter.places())).toList(), paging);
        }
        return database.read(em -> paging.of(
                Streamers.query(em, "select s from LiveSession s" + where + " order by s.scheduledAt, s.id", LiveSession.class, parameters)
                        .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                Streamers.query(em, "select count(s) from LiveSession s" + where, Long.class, parameters).getSingleResult()));
    }

    /** Sessions to come as the public sees them: planned or live, not yet over, from now until {@code until}. */
    public Page<LiveSession> upcoming(LocalDateTime now, LocalDateTime until, Platform platform, Long villageId, PageRequest paging) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where s.status in :on and s.scheduledAt < :until and s.scheduledAt >= :earliest");
        parameters.put("on", List.of(SessionStatus.PLANNED, SessionStatus.LIVE));
        parameters.put("until", until);
        // A session that started up to 12 hours ago may still be on; the end is checked below, as minutes vary.
        parameters.put("earliest", now.minusMinutes(12 * 60));
        if (platform != null) {
            where.append(" and s.platform = :platform");
            parameters.put("platform", platform);
        }
        if (villageId != null) {
            where.append(" and s.id in (select x.id from LiveSession x join x.products p where p.village.id = :village)");
            parameters.put("village", villageId);
        }
        List<LiveSession> all = database.read(em -> Streamers.query(em, "select s from LiveSession s" + where + " order by s.scheduledAt, s.id",
                LiveSession.class, parameters).getResultList()).stream().filter(s -> s.endsAt().isAfter(now)).toList();
        int from = Math.min(paging.offset(), all.size());
        return paging.of(all.subList(from, Math.min(from + paging.size(), all.size())), all.size());
    }

    private void requireWithin(Filter filter) {
        if (filter.places().isEverywhere()) {
            return;
        }
        database.read(em -> {
            Village village = filter.villageId() == null ? null : em.find(Village.class, filter.villageId());
            if (village != null) {
                village.requireWithin(filter.places(), "village");
            }
            Product product = filter.productId() == null ? null : em.find(Product.class, filter.productId());
            if (product != null) {
                product.getVillage().requireWithin(filter.places(), "product");
            }
            return null;
        });
    }

    /** The session, refused (403 naming {@code id}) to a coordinator whose places do not hold every village of it. */
    public LiveSession session(long id, Places places) {
        return database.read(em -> found(em, id, false, places));
    }

    /** Plans a session; a coordinator limited to places plans one for villages within them only. */
    public LiveSession create(SessionDraft draft, Places places) {
        return database.transaction(em -> {
            LiveSession.Plan plan = plan(em, draft, null);
            requireWithin(plan, places);
            LiveSession session = new LiveSession(plan);
            requireStreamerFree(em, session);
            em.persist(session);
            return session;
        });
    }

    /** Changes a planned session: time, streamer, platform or products. */
    public LiveSession update(long id, SessionDraft draft, Places places) {
        return database.transaction(em -> {
            LiveSession session = found(em, id, true, places);
            if (session.getStatus() != SessionStatus.PLANNED) {
                throw Problem.conflict("Session " + id + " is " + session.getStatus().code() + "; only a planned session can be changed.");
            }
            LiveSession.Plan plan = plan(em, draft, session);
            requireWithin(plan, places);
            session.apply(plan);
            requireStreamerFree(em, session);
            return session;
        });
    }

    /** Checks a draft against the roster and the products; every fault is a 400 naming its field. */
    private static LiveSession.Plan plan(EntityManager em, SessionDraft draft, LiveSession current) {
        List<FieldError> errors = new ArrayList<>();
        Streamer streamer = em.find(Streamer.class, draft.streamerId());
        if (streamer == null) {
            errors.add(new FieldError("streamerId", "there is no streamer " + draft.streamerId()));
        } else if (!streamer.isActive() && (current == null || !current.getStreamer().getId().equals(streamer.getId()))) {
            errors.add(new FieldError("streamerId", "streamer " + draft.streamerId() + " (" + streamer.getHandle() + ") is inactive"));
        }
        Platform platform = Codes.parse(Platform.class, draft.platform()).orElse(null);
        if (platform == null) {
            errors.add(new FieldError("platform", "'" + draft.platform() + "' is not one of " + Codes.list(Platform.class)));
        } else if (streamer != null && streamer.account(platform).isEmpty()) {
            errors.add(new FieldError("platform", streamer.getHandle() + " has no account on " + platform.code()
                    + (streamer.accounts().isEmpty() ? "" : "; they stream on "
                            + String.join(", ", streamer.accounts().stream().map(a -> a.getPlatform().code()).toList()))));
        }
        LocalDateTime scheduledAt = null;
        try {
            scheduledAt = Params.time("scheduledAt", draft.scheduledAt());
        } catch (Problem p) {
            errors.addAll(p.errors());
        }
        Village village = null;
        if (draft.villageId() != null) {
            village = em.find(Village.class, draft.villageId());
            if (village == null) {
                errors.add(new FieldError("villageId", "there is no village " + draft.villageId()));
            }
        }
        List<Product> products = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Set<Long> featuredBefore = new HashSet<>();
        if (current != null) {
            current.products().forEach(p -> featuredBefore.add(p.getId()));
        }
        for (int i = 0; i < draft.productIds().size(); i++) {
            long productId = draft.productIds().get(i);
            String field = "productIds[" + i + "]";
            Product product = em.find(Product.class, productId);
            if (product == null) {
                errors.add(new FieldError(field, "there is no product " + productId));
            } else if (!seen.add(productId)) {
                errors.add(new FieldError(field, "product " + productId + " is listed twice"));
            } else if (!product.isActive() && !featuredBefore.contains(productId)) {
                errors.add(new FieldError(field, "product " + productId + " (" + product.getName() + ") is no longer sold"));
            } else if (village != null && !product.getVillage().getId().equals(village.getId())) {
                errors.add(new FieldError(field, "product " + productId + " (" + product.getName() + ") is " + product.getVillage().getName()
                        + "'s, not " + village.getName() + "'s, whose session this is"));
            } else {
                products.add(product);
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        int minutes = draft.minutes() == null ? DEFAULT_MINUTES : draft.minutes();
        return new LiveSession.Plan(streamer, platform, village, scheduledAt, minutes, Params.blankToNull(draft.title()), products);
    }

    /** Refuses (403) a planned session for a village outside the caller's places, naming the draft's field that brings it in. */
    private static void requireWithin(LiveSession.Plan plan, Places places) {
        if (plan.village() != null) {
            plan.village().requireWithin(places, "villageId");
        }
        for (int i = 0; i < plan.products().size(); i++) {
            plan.products().get(i).getVillage().requireWithin(places, "productIds[" + i + "]");
        }
    }

    /** One streamer, one session at a time: an overlapping planned or live session of theirs is a conflict. */
    private static void requireStreamerFree(EntityManager em, LiveSession session) {
        LocalDateTime from = session.getScheduledAt();
        LocalDateTime to = session.endsAt();
        em.createQuery("select s from LiveSession s where s.streamer = :streamer and s.status in :on"
                + " and s.scheduledAt < :to and s.scheduledAt >= :earliest", LiveSession.class)
                .setParameter("streamer", session.getStreamer()).setParameter("on", List.of(SessionStatus.PLANNED, SessionStatus.LIVE))
                .setParameter("to", to).setParameter("earliest", from.minusMinutes(12 * 60)).getResultList().stream()
                .filter(other -> !other.getId().equals(session.getId()) && other.overlaps(from, to)).findFirst()
                .ifPresent(other -> {
                    throw Problem.conflict(session.getStreamer().getHandle() + " is already in session " + other.getId() + " from "
                            + other.getScheduledAt() + " to " + other.endsAt() + ".");
                });
    }

    /** Marks the session live, from half an hour before its time. */
    public LiveSession goLive(long id, Places places) {
        return database.transaction(em -> {
            LiveSession session = found(em, id, true, places);
            if (session.getScheduledAt().minusMinutes(EARLY_START_MINUTES).isAfter(Params.now())) {
                throw Problem.conflict("Session " + id + " is scheduled for " + session.getScheduledAt() + "; it can go live from "
                        + EARLY_START_MINUTES + " minutes before.");
            }
            session.goLive();
            return session;
        });
    }

    public LiveSession cancel(long id, String reason, Places places) {
        return database.transaction(em -> {
            LiveSession session = found(em, id, true, places);
            session.cancel(reason.strip());
            return session;
        });
    }

    /**
     * Records what the session sold, replacing what was recorded before, in one transaction with the
     * session locked; the session is done afterwards. Refused with a 400 naming {@code session} when
     * the session was cancelled or its time has not come, and naming the result's field for a
     * product the session did not feature, a product listed twice, more orders than units, more
     * returns than orders, or a declared total that is not the sum.
     */
    public LiveSession recordResults(long id, ResultsDraft draft, String by, Places places) {
        return database.transaction(em -> {
            LiveSession session = found(em, id, true, places);
            requireHappened(session);
            Map<Long, Product> featured = new HashMap<>();
            session.products().forEach(p -> featured.put(p.getId(), p));
            List<FieldError> errors = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            List<SessionResult> results = new ArrayList<>();
            BigDecimal total = Money.ZERO;
            for (int i = 0; i < draft.results().size(); i++) {
                ResultDraft line = draft.results().get(i);
                String prefix = "results[" + i + "].";
                Product product = featured.get(line.productId());
                int returns = line.returns() == null ? 0 : line.returns();
                if (product == null) {
                    errors.add(new FieldError(prefix + "productId", "product " + line.productId() + " was not featured in session " + id
                            + " (featured: " + featured.keySet().stream().sorted().toList() + ")"));
                } else if (!seen.add(line.productId())) {
                    errors.add(new FieldError(prefix + "productId", "product " + line.productId() + " is listed twice"));
                }
                if (line.orders() > line.unitsSold()) {
                    errors.add(new FieldError(prefix + "orders", "must not exceed the units sold (" + line.unitsSold() + "): every order is at least one unit"));
                }
                if (returns > line.orders()) {
                    errors.add(new FieldError(prefix + "returns", "must not exceed the orders (" + line.orders() + ")"));
                }
                if (line.unitsSold() == 0 && line.salesValue().signum() != 0) {
                    errors.add(new FieldError(prefix + "salesValue", "must be 0 when no unit was sold"));
                }
                total = total.add(line.salesValue());
                if (product != null) {
                    results.add(new SessionResult(session, product, line.unitsSold(), line.salesValue(), line.orders(), returns));
                }
            }
            if (draft.totalSalesValue() != null && errors.isEmpty() && Money.yuan(draft.totalSalesValue()).compareTo(Money.yuan(total)) != 0) {
                errors.add(new FieldError("totalSalesValue", "is " + Money.yuan(draft.totalSalesValue()).toPlainString()
                        + " but the products' sales values add up to " + Money.yuan(total).toPlainString()));
            }
            if (!errors.isEmpty()) {
                throw Problem.invalid(errors);
            }
            em.createQuery("delete from SessionResult r where r.session = :s").setParameter("s", session).executeUpdate();
            results.forEach(em::persist);
            session.resultsRecorded(OffsetDateTime.now(ZoneOffset.UTC), by);
            return session;
        });
    }

    private static void requireHappened(LiveSession session) {
        if (session.getStatus() == SessionStatus.CANCELLED) {
            throw Problem.invalid("session", "session " + session.getId() + " was cancelled (" + session.getCancelReason()
                    + "); it has no results");
        }
        if (session.getScheduledAt().isAfter(Params.now())) {
            throw Problem.invalid("session", "session " + session.getId() + " is scheduled for " + session.getScheduledAt()
                    + " and has not happened yet");
        }
    }

    /** The results of the session, by product. */
    public List<SessionResult> results(long sessionId) {
        return results(List.of(sessionId)).getOrDefault(sessionId, List.of());
    }

    /** The results of each of the sessions, by product. */
    public Map<Long, List<SessionResult>> results(Collection<Long> sessionIds) {
        Map<Long, List<SessionResult>> bySession = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return bySession;
        }
        database.read(em -> em.createQuery("select r from SessionResult r where r.session.id in :ids order by r.session.id, r.product.id",
                SessionResult.class).setParameter("ids", List.copyOf(sessionIds)).getResultList())
                .forEach(r -> bySession.computeIfAbsent(r.getSession().getId(), k -> new ArrayList<>()).add(r));
        return bySession;
    }

    /** Planned or live sessions of active streamers overlapping the time, for matching: streamer id to the session. */
    public Map<Long, LiveSession> busy(LocalDateTime from, LocalDateTime to) {
        Map<Long, LiveSession> busy = new HashMap<>();
        database.read(em -> em.createQuery("select s from LiveSession s where s.status in :on and s.scheduledAt < :to"
                + " and s.scheduledAt >= :earliest order by s.scheduledAt, s.id", LiveSession.class)
                .setParameter("on", List.of(SessionStatus.PLANNED, SessionStatus.LIVE)).setParameter("to", to)
                .setParameter("earliest", from.minusMinutes(12 * 60)).getResultList())
                .stream().filter(s -> s.overlaps(from, to)).forEach(s -> busy.putIfAbsent(s.getStreamer().getId(), s));
        return busy;
    }

    private static LiveSession found(EntityManager em, long id, boolean lock, Places places) {
        LiveSession session = found(em, id, lock);
        session.requireWithin(places, "id");
        return session;
    }

    private static LiveSession found(EntityManager em, long id, boolean lock) {
        LiveSession session = lock ? em.find(LiveSession.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(LiveSession.class, id);
        if (session == null) {
            throw Problem.notFound("There is no session " + id + ".");
        }
        return session;
    }
}
