package org.district.plugins.courierstations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What managers and workers' apps send: checked with Bean Validation before the module sees it. */
public final class Drafts {

    private Drafts() {
    }

    static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";

    /**
     * A station. {@code lat}/{@code lon} are WGS-84 unless the request says {@code coords=gcj02};
     * {@code services} are catalogue codes (or names); {@code hours} are lines such as
     * {@code "Mon-Fri 08:00-20:00"} or {@code "24h"}; {@code status} is open (the default),
     * temporarily_closed (with a reason) or retired.
     */
    public record StationDraft(
            @NotBlank @Size(max = 100) String name,
            @NotBlank String kind,
            @Size(max = 200) String address,
            @Size(max = 50) String district,
            @Size(max = 50) String street,
            @Size(max = 50) String community,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Size(max = 40) List<@NotBlank String> services,
            @NotEmpty @Size(max = 50) List<@NotBlank String> hours,
            @Size(max = 400) List<@NotNull @Valid ClosureDraft> closures,
            @Min(0) @Max(10_000) Integer capacity,
            @Pattern(regexp = PHONE, message = "must be a mainland mobile (11 digits from 13-19) or a landline with area code") String contactPhone,
            String status,
            @Size(max = 200) String statusReason) {
    }

    /** A date the station stays closed, such as a public holiday. */
    public record ClosureDraft(@NotNull LocalDate date, @Size(max = 100) String reason) {
    }

    /**
     * A scan of a station's code by a worker's app. {@code token} is the app's anonymous or
     * pseudonymous id for the worker, never a name; {@code scannedAt} is for scans queued while
     * offline (within the last day), otherwise now.
     */
    public record CheckInDraft(
            @NotBlank @Size(max = 32) String code,
            @NotBlank String workerKind,
            @NotBlank @Size(min = 8, max = 128) String token,
            @Size(max = 20) List<@NotBlank String> services,
            OffsetDateTime scannedAt) {
    }
}
