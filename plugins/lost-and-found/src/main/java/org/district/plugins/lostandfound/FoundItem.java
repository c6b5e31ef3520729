package org.district.plugins.lostandfound;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Something a worker or a resident found and handed in at a desk, and, once it went back, who claimed it. */
@Entity
@Table(name = "lost_and_found_item")
public class FoundItem {

    /** Held at the desk, or back with its owner. Stored and shown as written here. */
    public enum Status {
        held, claimed
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lost_and_found_item_seq")
    @SequenceGenerator(name = "lost_and_found_item_seq", sequenceName = "lost_and_found_item_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 200)
    private String description;

    @Column(nullable = false, length = 40)
    private String category;

    @Column(nullable = false, length = 120)
    private String place;

    @Column(nullable = false, length = 120)
    private String desk;

    @Column(name = "found_at", nullable = false)
    private OffsetDateTime foundAt;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "claimant_name", length = 60)
    private String claimantName;

    @Column(name = "claimant_phone", length = 20)
    private String claimantPhone;

    @Column(name = "claimed_at")
    private OffsetDateTime claimedAt;

    protected FoundItem() {
    }

    public FoundItem(String description, String category, String place, String desk, OffsetDateTime foundAt, OffsetDateTime recordedAt) {
        this.description = description;
        this.category = category;
        this.place = place;
        this.desk = desk;
        this.foundAt = foundAt;
        this.recordedAt = recordedAt;
        this.status = Status.held;
    }

    void claim(String name, String phone, OffsetDateTime at) {
        status = Status.claimed;
        claimantName = name;
        claimantPhone = phone;
        claimedAt = at;
    }

    /** The claimant's personal data goes once the city's retention for claims has passed; the rest stays for the figures. */
    void forgetClaimant() {
        claimantName = null;
        claimantPhone = null;
    }

    public Long getId() {
        return id;
    }

    public String getDescription() {
        return description;
    }

    public String getCategory() {
        return category;
    }

    public String getPlace() {
        return place;
    }

    public String getDesk() {
        return desk;
    }

    public OffsetDateTime getFoundAt() {
        return foundAt;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getClaimantName() {
        return claimantName;
    }

    public String getClaimantPhone() {
        return claimantPhone;
    }

    public OffsetDateTime getClaimedAt() {
        return claimedAt;
    }
}
