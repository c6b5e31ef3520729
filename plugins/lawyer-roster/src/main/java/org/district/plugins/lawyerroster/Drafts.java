package org.district.plugins.lawyerroster;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What coordinators send: checked with Bean Validation before the roster sees it. */
public final class Drafts {

    private Drafts() {
    }

    static final String LICENCE = "\\d{17}";
    static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";

    public record FirmDraft(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 30) String licenceNo,
            @Size(max = 200) String address,
            @Size(max = 100) String district) {
    }

    /**
     * A lawyer. Specialties are catalogue codes or Chinese names; availability is a list of weekly
     * windows such as {@code "Fri 18:30-22:00"}.
     */
    public record LawyerDraft(
            @NotBlank @Size(max = 50) String name,
            @NotNull @Pattern(regexp = LICENCE, message = "must be the 17-digit practice licence number") String licenceNo,
            @NotNull Long firmId,
            @NotEmpty List<@NotBlank String> specialties,
            List<@NotBlank @Size(max = 30) String> languages,
            @Pattern(regexp = PHONE, message = "must be a mainland mobile (11 digits from 13-19) or a landline with area code") String phone,
            List<@NotBlank String> availability,
            Boolean active) {
    }

    public record DutyDraft(
            @NotNull LocalDateTime start,
            @NotNull LocalDateTime end,
            @NotBlank @Size(max = 200) String place) {
    }

    public record RotaRequest(
            @NotEmpty @Size(max = 2000) List<@NotNull SessionDraft> sessions,
            @NotNull @Min(1) @Max(31) Integer maxPerLawyerPerMonth) {
    }

    public record SessionDraft(
            @NotBlank @Size(max = 100) String key,
            @NotNull LocalDateTime start,
            @NotNull LocalDateTime end,
            @Size(max = 200) String place,
            List<@NotBlank String> requiredSpecialties) {
    }
}
