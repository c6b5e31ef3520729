package org.district.platform.runtime.internal.module;

import java.util.List;
import java.util.Map;

/**
 * What an admin sees of a module. {@code name} and {@code description} are keyed by language
 * ({@code en}, {@code zh-CN}); {@code reason} says why a failed module failed; {@code roles} are the
 * roles it declares, which admins can give to accounts; {@code trouble} what it is doing wrong while
 * it runs (see {@link ModuleTrouble}), empty when it behaves.
 */
public record ModuleView(String id, String version, Map<String, String> name, Map<String, String> description,
        String category, ModuleState state, String reason, List<String> requires, List<String> requiredBy,
        String bundle, List<String> roles, List<String> trouble) {
}
