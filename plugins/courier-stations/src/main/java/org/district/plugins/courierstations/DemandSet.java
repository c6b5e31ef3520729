package org.district.plugins.courierstations;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An uploaded set of demand points (where riders actually work, with weights); the points are in {@link DemandChunk}s. */
@Entity
@Table(name = "demand_set")
public class DemandSet {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "demand_seq")
    @SequenceGenerator(name = "demand_seq", sequenceName = "demand_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    @Column(name = "point_count", nullable = false)
    private int points;

    @Column(name = "total_weight", nullable = false)
    private double totalWeight;

    protected DemandSet() {
    }

    public DemandSet(String name, OffsetDateTime uploadedAt, int points, double totalWeight) {
        this.name = name;
        this.uploadedAt = uploadedAt;
        this.points = points;
        this.totalWeight = totalWeight;
    }

    void add(int morePoints, double moreWeight) {
        this.points += morePoints;
        this.totalWeight += moreWeight;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public OffsetDateTime getUploadedAt() {
        return uploadedAt;
    }

    public int getPoints() {
        return points;
    }

    public double getTotalWeight() {
        return totalWeight;
    }
}
