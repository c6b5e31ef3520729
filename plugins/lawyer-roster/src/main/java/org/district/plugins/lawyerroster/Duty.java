package org.district.plugins.lawyerroster;

import java.time.Duration;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A duty a lawyer served, in the city's local time: the record behind their volunteer hours. */
@Entity
@Table(name = "duty")
public class Duty {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roster_seq")
    @SequenceGenerator(name = "roster_seq", sequenceName = "roster_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "lawyer_id")
    private Lawyer lawyer;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime start;

    @Column(name = "ends_at", nullable = false)
    private LocalDateTime end;

    @Column(nullable = false, length = 200)
    private String place;

    protected Duty() {
    }

    public Duty(Lawyer lawyer, LocalDateTime start, LocalDateTime end, String place) {
        this.lawyer = lawyer;
        this.start = start;
        this.end = end;
        this.place = place;
    }

    public Long getId() {
        return id;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public LocalDateTime getEnd() {
        return end;
    }

    public String getPlace() {
        return place;
    }

    long lawyerId() {
        return lawyer.getId();
    }

    public double hours() {
        return Duration.between(start, end).toMinutes() / 60.0;
    }
}
