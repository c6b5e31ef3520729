package org.district.plugins.lostandfound;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Who took an item back: kept so the desk can answer a later question, masked in every list, erased after the city's retention. */
public record Claim(
        @NotBlank @Size(max = 60) String name,
        @NotBlank @Pattern(regexp = "1\\d{10}|0\\d{2,3}-?\\d{7,8}", message = "must be a mobile number of 11 digits or a landline with its area code") String phone) {
}
