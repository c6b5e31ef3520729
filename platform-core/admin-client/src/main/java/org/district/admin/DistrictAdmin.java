package org.district.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/district-admin}: the admin API of a running platform from a terminal or a script.
 *
 * <pre>
 * district-admin [--url URL] [--user NAME] [--password-file FILE] [--json] COMMAND
 *   modules                          every module: version, state, why a failed one failed
 *   enable ID [--cascade]            enables a module (--cascade: and the modules it requires)
 *   disable ID [--cascade]           disables a module (--cascade: and the modules that require it)
 *   config ID                        the module's settings
 *   config ID [--pid PID] KEY=VALUE… sets settings (repeat KEY for each value of a list; KEY= restores the default)
 *   audit [--module ID] [--size N]   the audit trail, newest first (of one module: its whole history)
 * </pre>
 *
 * The password comes from {@code DISTRICT_ADMIN_PASSWORD} or the first line of {@code --password-file};
 * an API token from {@code DISTRICT_ADMIN_TOKEN} is used instead when set. Exit codes: 0 done,
 * 1 refused by the platform (its problem detail is printed), 2 wrong usage, 3 platform unreachable.
 * {@code --json} prints the platform's JSON answer as it is.
 */
public final class DistrictAdmin {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    static final String USAGE_TEXT = String.join("\n",
            "usage: district-admin [--url URL] [--user NAME] [--password-file FILE] [--json] COMMAND",
            "  modules                            every module: version, state, why a failed one failed",
            "  enable ID [--cascade]              enable a module (--cascade: and the modules it requires)",
            "  disable ID [--cascade]             disable a module (--cascade: and the modules that require it)",
            "  config ID                          show the module's settings",
            "  config ID [--pid PID] KEY=VALUE... set settings (KEY once per value of a list; KEY= restores the default)",
            "  audit [--module ID] [--size N]     the audit trail, newest first",
            "URL defaults to $DISTRICT_ADMIN_URL or http://localhost:8080, NAME to $DISTRICT_ADMIN_USER or admin.",
            "The password comes from $DISTRICT_ADMIN_PASSWORD or --password-file; $DISTRICT_ADMIN_TOKEN, an API token, is used instead when set.",
            "Exit codes: 0 done, 1 refused by the platform, 2 wrong usage, 3 platform unreachable.");

    private final Options options;
    private final PrintStream out;
    private final HttpClient http;

