package org.district.testmodules.greeter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an admin sends to record a visitor. */
public record VisitorDraft(@NotBlank @Size(min = 1, max = 100) String name) {
}
