package org.district.plugins.farmaidstreaming;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What coordinators send: checked with Bean Validation before the module sees it, so a negative
 * quantity or price, or an amount finer than a fen, is a 400 naming the field. Catalogue values
 * (platforms, categories, kinds) are codes or Chinese names, checked by the module.
 */
public final class Drafts {

    private Drafts() {
    }

    static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";
    // Hibernate Validator's own messages for the decimal bounds need EL, which the platform's interpolator leaves out.
    static final String NOT_NEGATIVE = "must not be negative";
    static final String INCOME_RANGE = "must be between -1,000,000.00 and 1,000,000.00 yuan per person per year";
    static final String PHONE_MESSAGE = "must be a mainland mobile (11 digits from 13-19) or a landline with area code";

    /**
     * A streamer. {@code accounts}: one per platform ({@code douyin}, {@code kuaishou},
     * {@code wechat_channels}, {@code taobao_live}, {@code other}); {@code categories}: what they
     * sell well; {@code availability}: weekly lines such as {@code "Sat 19:00-22:00"}.
     */
    public record StreamerDraft(
            @NotBlank @Size(max = 40) String handle,
            @NotBlank @Size(max = 50) String realName,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            Boolean pioneer,
            Boolean active,
            @Size(max = 5) List<@NotNull @Valid AccountDraft> accounts,
            @Size(max = 5) List<@NotBlank String> categories,
            @Size(max = 30) List<@NotBlank String> availability) {
    }

    public record AccountDraft(
            @NotBlank String platform,
            @NotBlank @Size(max = 64) String accountId,
            @NotNull @Min(0) @Max(2_000_000_000L) Long followers) {
    }

    public record CourseDraft(
            @NotBlank @Size(max = 100) String title,
            @NotBlank @Size(max = 100) String organiser,
            @NotNull @Min(1) @Max(500) Integer hours,
            @Size(max = 500) String description,
            Boolean active) {
    }

    /** A class of a course, in the city's local time. */
    public record CourseSessionDraft(
            @NotNull LocalDateTime startsAt,
            @NotNull LocalDateTime endsAt,
            @NotBlank @Size(max = 200) String place,
            @NotNull @Min(1) @Max(1000) Integer capacity) {
    }

    public record EnrolmentDraft(@NotNull Long streamerId) {
    }

    /** Completion of a class: the day (today when left out) and the certificate number, where one was issued. */
    public record CompletionDraft(LocalDate completedOn, @Size(max = 40) String certificateNo) {
    }

    /** A village or co-operative ({@code kind}: {@code village}, {@code cooperative}); {@code node} such as 台州市/椒江区/大陈镇. */
    public record VillageDraft(
            @NotBlank @Size(max = 100) String name,
            @NotBlank String kind,
            @NotBlank @Size(max = 150) String node,
            @Size(max = 50) String contactName,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String contactPhone,
            Boolean active) {
    }

    /** A product: price per unit in yuan, stock in units, season as months 1-12 (both or neither). */
    public record ProductDraft(
            @NotNull Long villageId,
            @NotBlank @Size(max = 100) String name,
            @NotBlank String category,
            @NotBlank @Size(max = 20) String unit,
            @NotNull @DecimalMin(value = "0.00", message = NOT_NEGATIVE) @DecimalMax(value = "9999999999.99", message = "must be less than ten billion yuan") @Digits(integer = 10, fraction = 2) BigDecimal price,
            @NotNull @Min(0) Integer stock,
            @Min(1) @Max(12) Integer seasonStart,
            @Min(1) @Max(12) Integer seasonEnd,
            Boolean active) {
    }

    /**
     * A live session. {@code scheduledAt} is the city's local time ({@code 2026-12-05T20:00}) or a
     * time with an offset; {@code villageId}, when given, means every product must be that village's.
     */
    public record SessionDraft(
            @NotNull Long streamerId,
            @NotBlank String platform,
            Long villageId,
            @NotBlank String scheduledAt,
            @Min(15) @Max(720) Integer minutes,
            @Size(max = 100) String title,
            @NotEmpty @Size(max = 30) List<@NotNull Long> productIds) {
    }

    public record Reason(@NotBlank @Size(max = 200) String reason) {
    }

    /**
     * What a session sold, product by product; it replaces whatever was recorded before. When
     * {@code totalSalesValue} is given (as the platform's dashboard shows it), it must equal the sum
     * of the products' sales values.
     */
    public record ResultsDraft(
            @NotEmpty @Size(max = 30) List<@NotNull @Valid ResultDraft> results,
            @DecimalMin(value = "0.00", message = NOT_NEGATIVE) @Digits(integer = 12, fraction = 2) BigDecimal totalSalesValue) {
    }

    /** One product's result: units sold, sales value in yuan, orders, and orders returned (0 when left out). */
    public record ResultDraft(
            @NotNull Long productId,
            @NotNull @Min(0) @Max(100_000_000) Integer unitsSold,
            @NotNull @DecimalMin(value = "0.00", message = NOT_NEGATIVE) @Digits(integer = 12, fraction = 2) BigDecimal salesValue,
            @NotNull @Min(0) @Max(100_000_000) Integer orders,
            @Min(0) @Max(100_000_000) Integer returns) {
    }

    /** A village's month: villagers who found work near home through the programme, and their income change in yuan per person per year. */
    public record ImpactDraft(
            @NotNull @Min(0) @Max(100_000) Integer villagersEmployed,
            @NotNull @DecimalMin(value = "-1000000.00", message = INCOME_RANGE) @DecimalMax(value = "1000000.00", message = INCOME_RANGE) @Digits(integer = 7, fraction = 2) BigDecimal incomeChangePerPerson,
            @Size(max = 200) String note) {
    }
}
