package org.district.platform.runtime.internal.module;

import java.util.Arrays;
import java.util.List;

import org.district.platform.api.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The platform's shell commands: {@code district:modules}, {@code district:enable}, {@code district:disable}. */
@Component(service = ModuleCommands.class, property = {
        "osgi.command.scope=district",
        "osgi.command.function=modules",
        "osgi.command.function=enable",
        "osgi.command.function=disable" })
public class ModuleCommands {

    @Reference
    private ModuleManager modules;

    public String modules() {
        StringBuilder out = new StringBuilder(String.format("%-28s %-10s %-9s %s%n", "MODULE", "VERSION", "STATE", "REASON"));
        for (ModuleView module : modules.list()) {
            out.append(String.format("%-28s %-10s %-9s %s%n", module.id(), module.version() == null ? "-" : module.version(),
                    module.state().json(), module.reason() == null ? "" : module.reason()));
        }
        return out.toString();
    }

    /** {@code enable [--cascade] ID}. */
    public String enable(String... args) {
        return toggle(args, true);
    }

    /** {@code disable [--cascade] ID}. */
    public String disable(String... args) {
        return toggle(args, false);
    }

    private String toggle(String[] args, boolean enable) {
        List<String> words = Arrays.asList(args);
        boolean cascade = words.contains("--cascade");
        List<String> ids = words.stream().filter(w -> !w.startsWith("--")).toList();
        if (ids.size() != 1) {
            return "usage: district:" + (enable ? "enable" : "disable") + " [--cascade] MODULE-ID";
        }
        try {
            ModuleView view = enable ? modules.enable(ids.get(0), cascade, "shell") : modules.disable(ids.get(0), cascade, "shell");
            return view.id() + " " + view.state().json();
        } catch (Problem problem) {
            return problem.detail();
        }
    }
}
