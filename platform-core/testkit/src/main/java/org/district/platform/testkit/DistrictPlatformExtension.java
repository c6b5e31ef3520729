package org.district.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The extension behind {@link WithPlatform}: starts the platform the first time a test asks for it,
 * checks that the modules under test are enabled, hands out {@link RunningPlatform} and
 * {@link Modules}, and stops the platform when the class (or, per method, the test) is done.
 *
 * <p>The platform runs as a city runs it, in a process of its own started from the platform home,
 * not inside the test's JVM: the framework's class path is then the distribution's and nothing of
 * the test run's (JUnit, Jackson, the build's class path) leaks into it; settings are the process's
 * own environment; several platforms, restarts and kills in one test run share no static state (JDBC
 * drivers, Jersey's and HK2's locators, the framework's cache). The cost is a start of two to four
 * seconds, paid once per class by default.
 */
public final class DistrictPlatformExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(DistrictPlatformExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningPlatform.class || type == Modules.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningPlatform platform = platform(parameter.getDeclaringExecutable(), context);
        return parameter.getParameter().getType() == Modules.class ? new Modules(platform) : platform;
    }

    private static RunningPlatform platform(Executable asking, ExtensionContext context) {
        Class<?> annotated = annotatedClass(context)
                .orElseThrow(() -> new ParameterResolutionException("the test class is not annotated with @WithPlatform"));
        WithPlatform wanted = annotated.getAnnotation(WithPlatform.class);
        ExtensionContext owner;
        if (wanted.lifecycle() == WithPlatform.Lifecycle.PER_METHOD) {
            if (context.getTestMethod().isEmpty()) {
                throw new ParameterResolutionException("@WithPlatform(lifecycle = PER_METHOD) gives a platform to test methods and "
                        + "@BeforeEach/@AfterEach methods only, not to " + asking);
            }
            owner = context;
        } else {
            owner = context;
            while (owner.getTestMethod().isPresent() || owner.getTestClass().filter(annotated::equals).isEmpty()) {
                owner = owner.getParent().orElseThrow();
            }
        }
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(Started.class, key -> Started.start(wanted), Started.class).platform();
    }

    /** The test class, or the nearest class enclosing it, that carries {@code @WithPlatform}. */
    private static Optional<Class<?>> annotatedClass(ExtensionContext context) {
        for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(type, WithPlatform.class)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * A platform started once for its owner, or why it could not be: a failed start is kept, so the
     * tests after the first fail with the same reason at once instead of each waiting for another start.
     */
    private record Started(RunningPlatform running, AssertionError failure) implements AutoCloseable {

        static Started start(WithPlatform wanted) {
            RunningPlatform platform = null;
            try {
                checkHome();
                platform = RunningPlatform.withTestModules(wanted.testModules());
                for (String setting : wanted.settings()) {
                    int equals = setting.indexOf('=');
                    if (equals < 1) {
                        throw new AssertionError("@WithPlatform settings are NAME=value, not '" + setting + "'");
                    }
                    platform.with(setting.substring(0, equals).trim(), setting.substring(equals + 1));
                }
                platform.start();
                expectEnabled(platform, wanted.modules());
                return new Started(platform, null);
            } catch (AssertionError | RuntimeException e) {
                if (platform != null) {
                    platform.close();
                }
                return new Started(null, e instanceof AssertionError failure ? failure : new AssertionError(e.getMessage(), e));
            }
        }

        RunningPlatform platform() {
            if (failure != null) {
                throw failure;
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }

    private static void checkHome() {
        Path launcher = RunningPlatform.HOME.resolve("lib/district-launcher.jar");
        if (!Files.isRegularFile(launcher)) {
            throw new AssertionError("no platform home at " + RunningPlatform.HOME.toAbsolutePath() + " (district.home): run the tests with "
                    + "'mvn verify', whose pre-integration-test phase unpacks the platform and puts the module in its plugins/");
        }
    }

    /** Fails with each module's state and reason unless all of {@code ids} (or, if none are named, all modules) are enabled. */
    private static void expectEnabled(RunningPlatform platform, String[] ids) {
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        for (JsonNode module : platform.getAsAdmin("/api/admin/modules").json()) {
            listed.put(module.get("id").asText(), module);
        }
        List<String> wanted = ids.length == 0 ? List.copyOf(listed.keySet()) : List.of(ids);
        List<String> problems = new ArrayList<>();
        for (String id : wanted) {
            JsonNode module = listed.get(id);
            if (module == null) {
                problems.add("module '" + id + "' is not in the platform; its plugins/ holds " + jars(platform.plugins()));
            } else if (!"enabled".equals(module.path("state").asText())) {
                problems.add("module '" + id + "' is " + module.path("state").asText() + ": " + module.path("reason").asText("(no reason given)"));
            }
        }
        if (!problems.isEmpty()) {
            String output = platform.output();
            throw new AssertionError(String.join("\n", problems) + "\n--- the platform's output, last part:\n"
                    + output.substring(Math.max(0, output.length() - 4000)));
        }
    }

    private static List<String> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
