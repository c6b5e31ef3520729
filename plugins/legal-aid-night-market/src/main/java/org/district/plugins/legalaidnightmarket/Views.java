package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.district.platform.api.privacy.Mask;
import org.district.plugins.lawyerroster.api.LawyerSummary;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;

/**
 * What the module answers with. Public views carry no personal data but a duty lawyer's public
 * fields; lists mask every contact; only a single consultation shows its contact in full.
 */
public final class Views {

    private Views() {
    }

    public record MarketView(long id, String name, String place, String district, String timeZone, List<String> openingHours,
            List<String> dutySpecialties) {
        static MarketView of(Market market) {
            return new MarketView(market.getId(), market.getName(), market.getPlace(), market.getDistrict(), market.zone().getId(),
                    hours(market), market.specialties().stream().sorted().map(Specialty::code).toList());
        }
    }

    public record PublicMarket(long id, String name, String place, String district, List<String> openingHours) {
        static PublicMarket of(Market market) {
            return new PublicMarket(market.getId(), market.getName(), market.getPlace(), market.getDistrict(), hours(market));
        }
    }

    public record MarketRef(long id, String name) {
        static MarketRef of(Market market) {
            return new MarketRef(market.getId(), market.getName());
        }
    }

    public record DutyView(long id, long lawyerId, String lawyerName, String firm, String source, String status, Long replacesId,
            OffsetDateTime assignedAt, String assignedBy, OffsetDateTime endedAt, String endedBy, String endedReason) {
        static DutyView of(DutyAssignment duty) {
            return new DutyView(duty.getId(), duty.getLawyerId(), duty.getLawyerName(), duty.getFirm(), code(duty.getSource()),
                    code(duty.getStatus()), duty.getReplacesId(), duty.getAssignedAt(), duty.getAssignedBy(), duty.getEndedAt(),
                    duty.getEndedBy(), duty.getEndedReason());
        }
    }

    /** A session for coordinators and duty lawyers: its active duty, if any, and how many consultations it has. */
    public record SessionView(long id, MarketRef market, LocalDate date, LocalTime start, LocalTime end, String status, String theme,
            String cancelReason, DutyView duty, long consultations) {
        static SessionView of(MarketSession session, DutyAssignment duty, long consultations) {
            return new SessionView(session.getId(), MarketRef.of(session.getMarket()), session.getDate(), session.getStart(),
                    session.getEnd(), session.getStatus().code(), session.getTheme(), session.getCancelReason(),
                    duty == null ? null : DutyView.of(duty), consultations);
        }
    }

    /** A duty lawyer as residents see them: the roster's public fields, nothing else. */
    public record PublicLawyer(long id, String name, String firm, List<String> specialties, List<String> languages) {
        static PublicLawyer of(LawyerSummary lawyer) {
            return new PublicLawyer(lawyer.id(), lawyer.name(), lawyer.firm(), lawyer.specialties().stream().sorted().map(Specialty::code).toList(),
                    lawyer.languages());
        }

        /** The name and firm kept with the duty, for a lawyer the roster no longer lists. */
        static PublicLawyer of(DutyAssignment duty) {
            return new PublicLawyer(duty.getLawyerId(), duty.getLawyerName(), duty.getFirm(), List.of(), List.of());
        }
    }

    public record PublicSession(long id, PublicMarketRef market, LocalDate date, LocalTime start, LocalTime end, String status,
            String theme, String cancelReason, PublicLawyer dutyLawyer) {
    }

    public record PublicMarketRef(long id, String name, String place) {
        static PublicMarketRef of(Market market) {
            return new PublicMarketRef(market.getId(), market.getName(), market.getPlace());
        }
    }

    /** Tonight at a market, in the market's time zone: tonight's sessions, or else the next one. */
    public record Tonight(PublicMarket market, LocalDate date, List<PublicSession> sessions, PublicSession next) {
    }

    /** One consultation in full, contact included: for the coordinator or lawyer who opens it. */
    public record ConsultationView(long id, long sessionId, MarketRef market, LocalDate date, OffsetDateTime loggedAt, String loggedBy,
            Long lawyerId, String category, String visitor, String summary, String outcome, String contact, LocalDate followUpDue,
            LocalDate followUpDone, String followUpResult, boolean followUpOverdue) {
        static ConsultationView of(Consultation c, LocalDate today) {
            return of(c, c.getContact(), today);
        }

        /** The same with the contact masked: what every list shows. */
        static ConsultationView masked(Consultation c, LocalDate today) {
            return of(c, Mask.phone(c.getContact()), today);
        }

        private static ConsultationView of(Consultation c, String contact, LocalDate today) {
            MarketSession session = c.getSession();
            return new ConsultationView(c.getId(), session.getId(), MarketRef.of(session.getMarket()), session.getDate(), c.getLoggedAt(),
                    c.getLoggedBy(), c.getLawyerId(), c.getCategory().code(), c.getVisitor().code(), c.getSummary(), c.getOutcome().code(),
                    contact, c.getFollowUpDue(), c.getFollowUpDone(), c.getFollowUpResult(), c.followUpOverdue(today));
        }
    }

    /** What filling a month's rota did. */
    public record RotaReport(String month, List<RotaLine> assigned, List<Unfilled> unfilled, int alreadyCovered) {
    }

    public record RotaLine(long sessionId, LocalDate date, LocalTime start, LocalTime end, long lawyerId, String lawyerName) {
    }

    public record Unfilled(long sessionId, LocalDate date, LocalTime start, String reason) {
    }

    /** What setting up a month's schedule did: the sessions it planned, and how many evenings already had one. */
    public record ScheduleReport(String month, List<SessionView> planned, int alreadyPlanned) {
    }

    /** One entry of a catalogue, for forms: code and Chinese name. */
    public record Entry(String code, String zh) {
    }

    public record Catalogues(List<Entry> categories, List<Entry> visitors, List<Entry> outcomes) {
    }

    static List<String> hours(Market market) {
        return market.hours().stream().map(WeeklyWindow::toString).toList();
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
