package org.district.plugins.farmaidstreaming;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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

/**
 * A volunteer streamer. The handle is what viewers know them by and is public; the real name and
 * phone are personal data, shown in full only to a coordinator who opens the record (audited).
 */
@Entity
@Table(name = "streamer")
public class Streamer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "farm_aid_seq")
    @SequenceGenerator(name = "farm_aid_seq", sequenceName = "farm_aid_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String handle;

    @Column(name = "real_name", nullable = false, length = 50)
    private String realName;

    @Column(length = 20)
    private String phone;

    @Column(nullable = false)
    private boolean pioneer;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "streamer_account", joinColumns = @JoinColumn(name = "streamer_id"))
    private List<StreamerAccount> accounts = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "streamer_category", joinColumns = @JoinColumn(name = "streamer_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 20)
    private Set<ProductCategory> categories = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "streamer_availability", joinColumns = @JoinColumn(name = "streamer_id"))
    private List<AvailabilityWindow> availability = new ArrayList<>();

    protected Streamer() {
    }

    /** What a coordinator sets on a streamer. */
    public record Details(String handle, String realName, String phone, boolean pioneer, boolean active, List<StreamerAccount> accounts,
            Set<ProductCategory> categories, List<WeeklyWindow> availability) {
    }

    public Streamer(Details details, OffsetDateTime now) {
        apply(details, now);
    }

    void apply(Details details, OffsetDateTime now) {
        this.handle = details.handle();
        this.realName = details.realName();
        this.phone = details.phone();
        this.pioneer = details.pioneer();
        this.active = details.active();
        this.updatedAt = now;
        this.accounts.clear();
        details.accounts().stream().sorted(Comparator.comparing(StreamerAccount::getPlatform)).forEach(this.accounts::add);
        this.categories.clear();
        this.categories.addAll(details.categories());
        this.availability.clear();
        details.availability().stream().sorted(Comparator.comparing(WeeklyWindow::day).thenComparing(WeeklyWindow::start))
                .map(AvailabilityWindow::new).forEach(this.availability::add);
    }

    void deactivate(OffsetDateTime now) {
        this.active = false;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getHandle() {
        return handle;
    }

    public String getRealName() {
        return realName;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isPioneer() {
        return pioneer;
    }

    public boolean isActive() {
        return active;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public List<StreamerAccount> accounts() {
        return accounts.stream().sorted(Comparator.comparing(StreamerAccount::getPlatform)).toList();
    }

    public Optional<StreamerAccount> account(Platform platform) {
        return accounts.stream().filter(a -> a.getPlatform() == platform).findFirst();
    }

    public Set<ProductCategory> categories() {
        return categories.isEmpty() ? Set.of() : EnumSet.copyOf(categories);
    }

    public List<WeeklyWindow> availability() {
        return availability.stream().map(AvailabilityWindow::toWindow)
                .sorted(Comparator.comparing(WeeklyWindow::day).thenComparing(WeeklyWindow::start)).toList();
    }

    /** The account with the most followers: what a streamer is best known by. */
    public Optional<StreamerAccount> largestAccount() {
        return accounts.stream().max(Comparator.comparingLong(StreamerAccount::getFollowers)
                .thenComparing(StreamerAccount::getPlatform, Comparator.reverseOrder()));
    }
}