    private DistrictAdmin(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, environment);
        } catch (Usage usage) {
            err.println("district-admin: " + usage.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (options.help) {
            out.println(USAGE_TEXT);
            return OK;
        }
        try {
            new DistrictAdmin(options, out).command();
            return OK;
        } catch (Usage usage) {
            err.println("district-admin: " + usage.getMessage());
            return USAGE;
        } catch (Refused refused) {
            if (options.json && refused.body != null) {
                out.println(refused.body);
            }
            err.println("district-admin: " + refused.getMessage());
            return REFUSED;
        } catch (Unreachable unreachable) {
            err.println("district-admin: cannot reach the platform at " + options.url + ": " + unreachable.getMessage());
            return UNREACHABLE;
        }
    }

    private void command() {
        List<String> words = options.words;
        String command = words.get(0);
        switch (command) {
            case "modules" -> {
                expectWords(1, "modules");
                modules();
            }
            case "enable", "disable" -> {
                expectWords(2, command + " ID [--cascade]");
                toggle(command, words.get(1));
            }
            case "config" -> {
                if (words.size() < 2 || words.get(1).contains("=")) {
                    throw new Usage("config needs a module id: config ID [--pid PID] [KEY=VALUE...]");
                }
                config(words.get(1), words.subList(2, words.size()));
            }
            case "audit" -> {
                expectWords(1, "audit [--module ID] [--size N]");
                audit();
            }
            default -> throw new Usage("unknown command '" + command + "'");
        }
    }

    private void expectWords(int count, String usage) {
        if (options.words.size() != count) {
            throw new Usage("usage: district-admin " + usage);
        }
    }

    private void modules() {
        Answer answer = send("GET", "/api/admin/modules", null);
        if (printedAsJson(answer)) {
            return;
        }
        out.printf("%-28s %-10s %-9s %s%n", "MODULE", "VERSION", "STATE", "REASON");
        for (Object item : (List<?>) answer.json()) {
            Map<?, ?> module = (Map<?, ?>) item;
            out.printf("%-28s %-10s %-9s %s%n", module.get("id"), text(module.get("version"), "-"), module.get("state"),
                    text(module.get("reason"), ""));
        }
    }

    private void toggle(String action, String id) {
        Answer answer = send("POST", "/api/admin/modules/" + segment(id) + "/" + action + (options.cascade ? "?cascade=true" : ""), null);
        if (printedAsJson(answer)) {
            return;
        }
        Map<?, ?> module = (Map<?, ?>) answer.json();
        out.println(module.get("id") + " " + module.get("state"));
    }

    private void config(String id, List<String> assignments) {
        Answer described = send("GET", "/api/admin/modules/" + segment(id) + "/config", null);
        Map<?, ?> view = (Map<?, ?>) described.json();
        List<?> configurations = (List<?>) view.get("configurations");
        if (assignments.isEmpty()) {
            if (printedAsJson(described)) {
                return;
            }
            if (configurations.isEmpty()) {
                out.println("Module '" + id + "' has no settings.");
            }
            for (Object item : configurations) {
                Map<?, ?> configuration = (Map<?, ?>) item;
                out.println(configuration.get("pid") + " (" + configuration.get("name") + ")");
                for (Object s : (List<?>) configuration.get("settings")) {
                    Map<?, ?> setting = (Map<?, ?>) s;
                    Object min = setting.get("min");
                    Object max = setting.get("max");
                    String range = min == null && max == null ? "" : "  [" + text(min, "") + ".." + text(max, "") + "]";
                    out.printf("  %-24s = %s%s%n", setting.get("id"), shown(setting), range);
                }
            }
            return;
        }
        Map<?, ?> target = target(id, configurations);
        Map<String, Map<?, ?>> settings = new LinkedHashMap<>();
        for (Object s : (List<?>) target.get("settings")) {
            settings.put(String.valueOf(((Map<?, ?>) s).get("id")), (Map<?, ?>) s);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new Usage("settings are KEY=VALUE, not '" + assignment + "'");
            }
            String key = assignment.substring(0, equals);
            String value = assignment.substring(equals + 1);
            Map<?, ?> setting = settings.get(key);
            boolean list = setting != null && !"0".equals(String.valueOf(setting.get("cardinality")));
            if (list) {
                @SuppressWarnings("unchecked")
                List<Object> items = (List<Object>) values.computeIfAbsent(key, k -> new ArrayList<>());
                if (!value.isEmpty()) {
                    items.add(value);
                }
            } else {
                values.put(key, value);
            }
        }
        // KEY= (or a list left empty) restores the default.
        values.replaceAll((key, value) -> "".equals(value) || (value instanceof List<?> l && l.isEmpty()) ? null : value);
        Answer answer = send("PUT", "/api/admin/modules/" + segment(id) + "/config/" + segment(String.valueOf(target.get("pid"))), Json.write(values));
        if (printedAsJson(answer)) {
            return;
        }
        for (Object s : (List<?>) ((Map<?, ?>) answer.json()).get("settings")) {
            Map<?, ?> setting = (Map<?, ?>) s;
            if (values.containsKey(String.valueOf(setting.get("id")))) {
                out.println(id + " " + setting.get("id") + " = " + shown(setting));
            }
        }
    }

    private Map<?, ?> target(String id, List<?> configurations) {
        if (options.pid != null) {
            for (Object item : configurations) {
                if (options.pid.equals(((Map<?, ?>) item).get("pid"))) {
                    return (Map<?, ?>) item;
                }
            }
            throw new Refused("Module '" + id + "' has no settings '" + options.pid + "'.", null);
        }
        if (configurations.size() != 1) {
            throw new Usage(configurations.isEmpty() ? "module '" + id + "' has no settings"
                    : "module '" + id + "' has several configurations; name one with --pid");
        }
        return (Map<?, ?>) configurations.get(0);
    }

    private void audit() {
        String query = "?size=" + options.size + (options.module == null ? "" : "&about=" + URLEncoder.encode(options.module, StandardCharsets.UTF_8));
        Answer answer = send("GET", "/api/admin/audit" + query, null);
        if (printedAsJson(answer)) {
            return;
        }
        out.printf("%-6s %-24s %-16s %-20s %-20s %s%n", "ID", "AT", "ACTOR", "ACTION", "SUBJECT", "DETAILS");
        for (Object item : (List<?>) ((Map<?, ?>) answer.json()).get("items")) {
            Map<?, ?> entry = (Map<?, ?>) item;
            Object details = entry.get("details");
            out.printf("%-6s %-24s %-16s %-20s %-20s %s%n", entry.get("id"), entry.get("at"), entry.get("actor"), entry.get("action"),
                    text(entry.get("subject"), ""), details instanceof Map<?, ?> map && !map.isEmpty() ? Json.write(map) : "");
        }
    }

    private boolean printedAsJson(Answer answer) {
        if (options.json) {
            out.println(answer.body());
        }
        return options.json;
    }

    private static String shown(Map<?, ?> setting) {
        Object value = setting.get("value");
        if (value == null) {
            List<?> defaults = (List<?>) setting.get("defaults");
            return String.join(", ", defaults.stream().map(String::valueOf).toList()) + " (default)";
        }
        return value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
    }

    private static String text(Object value, String absent) {
        return value == null ? absent : String.valueOf(value);
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One answer of the platform: its status and body. */
    record Answer(int status, String body) {
        Object json() {
            return Json.parse(body);
        }
    }

    private Answer send(String method, String path, String json) {
        URI uri;
        try {
            uri = URI.create(options.url.replaceAll("/+$", "") + path);
        } catch (IllegalArgumentException e) {
            throw new Usage("--url is not a URL: " + options.url);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", options.authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        } catch (IllegalArgumentException e) {
            throw new Usage("--url is not an http or https URL: " + options.url);
        }
        if (response.statusCode() >= 400) {
            throw new Refused(detail(response), response.body());
        }
        return new Answer(response.statusCode(), response.body());
    }

    /** The problem's detail, or the status when the answer is not a problem. */
    private static String detail(HttpResponse<String> response) {
        try {
            Object problem = Json.parse(response.body());
            if (problem instanceof Map<?, ?> map && map.get("detail") != null) {
                return map.get("detail") + " (" + response.statusCode() + ")";
            }
        } catch (IllegalArgumentException notJson) {
            // fall through
        }
        return "the platform answered " + response.statusCode();
    }

    /** The command line: global options anywhere, then the command and its words. */
    static final class Options {
        String url;
        String authorization;
        boolean json;
        boolean cascade;
        boolean help;
        String pid;
        String module;
        int size = 20;
        final List<String> words = new ArrayList<>();

        static Options parse(String[] args, Map<String, String> environment) {
            Options options = new Options();
            options.url = environment.getOrDefault("DISTRICT_ADMIN_URL", "http://localhost:8080");
            String user = environment.getOrDefault("DISTRICT_ADMIN_USER", "admin");
            String passwordFile = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--url" -> options.url = value(args, ++i, arg);
                    case "--user" -> user = value(args, ++i, arg);
                    case "--password-file" -> passwordFile = value(args, ++i, arg);
                    case "--pid" -> options.pid = value(args, ++i, arg);
                    case "--module" -> options.module = value(args, ++i, arg);
                    case "--size" -> {
                        String size = value(args, ++i, arg);
                        try {
                            options.size = Integer.parseInt(size);
                        } catch (NumberFormatException e) {
                            throw new Usage("--size needs a number, not '" + size + "'");
                        }
                    }
                    case "--json" -> options.json = true;
                    case "--cascade" -> options.cascade = true;
                    case "--help", "-h", "help" -> options.help = true;
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new Usage("unknown option " + arg);
                        }
                        options.words.add(arg);
                    }
                }
            }
            if (options.help) {
                return options;
            }
            if (options.words.isEmpty()) {
                throw new Usage("no command given");
            }
            String token = environment.get("DISTRICT_ADMIN_TOKEN");
            if (token != null && !token.isBlank()) {
                options.authorization = "Bearer " + token.trim();
                return options;
            }
            String password;
            if (passwordFile != null) {
                try {
                    password = Files.readAllLines(Path.of(passwordFile), StandardCharsets.UTF_8).stream().findFirst().orElse("");
                } catch (IOException e) {
                    throw new Usage("cannot read the password file " + passwordFile + ": " + e.getMessage());
                }
            } else {
                password = environment.get("DISTRICT_ADMIN_PASSWORD");
            }
            if (password == null || password.isEmpty()) {
                throw new Usage("no password: set DISTRICT_ADMIN_PASSWORD, or name a file with --password-file (or set DISTRICT_ADMIN_TOKEN)");
            }
            options.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return options;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new Usage(option + " needs a value");
            }
            return args[index];
        }
    }

    /** Wrong usage: exit code 2. */
    static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    /** The platform said no: exit code 1. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient String body;

        Refused(String detail, String body) {
            super(detail);
            this.body = body;
        }
    }

    /** No answer from the platform: exit code 3. */
    static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }
}
