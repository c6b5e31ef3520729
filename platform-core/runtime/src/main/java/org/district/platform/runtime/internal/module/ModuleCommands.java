package org.district.platform.runtime.internal.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.security.CurrentRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform's shell commands: {@code district:modules}, {@code district:enable},
 * {@code district:disable}, {@code district:config}. They do what the admin API does, with the same
 * checks, and go into the audit trail as the actor {@code shell}.
 */
@Component(service = ModuleCommands.class, property = {
        "osgi.command.scope=district",
        "osgi.command.function=modules",
        "osgi.command.function=enable",
        "osgi.command.function=disable",
        "osgi.command.function=config" })
public class ModuleCommands {

    /** Who the audit trail names for a change made in the shell. */
    static final String ACTOR = "shell";

    @Reference
    private ModuleManager modules;

    @Reference
    private ModuleSettings settings;

    @Reference
    private AuditLedger audit;

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

    /**
     * {@code config ID} shows the module's settings; {@code config [--pid PID] ID key=value...} sets
     * them (a setting of several values takes one {@code key=value} per value, {@code key=} with
     * nothing after it restores its default).
     */
    public String config(String... args) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        String pid = null;
        int option = words.indexOf("--pid");
        if (option >= 0) {
            if (option + 1 >= words.size()) {
                return configUsage();
            }
            pid = words.get(option + 1);
            words.subList(option, option + 2).clear();
        }
        if (words.isEmpty() || words.get(0).contains("=") || words.get(0).startsWith("--")) {
            return configUsage();
        }
        String id = words.get(0);
        List<String> assignments = words.subList(1, words.size());
        try {
            ModuleSettings.ModuleSettingsView view = settings.describe(id, "en");
            if (assignments.isEmpty()) {
                return show(view);
            }
            ModuleSettings.Settings target = target(view, pid);
            Map<String, Object> values = new LinkedHashMap<>();
            for (String assignment : assignments) {
                int equals = assignment.indexOf('=');
                if (equals <= 0) {
                    return configUsage();
                }
                String key = assignment.substring(0, equals);
                String value = assignment.substring(equals + 1);
                ModuleSettings.Setting setting = target.settings().stream().filter(s -> s.id().equals(key)).findFirst().orElse(null);
                if (setting != null && setting.cardinality() != 0) {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) values.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!value.isEmpty()) {
                        list.add(value);
                    }
                } else {
                    values.put(key, value);
                }
            }
            // An empty value, or a list left empty, restores the default.
            values.replaceAll((key, value) -> "".equals(value) || (value instanceof List<?> l && l.isEmpty()) ? null : value);
            String chosen = target.pid();
            ModuleSettings.Settings changed = asShell(() -> settings.change(id, chosen, values, "en"));
            StringBuilder out = new StringBuilder();
            for (ModuleSettings.Setting setting : changed.settings()) {
                if (values.containsKey(setting.id())) {
                    out.append(id).append(' ').append(setting.id()).append(" = ").append(shown(setting)).append('\n');
                }
            }
            return out.toString();
        } catch (Problem problem) {
            return problem.detail();
        }
    }

    private static ModuleSettings.Settings target(ModuleSettings.ModuleSettingsView view, String pid) {
        if (pid != null) {
            return view.configurations().stream().filter(c -> c.pid().equals(pid)).findFirst()
                    .orElseThrow(() -> Problem.notFound("Module '" + view.module() + "' has no settings '" + pid + "'."));
        }
        if (view.configurations().size() != 1) {
            throw Problem.invalid("pid", view.configurations().isEmpty() ? "module '" + view.module() + "' has no settings"
                    : "module '" + view.module() + "' has several configurations; name one with --pid");
        }
        return view.configurations().get(0);
    }

    private static String show(ModuleSettings.ModuleSettingsView view) {
        if (view.configurations().isEmpty()) {
            return "Module '" + view.module() + "' has no settings.";
        }
        StringBuilder out = new StringBuilder();
        for (ModuleSettings.Settings configuration : view.configurations()) {
            out.append(configuration.pid()).append(" (").append(configuration.name()).append(")\n");
            for (ModuleSettings.Setting setting : configuration.settings()) {
                String range = setting.min() == null && setting.max() == null ? ""
                        : "  [" + (setting.min() == null ? "" : setting.min()) + ".." + (setting.max() == null ? "" : setting.max()) + "]";
                out.append(String.format("  %-24s = %s%s%n", setting.id(), shown(setting), range));
            }
        }
        return out.toString();
    }

    private static String shown(ModuleSettings.Setting setting) {
        if (setting.value() == null) {
            return String.join(", ", setting.defaults()) + " (default)";
        }
        return setting.value() instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                : String.valueOf(setting.value());
    }

    private static String configUsage() {
        return "usage: district:config MODULE-ID                      shows the settings\n"
                + "       district:config [--pid PID] MODULE-ID key=value...   sets them";
    }

    private String toggle(String[] args, boolean enable) {
        List<String> words = Arrays.asList(args);
        boolean cascade = words.contains("--cascade");
        List<String> ids = words.stream().filter(w -> !w.startsWith("--")).toList();
        if (ids.size() != 1) {
            return "usage: district:" + (enable ? "enable" : "disable") + " [--cascade] MODULE-ID";
        }
        String id = ids.get(0);
        try {
            ModuleView view = asShell(() -> {
                try {
                    return enable ? modules.enable(id, cascade, ACTOR) : modules.disable(id, cascade, ACTOR);
                } finally {
                    audit.append("platform", enable ? "module.enable" : "module.disable", id,
                            Map.of("cascade", Boolean.toString(cascade), "state", modules.state(id).map(ModuleState::json).orElse("unknown")));
                }
            });
            return view.id() + " " + view.state().json();
        } catch (Problem problem) {
            return problem.detail();
        }
    }

    private static <T> T asShell(Supplier<T> work) {
        CurrentRequest.set(new CurrentRequest.Caller(ACTOR, null));
        try {
            return work.get();
        } finally {
            CurrentRequest.clear();
        }
    }
}
