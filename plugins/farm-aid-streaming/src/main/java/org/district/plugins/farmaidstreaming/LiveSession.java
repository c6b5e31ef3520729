package org.district.plugins.farmaidstreaming;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.district.platform.api.access.Places;
import org.district.platform.api.rest.Problem;

/**
 * A live session: a streamer on a platform at a time (the city's local time) for some minutes,
 * featuring products; meant for one village when {@code village} is set, so that every product it
 * features is that village's. Planned, then live, then done once its results are recorded; or
 * cancelled with a reason.
 */
@Entity
@Table(name = "live_session")
public class LiveSession {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "farm_aid_seq")
    @SequenceGenerator(name = "farm_aid_seq", sequenceName = "farm_aid_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "streamer_id")
    private Streamer streamer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Platform platform;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "village_id")
    private Village village;

    @Column(name = "scheduled_at", nullable = false)
    private LocalDateTime scheduledAt;

    @Column(nullable = false)
    private int minutes;

    @Column(length = 100)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private SessionStatus status;

    @Column(name = "cancel_reason", length = 200)
    private String cancelReason;

    @Column(name = "results_at")
    private OffsetDateTime resultsAt;

    @Column(name = "results_by", length = 100)
    private String resultsBy;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "live_session_product", joinColumns = @JoinColumn(name = "session_id"),
            inverseJoinColumns = @JoinColumn(name = "product_id"))
    private List<Product> products = new ArrayList<>();

    protected LiveSession() {
    }

    /** What a coordinator plans: who, where, when, for how long, and what is sold. */
    public record Plan(Streamer streamer, Platform platform, Village village, LocalDateTime scheduledAt, int minutes, String title,
            List<Product> products) {
    }

    public LiveSession(Plan plan) {
        this.status = SessionStatus.PLANNED;
        apply(plan);
    }

    void apply(Plan plan) {
        this.streamer = plan.streamer();
        this.platform = plan.platform();
        this.village = plan.village();
        this.scheduledAt = plan.scheduledAt();
        this.minutes = plan.minutes();
        this.title = plan.title();
        this.products.clear();
        this.products.addAll(plan.products());
    }

    void goLive() {
        if (status != SessionStatus.PLANNED) {
            throw Problem.conflict("Session " + id + " is " + status.code() + "; only a planned session can go live.");
        }
        status = SessionStatus.LIVE;
    }

    void cancel(String reason) {
        if (status != SessionStatus.PLANNED && status != SessionStatus.LIVE) {
            throw Problem.conflict("Session " + id + " is " + status.code() + " and cannot be cancelled.");
        }
        status = SessionStatus.CANCELLED;
        cancelReason = reason;
    }

    void resultsRecorded(OffsetDateTime at, String by) {
        status = SessionStatus.DONE;
        resultsAt = at;
        resultsBy = by;
    }

    public Long getId() {
        return id;
    }

    public Streamer getStreamer() {
        return streamer;
    }

    public Platform getPlatform() {
        return platform;
    }

    public Village getVillage() {
        return village;
    }

    public LocalDateTime getScheduledAt() {
        return scheduledAt;
    }

    public LocalDateTime endsAt() {
        return scheduledAt.plusMinutes(minutes);
    }

    public int getMinutes() {
        return minutes;
    }

    public String getTitle() {
        return title;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public OffsetDateTime getResultsAt() {
        return resultsAt;
    }

    public String getResultsBy() {
        return resultsBy;
    }

    /**
     * The villages the session sells for: the one it is meant for, if any, and every featured
     * product's. They are its places; a coordinator limited to places works on a session only when
     * they hold all of them.
     */
    Set<Village> villages() {
        Set<Village> villages = new LinkedHashSet<>();
        if (village != null) {
            villages.add(village);
        }
        products.forEach(p -> villages.add(p.getVillage()));
        return villages;
    }

    /** Whether every village of the session lies in these places (a session of no village: only everywhere). */
    boolean within(Places places) {
        Set<Village> villages = villages();
        return places.isEverywhere() || (!villages.isEmpty() && villages.stream().allMatch(v -> v.within(places)));
    }

    /** Refuses (403, naming {@code field}) a coordinator whose places do not hold every village of the session. */
    void requireWithin(Places places, String field) {
        Set<Village> villages = villages();
        if (villages.isEmpty()) {
            places.require(field);
        }
        villages.forEach(v -> v.requireWithin(places, field));
    }

    public List<Product> products() {
        return products.stream().sorted(Comparator.comparing(Product::getId)).toList();
    }

    /** Whether it still takes its streamer's time: planned or live. */
    public boolean isOn() {
        return status == SessionStatus.PLANNED || status == SessionStatus.LIVE;
    }

    public boolean overlaps(LocalDateTime from, LocalDateTime to) {
        return scheduledAt.isBefore(to) && from.isBefore(endsAt());
    }
}
