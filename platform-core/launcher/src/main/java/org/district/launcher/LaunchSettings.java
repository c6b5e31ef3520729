package org.district.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The platform's settings, each from an environment variable ({@code DISTRICT_HTTP_PORT}) or a
 * system property of the same name ({@code district.http.port}); the system property wins.
 * A city bundle (distributions/cities) brings defaults of its own in
 * {@code city/defaults.properties} ({@code DISTRICT_DEMO_DATA=true}), below both and above the
 * platform's. Relative folders are taken from the distribution's home folder.
 */
public record LaunchSettings(Path home, int httpPort, String httpHost, Path dataDir, Path pluginsDir, Path cityDir, String jdbcUrl,
        String jdbcUser, String jdbcPassword, String adminPassword, boolean demoData, String corsOrigins, int publicRateLimit,
        Map<String, String> passedOn) {

    /** Every setting the launcher reads, with its default, as documented in the README. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("DISTRICT_HTTP_PORT", "8080");
        defaults.put("DISTRICT_HTTP_HOST", "0.0.0.0");
        defaults.put("DISTRICT_DATA_DIR", "data");
        defaults.put("DISTRICT_PLUGINS_DIR", "plugins");
        defaults.put("DISTRICT_CITY_DIR", "city");
        defaults.put("DISTRICT_ALLOW_UNLISTED_MODULES", "false");
        defaults.put("DISTRICT_JDBC_URL", "");
        defaults.put("DISTRICT_JDBC_USER", "");
        defaults.put("DISTRICT_JDBC_PASSWORD", "");
        defaults.put("DISTRICT_ADMIN_PASSWORD", "");
        defaults.put("DISTRICT_DEMO_DATA", "false");
        defaults.put("DISTRICT_CORS_ORIGINS", "");
        defaults.put("DISTRICT_PUBLIC_RATE_LIMIT", "1200");
        // four per core: a few requests on each core at once serve as many a second as many more would, with a shorter tail
        defaults.put("DISTRICT_MODULE_MAX_REQUESTS", Integer.toString(4 * Runtime.getRuntime().availableProcessors()));
        defaults.put("DISTRICT_MODULE_REQUEST_SECONDS", "30");
        defaults.put("DISTRICT_MODULE_MAX_THREADS", "64");
        defaults.put("DISTRICT_OIDC_ISSUER", "");
        defaults.put("DISTRICT_OIDC_AUDIENCE", "");
        defaults.put("DISTRICT_OIDC_JWKS_URL", "");
        defaults.put("DISTRICT_OIDC_ROLES_CLAIM", "roles");
        defaults.put("DISTRICT_OIDC_USERNAME_CLAIM", "preferred_username");
        defaults.put("DISTRICT_METRICS_TOKEN", "");
        defaults.put("DISTRICT_TRUSTED_PROXIES", "127.0.0.1, ::1");
        DEFAULTS = Map.copyOf(defaults);
    }

    public static LaunchSettings from(Path home, Function<String, String> environment, Function<String, String> systemProperties) {
        Function<String, String> given = name -> {
            String property = systemProperties.apply(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
            return property != null ? property : environment.apply(name);
        };
        Path cityDir = home.resolve(Optional.ofNullable(given.apply("DISTRICT_CITY_DIR")).orElse(DEFAULTS.get("DISTRICT_CITY_DIR"))).normalize();
        Map<String, String> cityDefaults = cityDefaults(cityDir);
        Function<String, String> setting = name -> {
            String value = given.apply(name);
            return value != null ? value : cityDefaults.getOrDefault(name, DEFAULTS.get(name));
        };
        String port = setting.apply("DISTRICT_HTTP_PORT");
        int httpPort;
        try {
            httpPort = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DISTRICT_HTTP_PORT must be a port number, not '" + port + "'");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("DISTRICT_HTTP_PORT must be between 0 and 65535, not " + httpPort);
        }
        String limit = setting.apply("DISTRICT_PUBLIC_RATE_LIMIT");
        int publicRateLimit;
        try {
            publicRateLimit = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DISTRICT_PUBLIC_RATE_LIMIT must be a number of requests a minute (0 for no limit), not '" + limit + "'");
        }
        if (publicRateLimit < 0) {
            throw new IllegalArgumentException("DISTRICT_PUBLIC_RATE_LIMIT must be 0 (no limit) or more, not " + publicRateLimit);
        }
        Path dataDir = home.resolve(setting.apply("DISTRICT_DATA_DIR")).normalize();
        return new LaunchSettings(home, httpPort, setting.apply("DISTRICT_HTTP_HOST"), dataDir,
                home.resolve(setting.apply("DISTRICT_PLUGINS_DIR")).normalize(), cityDir,
                setting.apply("DISTRICT_JDBC_URL"), setting.apply("DISTRICT_JDBC_USER"),
                setting.apply("DISTRICT_JDBC_PASSWORD"), setting.apply("DISTRICT_ADMIN_PASSWORD"),
                Boolean.parseBoolean(setting.apply("DISTRICT_DEMO_DATA").trim()),
                setting.apply("DISTRICT_CORS_ORIGINS"), publicRateLimit, passedOn(setting));
    }

    /**
     * The settings a city bundle chose for itself, from {@code defaults.properties} in its city folder;
     * none without one. Only settings the launcher knows are taken: a typo there fails the start.
     */
    private static Map<String, String> cityDefaults(Path cityDir) {
        Path file = cityDir.resolve("defaults.properties");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("the city's settings " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException(file + " sets '" + name + "', which is not a setting of the platform");
            }
            defaults.put(name, properties.getProperty(name));
        }
        return defaults;
    }

    /**
     * The OpenID Connect settings that are set, the limits on each module (requests at once, seconds
     * a request may run, threads of its own), whether a city bundle loads unlisted modules, the metrics token when set and the proxies whose
     * X-Forwarded-For is trusted, by their framework property ({@code district.oidc.issuer},
     * {@code district.module.max.requests}, {@code district.metrics.token}, {@code district.trusted.proxies}, ...).
     */
    private static Map<String, String> passedOn(Function<String, String> setting) {
        Map<String, String> passed = new LinkedHashMap<>();
        for (String name : DEFAULTS.keySet()) {
            String value = setting.apply(name);
            if (name.startsWith("DISTRICT_MODULE_")) {
                int limit;
                try {
                    limit = Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
                }
                if (limit < 1) {
                    throw new IllegalArgumentException(name + " must be 1 or more, not " + limit);
                }
                passed.put(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'), Integer.toString(limit));
            }
            if (name.equals("DISTRICT_TRUSTED_PROXIES") && value != null) {
                for (String proxy : value.split(",")) {
                    if (!proxy.isBlank() && !proxy.strip().matches("[0-9A-Fa-f:.]+(/[0-9]{1,3})?")) {
                        throw new IllegalArgumentException("DISTRICT_TRUSTED_PROXIES must list IP addresses or ranges (10.0.0.0/8), not '" + proxy.strip() + "'");
                    }
                }
            }
            if (name.equals("DISTRICT_ALLOW_UNLISTED_MODULES")) {
                if (!value.strip().matches("(?i)true|false")) {
                    throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
                }
                passed.put("district.allow.unlisted.modules", value.strip().toLowerCase(java.util.Locale.ROOT));
            }
            if ((name.startsWith("DISTRICT_OIDC_") || name.equals("DISTRICT_METRICS_TOKEN") || name.equals("DISTRICT_TRUSTED_PROXIES"))
                    && value != null && !value.isBlank()) {
                passed.put(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'), value.strip());
            }
        }
        if (passed.containsKey("district.oidc.issuer") && !passed.containsKey("district.oidc.audience")) {
            throw new IllegalArgumentException("DISTRICT_OIDC_AUDIENCE must name this platform's client id when DISTRICT_OIDC_ISSUER is set");
        }
        return Map.copyOf(passed);
    }

    /** What the runtime bundles read as framework properties. */
    Map<String, String> frameworkProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("org.osgi.framework.storage", dataDir.resolve("felix-cache").toString());
        // The bundles come from the distribution's folders at every start; the state that matters
        // (which modules are enabled, their data) lives in the database.
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        // Settings changed at runtime (module configuration through ConfigAdmin) outlive the cache and a restart.
        properties.put("felix.cm.dir", dataDir.resolve("config").toString());
        properties.put("org.osgi.service.http.port", Integer.toString(httpPort));
        properties.put("org.apache.felix.http.host", httpHost);
        properties.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        properties.put("felix.log.level", "1");
        properties.put("district.data.dir", dataDir.toString());
        properties.put("district.plugins.dir", pluginsDir.toString());
        properties.put("district.city.dir", cityDir.toString());
        putIfSet(properties, "district.jdbc.url", jdbcUrl);
        putIfSet(properties, "district.jdbc.user", jdbcUser);
        putIfSet(properties, "district.jdbc.password", jdbcPassword);
        putIfSet(properties, "district.admin.password", adminPassword);
        properties.put("district.demo.data", Boolean.toString(demoData));
        putIfSet(properties, "district.cors.origins", corsOrigins);
        properties.put("district.public.rate.limit", Integer.toString(publicRateLimit));
        properties.putAll(passedOn);
        return properties;
    }

    private static void putIfSet(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }
}
