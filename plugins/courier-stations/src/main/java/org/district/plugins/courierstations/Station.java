package org.district.plugins.courierstations;

import org.district.platform.api.access.Places;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.district.plugins.courierstations.hours.OpeningPeriod;
import org.district.plugins.courierstations.hours.WeeklyHours;

/**
 * A rest station as stored: where it is (WGS-84), what it offers, when it is open, and whether it
 * serves at all. Searches never load these in bulk: they run on {@link StationSnapshot}s in memory.
 */
@Entity
@Table(name = "station")
public class Station {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "station_seq")
    @SequenceGenerator(name = "station_seq", sequenceName = "station_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private StationKind kind;

    @Column(length = 200)
    private String address;

    @Column(length = 50)
    private String district;

    @Column(length = 50)
    private String street;

    @Column(length = 50)
    private String community;

    @Column(nullable = false)
    private double latitude;

    @Column(nullable = false)
    private double longitude;

    private Integer capacity;

    /** The station's contact phone: masked in every public and list view. */
    @Column(name = "contact_phone", length = 20)
    private String contactPhone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private StationStatus status;

    @Column(name = "status_reason", length = 200)
    private String statusReason;

    /** What the station's QR code holds; a worker's scan sends it back. */
    @Column(name = "checkin_code", nullable = false, unique = true, length = 16)
    private String checkinCode;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "station_service", joinColumns = @JoinColumn(name = "station_id"))
    @Column(name = "service")
    private Set<String> services = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "station_hours", joinColumns = @JoinColumn(name = "station_id"))
    private List<Hours> hours = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "station_closure", joinColumns = @JoinColumn(name = "station_id"))
    private List<Closure> closures = new ArrayList<>();

    protected Station() {
    }

    public Station(String checkinCode, StationDetails details, OffsetDateTime now) {
        this.checkinCode = checkinCode;
        apply(details, now);
    }

    /** Everything a manager can change about a station. */
    public record StationDetails(String name, StationKind kind, String address, String district, String street, String community,
            double latitude, double longitude, Set<String> services, WeeklyHours hours, List<ClosedDay> closures, Integer capacity,
            String contactPhone, StationStatus status, String statusReason) {
    }

    /** A date the station stays closed all day, such as a holiday, with why. */
    public record ClosedDay(LocalDate date, String reason) {
    }

    public void apply(StationDetails details, OffsetDateTime now) {
        this.name = details.name();
        this.kind = details.kind();
        this.address = details.address();
        this.district = details.district();
        this.street = details.street();
        this.community = details.community();
        this.latitude = details.latitude();
        this.longitude = details.longitude();
        this.services = new HashSet<>(details.services());
        this.hours = new ArrayList<>(details.hours().periods().stream().map(Hours::new).toList());
        this.closures = new ArrayList<>(details.closures().stream().map(c -> new Closure(c.date(), c.reason())).toList());
        this.capacity = details.capacity();
        this.contactPhone = details.contactPhone();
        this.status = details.status();
        this.statusReason = details.statusReason();
        this.updatedAt = now;
    }

    void retire(String reason, OffsetDateTime now) {
        this.status = StationStatus.RETIRED;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    /** Refuses a manager whose places do not hold this station (403). */
    void requireWithin(Places places) {
        places.require("id", district, street, community);
    }

    void newCheckinCode(String code, OffsetDateTime now) {
        this.checkinCode = code;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getCheckinCode() {
        return checkinCode;
    }

    public StationStatus getStatus() {
        return status;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    /** The station as searches and views see it. */
    StationSnapshot snapshot() {
        return new StationSnapshot(id, name, kind, address, district, street, community, latitude, longitude, Set.copyOf(services),
                WeeklyHours.of(hours.stream().map(Hours::period).toList()),
                closures.stream().map(c -> new ClosedDay(c.date, c.reason)).sorted(java.util.Comparator.comparing(ClosedDay::date)).toList(),
                capacity, contactPhone, status, statusReason);
    }

    /** A weekly opening period as stored: a SQL time cannot say 24:00, so the end of the day is 23:59:59. */
    @Embeddable
    public static class Hours {
        static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

        @Enumerated(EnumType.STRING)
        @Column(name = "day_of_week", nullable = false, length = 9)
        private DayOfWeek day;

        @Column(name = "opens", nullable = false)
        private LocalTime opens;

        @Column(name = "closes", nullable = false)
        private LocalTime closes;

        protected Hours() {
        }

        Hours(OpeningPeriod period) {
            this.day = period.day();
            this.opens = period.startTime();
            this.closes = period.end() == OpeningPeriod.END_OF_DAY ? LAST_SECOND : period.endTime();
        }

        OpeningPeriod period() {
            return period(day, opens, closes);
        }

        static OpeningPeriod period(DayOfWeek day, LocalTime opens, LocalTime closes) {
            return OpeningPeriod.of(day, opens, closes.equals(LAST_SECOND) ? LocalTime.MAX : closes);
        }
    }

    @Embeddable
    public static class Closure {
        @Column(name = "closed_on", nullable = false)
        private LocalDate date;

        @Column(length = 100)
        private String reason;

        protected Closure() {
        }

        Closure(LocalDate date, String reason) {
            this.date = date;
            this.reason = reason;
        }
    }
}
