package org.district.plugins.farmaidstreaming;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.district.platform.api.privacy.Mask;

/**
 * What the module answers with. A streamer's real name, phone and account ids, and a village
 * contact's name and phone, are personal data: lists mask them, public views leave them out, and
 * only one record opened on its own shows them in full.
 */
public final class Views {

    private Views() {
    }

    public record Ref(long id, String name) {
        static Ref of(Village village) {
            return village == null ? null : new Ref(village.getId(), village.getName());
        }

        static Ref of(Course course) {
            return new Ref(course.getId(), course.getTitle());
        }
    }

    /** A streamer as anyone may see them: the public handle, and whether they are a pioneer. */
    public record StreamerRef(long id, String handle, boolean pioneer) {
        static StreamerRef of(Streamer streamer) {
            return new StreamerRef(streamer.getId(), streamer.getHandle(), streamer.isPioneer());
        }
    }

    public record AccountView(String platform, String accountId, long followers) {
        static List<AccountView> of(Streamer streamer, boolean masked) {
            return streamer.accounts().stream().map(a -> new AccountView(a.getPlatform().code(),
                    masked ? Mask.keepEnds(a.getAccountId(), 2, 2) : a.getAccountId(), a.getFollowers())).toList();
        }
    }

    /** What training a streamer has: courses completed (distinct) and whether they hold a certificate. */
    public record TrainingSummary(int coursesCompleted, boolean certified) {
        static final TrainingSummary NONE = new TrainingSummary(0, false);
    }

    /** A streamer in a list: real name, phone and account ids masked. */
    public record StreamerListItem(long id, String handle, String realName, String phone, boolean pioneer, boolean active,
            List<AccountView> accounts, List<String> categories, List<String> availability, int coursesCompleted, boolean certified) {
        static StreamerListItem of(Streamer s, TrainingSummary training) {
            return new StreamerListItem(s.getId(), s.getHandle(), Mask.keepEnds(s.getRealName(), 1, 0), Mask.phone(s.getPhone()),
                    s.isPioneer(), s.isActive(), AccountView.of(s, true), codes(s), WeeklyWindow.format(s.availability()),
                    training.coursesCompleted(), training.certified());
        }
    }

    /** One streamer in full, personal data included, with every enrolment: for the coordinator who opens the record. */
    public record StreamerView(long id, String handle, String realName, String phone, boolean pioneer, boolean active,
            List<AccountView> accounts, List<String> categories, List<String> availability, List<EnrolmentView> training,
            OffsetDateTime updatedAt) {
        static StreamerView of(Streamer s, List<Enrolment> enrolments) {
            return new StreamerView(s.getId(), s.getHandle(), s.getRealName(), s.getPhone(), s.isPioneer(), s.isActive(),
                    AccountView.of(s, false), codes(s), WeeklyWindow.format(s.availability()),
                    enrolments.stream().map(EnrolmentView::of).toList(), s.getUpdatedAt());
        }
    }

    public record CourseView(long id, String title, String organiser, int hours, String description, boolean active) {
        static CourseView of(Course c) {
            return new CourseView(c.getId(), c.getTitle(), c.getOrganiser(), c.getHours(), c.getDescription(), c.isActive());
        }
    }

    public record CourseSessionView(long id, Ref course, LocalDateTime startsAt, LocalDateTime endsAt, String place, int capacity,
            long enrolled) {
        static CourseSessionView of(CourseSession s, long enrolled) {
            return new CourseSessionView(s.getId(), Ref.of(s.getCourse()), s.getStartsAt(), s.getEndsAt(), s.getPlace(), s.getCapacity(),
                    enrolled);
        }
    }

    public record EnrolmentView(long id, long courseSessionId, Ref course, LocalDateTime classStartsAt, StreamerRef streamer,
            String status, LocalDate enrolledOn, LocalDate completedOn, String certificateNo) {
        static EnrolmentView of(Enrolment e) {
            return new EnrolmentView(e.getId(), e.getCourseSession().getId(), Ref.of(e.getCourseSession().getCourse()),
                    e.getCourseSession().getStartsAt(), StreamerRef.of(e.getStreamer()), e.getStatus().code(), e.getEnrolledOn(),
                    e.getCompletedOn(), e.getCertificateNo());
        }
    }

    /** A village; {@code masked} for lists (the contact's name and phone). */
    public record VillageView(long id, String name, String kind, String node, String contactName, String contactPhone, boolean active) {
        static VillageView of(Village v, boolean masked) {
            return new VillageView(v.getId(), v.getName(), v.getKind().code(), v.getNode(),
                    masked ? Mask.keepEnds(v.getContactName(), 1, 0) : v.getContactName(),
                    masked ? Mask.phone(v.getContactPhone()) : v.getContactPhone(), v.isActive());
        }
    }

