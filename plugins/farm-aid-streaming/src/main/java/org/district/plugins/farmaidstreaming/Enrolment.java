package org.district.plugins.farmaidstreaming;

import java.time.LocalDate;

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

/** A streamer enrolled in a class of a course; completed with the date and, where one was issued, a certificate. */
@Entity
@Table(name = "enrolment")
public class Enrolment {

    /** Enrolled, then completed; or withdrawn before completing. */
    public enum Status implements Codes.Coded {
        ENROLLED("已报名"), COMPLETED("已结业"), WITHDRAWN("已退出");

        private final String chinese;

        Status(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "farm_aid_seq")
    @SequenceGenerator(name = "farm_aid_seq", sequenceName = "farm_aid_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "course_session_id")
    private CourseSession courseSession;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "streamer_id")
    private Streamer streamer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(name = "enrolled_on", nullable = false)
    private LocalDate enrolledOn;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @Column(name = "certificate_no", length = 40)
    private String certificateNo;

    protected Enrolment() {
    }

    public Enrolment(CourseSession courseSession, Streamer streamer, LocalDate enrolledOn) {
        this.courseSession = courseSession;
        this.streamer = streamer;
        this.enrolledOn = enrolledOn;
        this.status = Status.ENROLLED;
    }

    void complete(LocalDate on, String certificateNo) {
        this.status = Status.COMPLETED;
        this.completedOn = on;
        this.certificateNo = certificateNo;
    }

    void withdraw() {
        this.status = Status.WITHDRAWN;
    }

    public Long getId() {
        return id;
    }

    public CourseSession getCourseSession() {
        return courseSession;
    }

    public Streamer getStreamer() {
        return streamer;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getEnrolledOn() {
        return enrolledOn;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public String getCertificateNo() {
        return certificateNo;
    }
}
