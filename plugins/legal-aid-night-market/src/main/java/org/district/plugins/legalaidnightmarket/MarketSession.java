package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.district.platform.api.rest.Problem;

/** One evening the stall opens at a market, in the market's local time. */
@Entity
@Table(name = "market_session")
public class MarketSession {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "night_market_seq")
    @SequenceGenerator(name = "night_market_seq", sequenceName = "night_market_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "market_id")
    private Market market;

    @Column(name = "session_date", nullable = false)
    private LocalDate date;

    @Column(name = "start_time", nullable = false)
    private LocalTime start;

    @Column(name = "end_time", nullable = false)
    private LocalTime end;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private SessionStatus status;

    @Column(length = 100)
    private String theme;

    @Column(name = "cancel_reason", length = 200)
    private String cancelReason;

    protected MarketSession() {
    }

    public MarketSession(Market market, LocalDate date, LocalTime start, LocalTime end, String theme) {
        this.market = market;
        this.status = SessionStatus.PLANNED;
        reschedule(date, start, end, theme);
    }

    void reschedule(LocalDate date, LocalTime start, LocalTime end, String theme) {
        if (!end.isAfter(start)) {
            throw Problem.invalid("end", "must be after start (" + start + "); a session ends on the day it starts");
        }
        this.date = date;
        this.start = start;
        this.end = end;
        this.theme = theme;
    }

    void open() {
        if (status != SessionStatus.PLANNED && status != SessionStatus.OPEN) {
            throw Problem.conflict("Session " + id + " is " + status.code() + " and cannot be opened.");
        }
        status = SessionStatus.OPEN;
    }

    void close() {
        if (status != SessionStatus.PLANNED && status != SessionStatus.OPEN) {
            throw Problem.conflict("Session " + id + " is " + status.code() + " and cannot be closed.");
        }
        status = SessionStatus.CLOSED;
    }

    void cancel(String reason) {
        if (status != SessionStatus.PLANNED && status != SessionStatus.OPEN) {
            throw Problem.conflict("Session " + id + " is " + status.code() + " and cannot be cancelled.");
        }
        status = SessionStatus.CANCELLED;
        cancelReason = reason;
    }

    /** Whether the session is still to be served: its schedule and duty may change. */
    public boolean isUpcoming() {
        return status == SessionStatus.PLANNED || status == SessionStatus.OPEN;
    }

    public Long getId() {
        return id;
    }

    public Market getMarket() {
        return market;
    }

    public LocalDate getDate() {
        return date;
    }

    public LocalTime getStart() {
        return start;
    }

    public LocalTime getEnd() {
        return end;
    }

    public LocalDateTime starts() {
        return date.atTime(start);
    }

    public LocalDateTime ends() {
        return date.atTime(end);
    }

    public SessionStatus getStatus() {
        return status;
    }

    public String getTheme() {
        return theme;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    /** Whether the two sessions share any time (they may be at different markets). */
    public boolean overlaps(MarketSession other) {
        return date.equals(other.date) && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
