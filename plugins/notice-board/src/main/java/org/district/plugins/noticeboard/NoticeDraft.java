package org.district.plugins.noticeboard;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an editor sends to post a notice. */
public record NoticeDraft(
        @NotBlank @Size(max = 120) String title,
        @NotBlank @Size(max = 4000) String body,
        @NotBlank @Size(max = 120) String community,
        @Future OffsetDateTime expiresAt) {
}
