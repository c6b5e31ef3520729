package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What coordinators and duty lawyers send: checked with Bean Validation before the module sees it. */
public final class Drafts {

    private Drafts() {
    }

    /**
     * A market. Opening hours are weekly windows such as {@code "Fri 19:00-21:30"} or
     * {@code "周五 19:00-21:30"}; duty specialties are the roster's codes or Chinese names; the time
     * zone is the city's (Asia/Shanghai when left out).
     */
    public record MarketDraft(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String place,
            @NotBlank @Size(max = 100) String district,
            @Size(max = 40) String timeZone,
            @NotEmpty List<@NotBlank String> openingHours,
            List<@NotBlank String> dutySpecialties) {
    }

    /** A session on a day, in the market's local time; it ends on the day it starts. */
    public record SessionDraft(
            @NotNull LocalDate date,
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            @Size(max = 100) String theme) {
    }

    public record Reason(@NotBlank @Size(max = 200) String reason) {
    }

    public record DutyDraft(@NotNull Long lawyerId) {
    }

    public record SwapDraft(@NotNull Long lawyerId, @NotBlank @Size(max = 200) String reason) {
    }

    /**
     * One consultation, as a duty lawyer taps it in: category, who came and outcome are codes or
     * Chinese names from the catalogue; a contact only with {@code contactConsent: true}; a
     * follow-up date when the outcome is {@code follow_up}.
     */
    public record ConsultationDraft(
            @NotBlank String category,
            @NotBlank String visitor,
            @Size(max = 500) String summary,
            @NotBlank String outcome,
            @Size(max = 50) String contact,
            Boolean contactConsent,
            LocalDate followUpDue) {
    }

    /** The result of a follow-up; {@code doneOn} is today when left out. */
    public record FollowUpDraft(
            LocalDate doneOn,
            @NotBlank @Size(max = 500) String result) {
    }
}
