package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
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

import org.district.plugins.legalaidnightmarket.Catalogue.Category;
import org.district.plugins.legalaidnightmarket.Catalogue.Outcome;
import org.district.plugins.legalaidnightmarket.Catalogue.Visitor;

/**
 * One person helped at the stall: what the dispute was about, who came (never a name), what the
 * lawyer did, and the follow-up if one is due. A contact is kept only with the person's consent.
 */
@Entity
@Table(name = "consultation")
public class Consultation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "night_market_seq")
    @SequenceGenerator(name = "night_market_seq", sequenceName = "night_market_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "session_id")
    private MarketSession session;

    @Column(name = "logged_at", nullable = false)
    private OffsetDateTime loggedAt;

    @Column(name = "logged_by", nullable = false, length = 100)
    private String loggedBy;

    /** The roster's id of the lawyer on duty when it was logged, if one was. */
    @Column(name = "lawyer_id")
    private Long lawyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Visitor visitor;

    @Column(length = 500)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Outcome outcome;

    @Column(length = 50)
    private String contact;

    @Column(name = "contact_consent", nullable = false)
    private boolean contactConsent;

    @Column(name = "follow_up_due")
    private LocalDate followUpDue;

    @Column(name = "follow_up_done")
    private LocalDate followUpDone;

    @Column(name = "follow_up_result", length = 500)
    private String followUpResult;

    protected Consultation() {
    }

    /** What the duty lawyer records; {@code contact} must be null unless the person consented. */
    public record Details(Category category, Visitor visitor, String summary, Outcome outcome, String contact, LocalDate followUpDue) {
    }

    public Consultation(MarketSession session, Long lawyerId, Details details, OffsetDateTime loggedAt, String loggedBy) {
        this.session = session;
        this.lawyerId = lawyerId;
        this.loggedAt = loggedAt;
        this.loggedBy = loggedBy;
        apply(details);
    }

    void apply(Details details) {
        this.category = details.category();
        this.visitor = details.visitor();
        this.summary = details.summary();
        this.outcome = details.outcome();
        this.contact = details.contact();
        this.contactConsent = details.contact() != null;
        this.followUpDue = details.followUpDue();
    }

    void recordFollowUp(LocalDate done, String result) {
        this.followUpDone = done;
        this.followUpResult = result;
    }

    /** A follow-up that was due before {@code today} and has not been done. */
    public boolean followUpOverdue(LocalDate today) {
        return followUpDue != null && followUpDone == null && followUpDue.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    public MarketSession getSession() {
        return session;
    }

    public OffsetDateTime getLoggedAt() {
        return loggedAt;
    }

    public String getLoggedBy() {
        return loggedBy;
    }

    public Long getLawyerId() {
        return lawyerId;
    }

    public Category getCategory() {
        return category;
    }

    public Visitor getVisitor() {
        return visitor;
    }

    public String getSummary() {
        return summary;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getContact() {
        return contact;
    }

    public boolean hasContactConsent() {
        return contactConsent;
    }

    public LocalDate getFollowUpDue() {
        return followUpDue;
    }

    public LocalDate getFollowUpDone() {
        return followUpDone;
    }

    public String getFollowUpResult() {
        return followUpResult;
    }
}
