package org.district.plugins.legalaidnightmarket;

import java.time.OffsetDateTime;

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

import org.district.plugins.lawyerroster.api.LawyerSummary;

/**
 * A lawyer of the roster on duty at a session. Swapping or cancelling ends the assignment with a
 * reason and keeps it, so a session's duties are its history. The lawyer's name and firm are the
 * roster's public fields as they were at assignment, so the history reads as it happened.
 */
@Entity
@Table(name = "duty_assignment")
public class DutyAssignment {

    /** Whether the assignment stands, or how it ended. */
    public enum Status { ACTIVE, SWAPPED, CANCELLED }

    /** How the lawyer came to be on duty: from the monthly rota or named by a coordinator. */
    public enum Source { ROTA, MANUAL }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "night_market_seq")
    @SequenceGenerator(name = "night_market_seq", sequenceName = "night_market_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "session_id")
    private MarketSession session;

    @Column(name = "lawyer_id", nullable = false)
    private long lawyerId;

    @Column(name = "lawyer_name", nullable = false, length = 50)
    private String lawyerName;

    @Column(length = 100)
    private String firm;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    /** The session's id while active, null once ended: what keeps one active duty per session. */
    @Column(name = "active_session_id", unique = true)
    private Long activeSessionId;

    @Column(name = "replaces_id")
    private Long replacesId;

    @Column(name = "assigned_at", nullable = false)
    private OffsetDateTime assignedAt;

    @Column(name = "assigned_by", nullable = false, length = 100)
    private String assignedBy;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "ended_by", length = 100)
    private String endedBy;

    @Column(name = "ended_reason", length = 200)
    private String endedReason;

    protected DutyAssignment() {
    }

    public DutyAssignment(MarketSession session, LawyerSummary lawyer, Source source, Long replacesId, String by) {
        this.session = session;
        this.lawyerId = lawyer.id();
        this.lawyerName = lawyer.name();
        this.firm = lawyer.firm();
        this.source = source;
        this.status = Status.ACTIVE;
        this.activeSessionId = session.getId();
        this.replacesId = replacesId;
        this.assignedAt = OffsetDateTime.now();
        this.assignedBy = by;
    }

    void end(Status how, String reason, String by) {
        this.status = how;
        this.activeSessionId = null;
        this.endedAt = OffsetDateTime.now();
        this.endedBy = by;
        this.endedReason = reason;
    }

    public Long getId() {
        return id;
    }

    public MarketSession getSession() {
        return session;
    }

    public long getLawyerId() {
        return lawyerId;
    }

    public String getLawyerName() {
        return lawyerName;
    }

    public String getFirm() {
        return firm;
    }

    public Source getSource() {
        return source;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public Long getReplacesId() {
        return replacesId;
    }

    public OffsetDateTime getAssignedAt() {
        return assignedAt;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public OffsetDateTime getEndedAt() {
        return endedAt;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public String getEndedReason() {
        return endedReason;
    }
}
