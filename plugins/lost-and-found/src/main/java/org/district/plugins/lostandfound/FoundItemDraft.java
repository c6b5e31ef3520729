package org.district.plugins.lostandfound;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** What a keeper records when an item is handed in. The category must also be one the city set up (checked by {@link Desk}). */
public record FoundItemDraft(
        @NotBlank @Size(max = 200) String description,
        @NotBlank @Size(max = 40) String category,
        @NotBlank @Size(max = 120) String place,
        @NotBlank @Size(max = 120) String desk,
        @NotNull @PastOrPresent OffsetDateTime foundAt) {
}
