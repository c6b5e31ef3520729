package org.district.plugins.legalaidnightmarket;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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

import org.district.platform.api.access.Places;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;

/**
 * A night market with a legal-aid stall: where it is, its node in the administrative tree
 * ({@code 宜宾市/翠屏区}), the hours the stall usually opens, the city's time zone (what "tonight"
 * means there), and the specialties its duty lawyers must have.
 */
@Entity
@Table(name = "market")
public class Market {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "night_market_seq")
    @SequenceGenerator(name = "night_market_seq", sequenceName = "night_market_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(nullable = false, length = 200)
    private String place;

    @Column(nullable = false, length = 100)
    private String district;

    @Column(name = "time_zone", nullable = false, length = 40)
    private String timeZone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "market_hours", joinColumns = @JoinColumn(name = "market_id"))
    private List<OpeningWindow> hours = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "market_specialty", joinColumns = @JoinColumn(name = "market_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "specialty", length = 20)
    private Set<Specialty> specialties = new HashSet<>();

    protected Market() {
    }

    /** What a coordinator sets on a market. */
    public record Details(String name, String place, String district, ZoneId timeZone, List<WeeklyWindow> hours, Set<Specialty> specialties) {
    }

    public Market(Details details) {
        apply(details);
    }

    void apply(Details details) {
        this.name = details.name();
        this.place = details.place();
        this.district = details.district();
        this.timeZone = details.timeZone().getId();
        this.hours.clear();
        details.hours().stream()
                .sorted(Comparator.comparing(WeeklyWindow::day).thenComparing(WeeklyWindow::start))
                .map(OpeningWindow::new)
                .forEach(this.hours::add);
        this.specialties.clear();
        this.specialties.addAll(details.specialties());
    }

    /**
     * Refuses (403, naming {@code field}) a caller whose places do not hold this market: its
     * sessions, duties and consultations are where it is.
     */
    void requireWithin(Places places, String field) {
        places.require(field, district);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPlace() {
        return place;
    }

    public String getDistrict() {
        return district;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public List<WeeklyWindow> hours() {
        return hours.stream().map(OpeningWindow::toWindow).toList();
    }

    public Set<Specialty> specialties() {
        return specialties.isEmpty() ? Set.of() : EnumSet.copyOf((Collection<Specialty>) specialties);
    }

    /** How the stall is named to lawyers and in calendars: the market and where its stall stands. */
    public String where() {
        return name + "（" + place + "）";
    }
}
