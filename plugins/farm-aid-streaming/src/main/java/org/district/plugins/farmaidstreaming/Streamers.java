package org.district.plugins.farmaidstreaming;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.plugins.farmaidstreaming.Drafts.AccountDraft;
import org.district.plugins.farmaidstreaming.Drafts.StreamerDraft;
import org.district.plugins.farmaidstreaming.Views.TrainingSummary;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The streamer roster: who streams, on which platforms, what they sell well, when they can go live. Every change is one transaction. */
@Component(service = Streamers.class)
public class Streamers {

    @Reference
    private ModuleDatabase database;

    /** Which streamers to list; every part is optional. {@code q} matches the handle. */
    public record Filter(String q, Platform platform, ProductCategory category, Boolean pioneer, Boolean active, Boolean trained) {
    }

    public Page<Streamer> list(Filter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.q() != null) {
            where.append(" and lower(s.handle) like :q");
            parameters.put("q", "%" + filter.q().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (filter.platform() != null) {
            where.append(" and s.id in (select x.id from Streamer x join x.accounts a where a.platform = :platform)");
            parameters.put("platform", filter.platform());
        }
        if (filter.category() != null) {
            where.append(" and s.id in (select y.id from Streamer y join y.categories c where c = :category)");
            parameters.put("category", filter.category());
        }
        if (filter.pioneer() != null) {
            where.append(" and s.pioneer = :pioneer");
            parameters.put("pioneer", filter.pioneer());
        }
        if (filter.active() != null) {
            where.append(" and s.active = :active");
            parameters.put("active", filter.active());
        }
        if (filter.trained() != null) {
            where.append(filter.trained() ? " and" : " and not").append(
                    " exists (select e from Enrolment e where e.streamer = s and e.status = :completed)");
            parameters.put("completed", Enrolment.Status.COMPLETED);
        }
        return database.read(em -> paging.of(
                query(em, "select s from Streamer s" + where + " order by s.handle, s.id", Streamer.class, parameters)
                        .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                query(em, "select count(s) from Streamer s" + where, Long.class, parameters).getSingleResult()));
    }

    public Streamer streamer(long id) {
        Streamer streamer = database.read(em -> em.find(Streamer.class, id));
        if (streamer == null) {
            throw Problem.notFound("There is no streamer " + id + ".");
        }
        return streamer;
    }

    public Streamer create(StreamerDraft draft) {
        Streamer.Details details = details(draft);
        return database.transaction(em -> {
            requireUniqueHandle(em, details.handle(), null);
            Streamer streamer = new Streamer(details, now());
            em.persist(streamer);
            return streamer;
        });
    }

    public Streamer update(long id, StreamerDraft draft) {
        Streamer.Details details = details(draft);
        return database.transaction(em -> {
            Streamer streamer = found(em, id);
            requireUniqueHandle(em, details.handle(), id);
            streamer.apply(details, now());
            return streamer;
        });
    }

    /** What taking a streamer off the roster did: deleted, or deactivated because sessions or training refer to them. */
    public enum Removal { DELETED, DEACTIVATED }

    public Removal remove(long id) {
        return database.transaction(em -> {
            Streamer streamer = found(em, id);
            long sessions = em.createQuery("select count(s) from LiveSession s where s.streamer = :s", Long.class)
                    .setParameter("s", streamer).getSingleResult();
            long enrolments = em.createQuery("select count(e) from Enrolment e where e.streamer = :s", Long.class)
                    .setParameter("s", streamer).getSingleResult();
            if (sessions + enrolments == 0) {
                em.remove(streamer);
                return Removal.DELETED;
            }
            long planned = em.createQuery("select count(s) from LiveSession s where s.streamer = :s and s.status in :on", Long.class)
                    .setParameter("s", streamer).setParameter("on", List.of(SessionStatus.PLANNED, SessionStatus.LIVE)).getSingleResult();
            if (planned > 0) {
                throw Problem.conflict("Streamer " + id + " has " + planned + " planned or live session(s); cancel them or hand them to another streamer first.");
            }
            streamer.deactivate(now());
            return Removal.DEACTIVATED;
        });
    }

    private static Streamer found(EntityManager em, long id) {
        Streamer streamer = em.find(Streamer.class, id);
        if (streamer == null) {
            throw Problem.notFound("There is no streamer " + id + ".");
        }
        return streamer;
    }

    private static void requireUniqueHandle(EntityManager em, String handle, Long except) {
        List<Streamer> same = em.createQuery("select s from Streamer s where lower(s.handle) = :h", Streamer.class)
                .setParameter("h", handle.toLowerCase(Locale.ROOT)).getResultList();
        if (same.stream().anyMatch(s -> !s.getId().equals(except))) {
            throw Problem.conflict("There is already a streamer with the handle '" + handle + "'.");
        }
    }

    static Streamer.Details details(StreamerDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        List<StreamerAccount> accounts = new ArrayList<>();
        List<AccountDraft> accountDrafts = draft.accounts() == null ? List.of() : draft.accounts();
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        for (int i = 0; i < accountDrafts.size(); i++) {
            AccountDraft account = accountDrafts.get(i);
            Optional<Platform> platform = Codes.parse(Platform.class, account.platform());
            if (platform.isEmpty()) {
                errors.add(new FieldError("accounts[" + i + "].platform", "'" + account.platform() + "' is not one of " + Codes.list(Platform.class)));
            } else if (!platforms.add(platform.get())) {
                errors.add(new FieldError("accounts[" + i + "].platform", "a streamer has one account per platform; " + platform.get().code() + " is listed twice"));
            } else {
                accounts.add(new StreamerAccount(platform.get(), account.accountId().strip(), account.followers()));
            }
        }
        Set<ProductCategory> categories = EnumSet.noneOf(ProductCategory.class);
        List<String> categoryTexts = draft.categories() == null ? List.of() : draft.categories();
        for (int i = 0; i < categoryTexts.size(); i++) {
            Optional<ProductCategory> category = Codes.parse(ProductCategory.class, categoryTexts.get(i));
            if (category.isEmpty()) {
                errors.add(new FieldError("categories[" + i + "]", "'" + categoryTexts.get(i) + "' is not one of " + Codes.list(ProductCategory.class)));
            } else {
                categories.add(category.get());
            }
        }
        List<WeeklyWindow> availability = new ArrayList<>();
        List<String> lines = draft.availability() == null ? List.of() : draft.availability();
        for (int i = 0; i < lines.size(); i++) {
            try {
                for (WeeklyWindow window : WeeklyWindow.parse(lines.get(i))) {
                    for (WeeklyWindow earlier : availability) {
                        if (earlier.overlaps(window)) {
                            throw new IllegalArgumentException("overlaps " + earlier);
                        }
                    }
                    availability.add(window);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("availability[" + i + "]", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new Streamer.Details(draft.handle().strip(), draft.realName().strip(), Params.blankToNull(draft.phone()),
                Boolean.TRUE.equals(draft.pioneer()), draft.active() == null || draft.active(), accounts, categories, availability);
    }

    /** Courses completed (distinct) and whether a certificate is held, for each of the streamers. */
    public Map<Long, TrainingSummary> training(Collection<Long> streamerIds) {
        Map<Long, TrainingSummary> summaries = new HashMap<>();
        if (streamerIds.isEmpty()) {
            return summaries;
        }
        database.read(em -> em.createQuery("select e.streamer.id, count(distinct e.courseSession.course.id), count(e.certificateNo)"
                + " from Enrolment e where e.status = :completed and e.streamer.id in :ids group by e.streamer.id", Object[].class)
                .setParameter("completed", Enrolment.Status.COMPLETED).setParameter("ids", List.copyOf(streamerIds)).getResultList())
                .forEach(row -> summaries.put(((Number) row[0]).longValue(),
                        new TrainingSummary(((Number) row[1]).intValue(), ((Number) row[2]).longValue() > 0)));
        return summaries;
    }

    /** Every enrolment of the streamer, oldest class first. */
    public List<Enrolment> enrolments(long streamerId) {
        return database.read(em -> em.createQuery("select e from Enrolment e where e.streamer.id = :s"
                + " order by e.courseSession.startsAt, e.id", Enrolment.class).setParameter("s", streamerId).getResultList());
    }

    /** Every active streamer, for matching. */
    public List<Streamer> active() {
        return database.read(em -> em.createQuery("select s from Streamer s where s.active = true order by s.id", Streamer.class).getResultList());
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type, Map<String, Object> parameters) {
        TypedQuery<T> query = em.createQuery(jpql, type);
        parameters.forEach(query::setParameter);
        return query;
    }
}