    public record ProductView(long id, Ref village, String name, String category, String unit, BigDecimal price, int stock,
            Integer seasonStart, Integer seasonEnd, boolean active) {
        static ProductView of(Product p) {
            return new ProductView(p.getId(), Ref.of(p.getVillage()), p.getName(), p.getCategory().code(), p.getUnit(), p.getPrice(),
                    p.getStock(), p.seasonStart() == null ? null : p.seasonStart().getValue(),
                    p.seasonEnd() == null ? null : p.seasonEnd().getValue(), p.isActive());
        }
    }

    /** A product as a session shows it, publicly too: no stock, nothing personal. */
    public record ProductRef(long id, String name, String category, String unit, BigDecimal price, Ref village) {
        static ProductRef of(Product p) {
            return new ProductRef(p.getId(), p.getName(), p.getCategory().code(), p.getUnit(), p.getPrice(), Ref.of(p.getVillage()));
        }
    }

    /** Sums of results: units, sales value in yuan, orders, returns. */
    public record Totals(long unitsSold, BigDecimal salesValue, long orders, long returns) {
        static Totals of(List<SessionResult> results) {
            return new Totals(results.stream().mapToLong(SessionResult::getUnitsSold).sum(),
                    Money.sum(results.stream().map(SessionResult::getSalesValue).toList()),
                    results.stream().mapToLong(SessionResult::getOrders).sum(), results.stream().mapToLong(SessionResult::getReturns).sum());
        }
    }

    /** A session for coordinators; {@code totals} once results are recorded, summed from them. */
    public record SessionView(long id, StreamerRef streamer, String platform, Ref village, LocalDateTime scheduledAt, LocalDateTime endsAt,
            int minutes, String title, String status, String cancelReason, List<ProductRef> products, Totals totals,
            OffsetDateTime resultsAt, String resultsBy) {
        static SessionView of(LiveSession s, List<SessionResult> results) {
            return new SessionView(s.getId(), StreamerRef.of(s.getStreamer()), s.getPlatform().code(), Ref.of(s.getVillage()),
                    s.getScheduledAt(), s.endsAt(), s.getMinutes(), s.getTitle(), s.getStatus().code(), s.getCancelReason(),
                    s.products().stream().map(ProductRef::of).toList(), s.getStatus() == SessionStatus.DONE ? Totals.of(results) : null,
                    s.getResultsAt(), s.getResultsBy());
        }
    }

    public record ResultLine(ProductRef product, int unitsSold, BigDecimal salesValue, int orders, int returns) {
        static ResultLine of(SessionResult r) {
            return new ResultLine(ProductRef.of(r.getProduct()), r.getUnitsSold(), r.getSalesValue(), r.getOrders(), r.getReturns());
        }
    }

    /** A session's results product by product, and their sums. */
    public record ResultsView(long sessionId, String status, List<ResultLine> results, Totals total, OffsetDateTime recordedAt,
            String recordedBy) {
        static ResultsView of(LiveSession s, List<SessionResult> results) {
            return new ResultsView(s.getId(), s.getStatus().code(), results.stream().map(ResultLine::of).toList(), Totals.of(results),
                    s.getResultsAt(), s.getResultsBy());
        }
    }

    /** A session to come, as viewers see it: the streamer's handle, the platform and the products; nothing personal. */
    public record PublicSession(long id, LocalDateTime scheduledAt, LocalDateTime endsAt, String status, String platform, String platformName,
            String title, PublicStreamer streamer, List<ProductRef> products) {
        static PublicSession of(LiveSession s) {
            return new PublicSession(s.getId(), s.getScheduledAt(), s.endsAt(), s.getStatus().code(), s.getPlatform().code(),
                    s.getPlatform().chinese(), s.getTitle(), new PublicStreamer(s.getStreamer().getHandle(), s.getStreamer().isPioneer()),
                    s.products().stream().map(ProductRef::of).toList());
        }
    }

    public record PublicStreamer(String handle, boolean pioneer) {
    }

    public record ImpactView(long id, Ref village, String month, int villagersEmployed, BigDecimal incomeChangePerPerson, String note) {
        static ImpactView of(VillageImpact i) {
            return new ImpactView(i.getId(), Ref.of(i.getVillage()), i.month().toString(), i.getVillagersEmployed(), i.getIncomeChange(),
                    i.getNote());
        }
    }

    /** One entry of a catalogue, for forms: code and Chinese name. */
    public record Entry(String code, String zh) {
    }

    public record Catalogues(List<Entry> platforms, List<Entry> categories, List<Entry> villageKinds, List<Entry> sessionStatuses) {
    }

    static List<String> codes(Streamer s) {
        return s.categories().stream().sorted().map(ProductCategory::code).toList();
    }
}
