package ${package};

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an editor sends to add an item. The platform checks it before the resource sees it (the
 * resource's parameter is {@code @Valid}): a broken rule is a 400 problem that names the field.
 */
public record ItemDraft(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description) {
}
