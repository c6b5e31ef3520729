package org.district.platform.runtime.internal.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.district.platform.api.module.ModuleCapability;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/** Reads a bundle's module declaration: its capability and its requirements on other modules. */
public final class ModuleIds {

    private static final Pattern REQUIRED_ID = Pattern.compile("\\(" + Pattern.quote(ModuleCapability.NAMESPACE) + "=([^)*]+)\\)");

    private ModuleIds() {
    }

    /** The module id the bundle provides, if it is a module. */
    public static Optional<String> of(Bundle bundle) {
        return capability(bundle).map(c -> String.valueOf(c.getAttributes().get(ModuleCapability.NAMESPACE)));
    }

    public static Version version(Bundle bundle) {
        return capability(bundle).map(c -> c.getAttributes().get("version"))
                .filter(Version.class::isInstance).map(Version.class::cast)
                .orElse(bundle.getVersion());
    }

    /** The roles the module declares, each as {@code <module-id>.<role>}. */
    public static List<String> roles(Bundle bundle) {
        Optional<BundleCapability> capability = capability(bundle);
        if (capability.isEmpty()) {
            return List.of();
        }
        String id = String.valueOf(capability.get().getAttributes().get(ModuleCapability.NAMESPACE));
        Object declared = capability.get().getAttributes().get(ModuleCapability.ROLES_ATTRIBUTE);
        List<String> roles = new ArrayList<>();
        if (declared instanceof List<?> list) {
            list.forEach(role -> roles.add(id + "." + String.valueOf(role).strip()));
        } else if (declared != null) {
            for (String role : declared.toString().split(",")) {
                if (!role.isBlank()) {
                    roles.add(id + "." + role.strip());
                }
            }
        }
        return List.copyOf(roles);
    }

    /** The ids of the modules this bundle requires. */
    public static List<String> required(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<String> ids = new ArrayList<>();
        if (revision == null) {
            return ids;
        }
        for (BundleRequirement requirement : revision.getDeclaredRequirements(ModuleCapability.NAMESPACE)) {
            String filter = requirement.getDirectives().get("filter");
            if (filter != null) {
                Matcher matcher = REQUIRED_ID.matcher(filter);
                if (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            }
        }
        return ids;
    }

    private static Optional<BundleCapability> capability(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return Optional.empty();
        }
        return revision.getDeclaredCapabilities(ModuleCapability.NAMESPACE).stream()
                .filter(c -> c.getAttributes().get(ModuleCapability.NAMESPACE) != null)
                .findFirst();
    }
}
