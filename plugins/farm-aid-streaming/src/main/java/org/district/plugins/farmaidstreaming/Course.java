package org.district.plugins.farmaidstreaming;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A free live-commerce course (公益直播带货培训) that streamers take. */
@Entity
@Table(name = "course")
public class Course {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "farm_aid_seq")
    @SequenceGenerator(name = "farm_aid_seq", sequenceName = "farm_aid_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String title;

    @Column(nullable = false, length = 100)
    private String organiser;

    @Column(nullable = false)
    private int hours;

    @Column(length = 500)
    private String description;

    @Column(nullable = false)
    private boolean active;

    protected Course() {
    }

    public record Details(String title, String organiser, int hours, String description, boolean active) {
    }

    public Course(Details details) {
        apply(details);
    }

    void apply(Details details) {
        this.title = details.title();
        this.organiser = details.organiser();
        this.hours = details.hours();
        this.description = details.description();
        this.active = details.active();
    }

    void deactivate() {
        this.active = false;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getOrganiser() {
        return organiser;
    }

    public int getHours() {
        return hours;
    }

    public String getDescription() {
        return description;
    }

    public boolean isActive() {
        return active;
    }
}
