package org.district.plugins.lawyerroster;

import java.util.ArrayList;
import java.util.EnumSet;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.district.platform.api.access.Places;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;

/** A volunteer lawyer: who they are, where they practise, what they know, and when they can serve. */
@Entity
@Table(name = "lawyer")
public class Lawyer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roster_seq")
    @SequenceGenerator(name = "roster_seq", sequenceName = "roster_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 50)
    private String name;

    /** The 17-digit practice licence number (执业证号): personal data, masked in every list. */
    @Column(name = "licence_no", nullable = false, unique = true, length = 17)
    private String licenceNo;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "firm_id")
    private LawFirm firm;

    @Column(length = 20)
    private String phone;

    @Column(nullable = false)
    private boolean active;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lawyer_specialty", joinColumns = @JoinColumn(name = "lawyer_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "specialty")
    private Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lawyer_language", joinColumns = @JoinColumn(name = "lawyer_id"))
    @OrderColumn(name = "position")
    @Column(name = "language")
    private List<String> languages = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lawyer_window", joinColumns = @JoinColumn(name = "lawyer_id"))
    private List<AvailabilityWindow> availability = new ArrayList<>();

    protected Lawyer() {
    }

    public Lawyer(String licenceNo, LawyerDetails details) {
        this.licenceNo = licenceNo;
        apply(details);
    }

    /** What can change about a lawyer; the licence number identifies them and does not. */
    public record LawyerDetails(String name, LawFirm firm, Set<Specialty> specialties, List<String> languages,
            String phone, List<WeeklyWindow> availability, boolean active) {
    }

    /** Applies the details; returns whether anything changed. */
    public boolean apply(LawyerDetails details) {
        if (details.equals(details())) {
            return false;
        }
        this.name = details.name();
        this.firm = details.firm();
        this.specialties = details.specialties().isEmpty() ? EnumSet.noneOf(Specialty.class) : EnumSet.copyOf(details.specialties());
        this.languages = new ArrayList<>(details.languages());
        this.phone = details.phone();
        this.availability = new ArrayList<>(details.availability().stream().map(AvailabilityWindow::new).toList());
        this.active = details.active();
        return true;
    }

    public LawyerDetails details() {
        return new LawyerDetails(name, firm, Set.copyOf(specialties), List.copyOf(languages), phone, windows(), active);
    }

    /** A lawyer's place is their firm's: refuses (403, naming {@code id}) an operator whose places do not hold it. */
    void requireWithin(Places places) {
        firm.requireWithin(places, "id");
    }

    /** Whether the lawyer's firm lies in these places. */
    boolean within(Places places) {
        return places.covers(firm.getDistrict());
    }

    void deactivate() {
        this.active = false;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getLicenceNo() {
        return licenceNo;
    }

    public LawFirm getFirm() {
        return firm;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isActive() {
        return active;
    }

    public Set<Specialty> getSpecialties() {
        return specialties.isEmpty() ? EnumSet.noneOf(Specialty.class) : EnumSet.copyOf(specialties);
    }

    public List<String> getLanguages() {
        return List.copyOf(languages);
    }

    public List<WeeklyWindow> windows() {
        return availability.stream().map(AvailabilityWindow::toWindow).toList();
    }
}
