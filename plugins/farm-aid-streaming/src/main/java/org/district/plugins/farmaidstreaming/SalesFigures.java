package org.district.plugins.farmaidstreaming;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.TypedQuery;

import org.district.platform.api.access.Places;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Problem;
import org.district.plugins.farmaidstreaming.Params.Months;
import org.district.plugins.farmaidstreaming.Views.TrainingSummary;
import org.district.plugins.farmaidstreaming.matching.StreamerMatching;
import org.district.plugins.farmaidstreaming.matching.StreamerMatching.Candidate;
import org.district.plugins.farmaidstreaming.matching.StreamerMatching.Track;
import org.district.plugins.farmaidstreaming.reports.SalesChart;
import org.district.plugins.farmaidstreaming.reports.SalesReport;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Dimension;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What reports, charts and streamer suggestions are made of, read straight from the per-product
 * results (the one place sales are kept) and the impact rows. No personal data: streamers appear
 * by handle only. Reports for a coordinator limited to places hold the villages in them only: each
 * product's result counts for its village, so a streamer's line holds what they sold for those.
 */
@Component(service = SalesFigures.class)
public class SalesFigures {

    /** The longest period one report may cover. */
    public static final int MAX_MONTHS = 60;

    @Reference
    private ModuleDatabase database;

    @Reference
    private Streamers streamers;

    @Reference
    private LiveSessions sessions;

    @Reference
    private Villages villages;

    /** The report of one village, refused (403 naming {@code village}) outside the caller's places, or of every village in them. */
    public SalesReport.Report report(Dimension by, Months months, Long villageId, Places places) {
        if (villageId != null) {
            Village village = database.read(em -> em.find(Village.class, villageId));
            if (village == null) {
                throw Problem.invalid("village", "there is no village " + villageId);
            }
            village.requireWithin(places, "village");
        }
        Set<Long> within = villageId == null ? villages.villagesWithin(places) : null;
        return SalesReport.of(by, sales(months, villageId, within), impact(months, villageId, within), months.from(), months.to(), villageId);
    }

    /** The village's months as a chart series: every month of the period, zero when nothing sold. */
    public List<SalesChart.Point> series(long villageId, Months months) {
        SalesReport.Report report = SalesReport.of(Dimension.MONTH, sales(months, villageId, null), List.of(), months.from(), months.to(), villageId);
        return report.lines().stream()
                .map(l -> new SalesChart.Point(YearMonth.parse(l.month()), l.salesValue(), l.unitsSold(), l.sessions())).toList();
    }

    /** The sales of the period, of one village, of the villages {@code within} (ids), or of all when both are null. */
    List<SalesReport.Sale> sales(Months months, Long villageId, Set<Long> within) {
        String jpql = "select s.id, s.scheduledAt, p.village.id, p.village.name, s.streamer.id, s.streamer.handle,"
                + " r.unitsSold, r.salesValue, r.orders, r.returns from SessionResult r join r.session s join r.product p"
                + " where s.scheduledAt >= :from and s.scheduledAt < :to" + scope("p.village.id", villageId, within)
                + " order by s.id, p.id";
        return database.read(em -> {
            TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setParameter("from", months.start()).setParameter("to", months.end());
            bind(query, villageId, within);
            List<SalesReport.Sale> sales = new ArrayList<>();
            for (Object[] r : query.getResultList()) {
                sales.add(new SalesReport.Sale(((Number) r[0]).longValue(), YearMonth.from((LocalDateTime) r[1]), ((Number) r[2]).longValue(),
                        (String) r[3], ((Number) r[4]).longValue(), (String) r[5], ((Number) r[6]).longValue(), Money.yuan((BigDecimal) r[7]),
                        ((Number) r[8]).longValue(), ((Number) r[9]).longValue()));
            }
            return sales;
        });
    }

    List<SalesReport.Impact> impact(Months months, Long villageId, Set<Long> within) {
        String jpql = "select i.village.id, i.village.name, i.monthStart, i.villagersEmployed, i.incomeChange from VillageImpact i"
                + " where i.monthStart >= :from and i.monthStart <= :to" + scope("i.village.id", villageId, within);
        return database.read(em -> {
            TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setParameter("from", months.from().atDay(1))
                    .setParameter("to", months.to().atDay(1));
            bind(query, villageId, within);
            List<SalesReport.Impact> impact = new ArrayList<>();
            for (Object[] r : query.getResultList()) {
                impact.add(new SalesReport.Impact(((Number) r[0]).longValue(), (String) r[1], YearMonth.from((LocalDate) r[2]),
                        ((Number) r[3]).longValue(), Money.yuan((BigDecimal) r[4])));
            }
            return impact;
        });
    }

    private static String scope(String column, Long villageId, Set<Long> within) {
        return villageId != null ? " and " + column + " = :village" : within != null ? " and " + column + " in :villages" : "";
    }

    private static void bind(TypedQuery<Object[]> query, Long villageId, Set<Long> within) {
        if (villageId != null) {
            query.setParameter("village", villageId);
        } else if (within != null) {
            query.setParameter("villages", within);
        }
    }

    /** Every active streamer as matching sees them for a product of the category at the time (or at no time). */
    public List<Candidate> candidates(ProductCategory category, LocalDateTime at, int minutes) {
        List<Streamer> roster = streamers.active();
        Map<Long, TrainingSummary> training = streamers.training(roster.stream().map(Streamer::getId).toList());
        Map<Long, Track> tracks = tracks(category);
        Map<Long, LiveSession> busy = at == null ? Map.of() : sessions.busy(at, at.plusMinutes(minutes));
        List<Candidate> candidates = new ArrayList<>();
        for (Streamer s : roster) {
            Map<Platform, Long> followers = new EnumMap<>(Platform.class);
            s.accounts().forEach(a -> followers.put(a.getPlatform(), a.getFollowers()));
            TrainingSummary t = training.getOrDefault(s.getId(), TrainingSummary.NONE);
            LiveSession other = busy.get(s.getId());
            String busyWith = other == null ? null : "in session " + other.getId() + " on " + other.getPlatform().english() + " from "
                    + other.getScheduledAt() + " to " + other.endsAt().toLocalTime();
            candidates.add(new Candidate(s.getId(), s.getHandle(), s.isPioneer(), s.categories(), followers, s.availability(),
                    t.coursesCompleted(), t.certified(), tracks.getOrDefault(s.getId(), Track.NONE), busyWith));
        }
        return candidates;
    }

    /** What each streamer sold of the category: sessions and units. */
    Map<Long, Track> tracks(ProductCategory category) {
        Map<Long, Track> tracks = new HashMap<>();
        database.read(em -> em.createQuery("select s.streamer.id, count(distinct s.id), sum(r.unitsSold) from SessionResult r join r.session s"
                + " join r.product p where p.category = :c group by s.streamer.id", Object[].class).setParameter("c", category).getResultList())
                .forEach(r -> tracks.put(((Number) r[0]).longValue(), new Track(((Number) r[1]).longValue(),
                        r[2] == null ? 0 : ((Number) r[2]).longValue())));
        return tracks;
    }

    public StreamerMatching.Result suggest(Product product, LocalDateTime at, int minutes, int limit) {
        return StreamerMatching.suggest(new StreamerMatching.Request(product.getCategory(), at, minutes),
                candidates(product.getCategory(), at, minutes), limit);
    }
}
