package org.district.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;

/**
 * A running platform: Apache Felix with the distribution's bundles from {@code bundles/} started.
 * The runtime bundle then installs the modules of {@code plugins/} and enables those the database
 * wants enabled, and says when it is ready (or why it failed) through a service property.
 */
public final class Platform implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 120_000;
    /** This process's id: the platform's health answers carry it, so that another process on the port is never taken for it. */
    private static final String INSTANCE_PROPERTY = "district.instance";
    private static final String INSTANCE = java.util.UUID.randomUUID().toString();

    private final Framework framework;

    private Platform(Framework framework) {
        this.framework = framework;
    }

    /** Starts the platform and returns once it is ready; throws with the reason when it cannot start. */
    public static Platform start(LaunchSettings settings, boolean withShell) throws StartFailure {
        List<Path> folders = withShell
                ? List.of(settings.home().resolve("bundles"), settings.home().resolve("bundles/shell"))
                : List.of(settings.home().resolve("bundles"));
        return start(frameworkProperties(settings, withShell), folders, context -> { }, giveUp -> awaitReadyOverHttp(settings, giveUp));
    }

    /**
     * Starts the platform inside a host that serves HTTP itself, such as a web application on an
     * application server (distributions/liberty): the host's servlet container reaches the bundles
     * through the Felix HTTP bridge, so there is no HTTP server bundle and nothing to probe over HTTP
     * while starting (the host serves no request before this returns).
     *
     * @param settings the platform's settings, as the standalone launcher reads them
     * @param bundles the folder of the bundles to install and start (the bridge instead of Jetty)
     * @param properties framework properties over those of the settings; a {@code null} value removes one
     * @param beforeBundlesStart called with the system bundle's context once the framework is initialised and
     *        before any bundle is installed, to register the host's services (such as its DataSource)
     * @return the platform, once the runtime said it is ready
     * @throws StartFailure with the reason when it cannot start
     */
    public static Platform startEmbedded(LaunchSettings settings, Path bundles, java.util.Map<String, String> properties,
            Consumer<BundleContext> beforeBundlesStart) throws StartFailure {
        java.util.Map<String, String> framework = new java.util.LinkedHashMap<>(frameworkProperties(settings, false));
        properties.forEach((key, value) -> {
            if (value == null) {
                framework.remove(key);
            } else {
                framework.put(key, value);
            }
        });
        return start(framework, List.of(bundles), beforeBundlesStart, giveUp -> { });
    }

    /** The framework's own context, for a host that hands it to its bridge (the servlet context attribute). */
    public BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    /**
     * What the runtime's "ready" must be joined by: the standalone launcher asks its readiness probe over
     * HTTP. It starts with the bundles and ends when the probe says ready, or when told to give up.
     */
    @FunctionalInterface
    private interface Readiness {
        void await(java.util.function.BooleanSupplier giveUp) throws StartFailure;
    }

    private static Platform start(java.util.Map<String, String> properties, List<Path> folders,
            Consumer<BundleContext> beforeBundlesStart, Readiness readiness) throws StartFailure {
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new StartFailure("no OSGi framework on the class path"))
                .newFramework(properties);
        java.util.concurrent.atomic.AtomicBoolean giveUp = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            beforeBundlesStart.accept(context);
            List<Bundle> installed = new ArrayList<>();
            for (Path folder : folders) {
                installed.addAll(install(context, folder));
            }
            framework.start();
            // The readiness probe is asked from the start: its first answers (not yet ready) load the
            // server's request path beside the bundles' start rather than after it.
            CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
                try {
                    readiness.await(giveUp::get);
                } catch (StartFailure e) {
                    throw new CompletionException(e);
                }
            }, Platform::onOwnThread);
            // The HTTP server takes a good part of the start and nothing waits for it but serving:
            // in its turn it starts beside the bundles after it, whose servlets it picks up when it is up.
            CompletableFuture<Void> serversStarted = CompletableFuture.completedFuture(null);
            for (Bundle bundle : inStartOrder(installed)) {
                if (isHttpServer(bundle)) {
                    serversStarted = CompletableFuture.allOf(serversStarted, CompletableFuture.runAsync(() -> start(bundle)));
                } else {
                    bundle.start();
                }
            }
            try {
                serversStarted.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            try {
                awaitOutcome(context);
                ready.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof StartFailure failure) {
                    throw failure;
                }
                throw e;
            }
            return new Platform(framework);
        } catch (StartFailure e) {
            stop(framework);
            throw e;
        } catch (BundleException | IOException | RuntimeException e) {
            stop(framework);
            throw new StartFailure("the platform could not start: " + e.getMessage(), e);
        } finally {
            giveUp.set(true);
        }
    }

    /** A daemon thread of its own: the probe sleeps between its questions, which a shared pool's thread must not. */
    private static void onOwnThread(Runnable work) {
        Thread thread = new Thread(work, "district-readiness");
        thread.setDaemon(true);
        thread.start();
    }

    private static java.util.Map<String, String> frameworkProperties(LaunchSettings settings, boolean withShell) {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>(settings.frameworkProperties());
        properties.put(INSTANCE_PROPERTY, INSTANCE);
        // In a terminal the shell reads commands; closing it (or 'stop 0') stops the platform.
        properties.put("gosh.args", withShell ? "" : "--nointeractive --noshutdown");
        return properties;
    }

    private static boolean isHttpServer(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && revision.getDeclaredCapabilities("osgi.implementation").stream()
                .anyMatch(c -> "osgi.http".equals(c.getAttributes().get("osgi.implementation")));
    }

    private static void start(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new IllegalStateException(bundle.getSymbolicName() + " did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Installs the folder's bundles where they are ({@code reference:}): the distribution's jars are
     * not copied into the framework's cache on every first start.
     */
    private static List<Bundle> install(BundleContext context, Path folder) throws IOException, BundleException {
        List<Bundle> bundles = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return bundles;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            bundles.add(context.installBundle("reference:" + jar.toUri()));
        }
        return bundles;
    }

    /**
     * Infrastructure before the components that use it: extenders first (they act on bundles as
     * those start); then bundles that run no code of their own when started (libraries: the
     * extenders register their service-loader providers, such as the logging backend); then bundles
     * with an activator (servers, drivers, registries such as HK2's resource locator); and last the
     * bundles of Declarative Services components, which may use all of the above as soon as they
     * activate. Fragments are never started.
     */
    private static List<Bundle> inStartOrder(List<Bundle> bundles) {
        List<Bundle> ordered = new ArrayList<>();
        bundles.stream().filter(b -> provides(b, "osgi.extender")).forEach(ordered::add);
        bundles.stream().filter(b -> !ordered.contains(b) && !has(b, Constants.BUNDLE_ACTIVATOR) && !has(b, "Service-Component")).forEach(ordered::add);
        bundles.stream().filter(b -> !ordered.contains(b) && !has(b, "Service-Component")).forEach(ordered::add);
        bundles.stream().filter(b -> !ordered.contains(b)).forEach(ordered::add);
        ordered.removeIf(b -> has(b, Constants.FRAGMENT_HOST));
        return ordered;
    }

    private static boolean has(Bundle bundle, String header) {
        return bundle.getHeaders("").get(header) != null;
    }

    private static boolean provides(Bundle bundle, String namespace) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && !revision.getDeclaredCapabilities(namespace).isEmpty();
    }

    private static void awaitOutcome(BundleContext context) throws StartFailure {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] outcomes;
            try {
                outcomes = context.getServiceReferences((String) null, "(district.startup=*)");
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (outcomes != null) {
                for (ServiceReference<?> outcome : outcomes) {
                    if ("failed".equals(outcome.getProperty("district.startup"))) {
                        throw new StartFailure(String.valueOf(outcome.getProperty("district.startup.reason")));
                    }
                }
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailure("interrupted while starting");
            }
        }
        throw new StartFailure("the platform was not ready after " + START_TIMEOUT_MILLIS / 1000 + " s");
    }

    /**
     * Ready means the endpoints answer: ask the platform's own readiness probe, as a load balancer
     * would (with the JDK's plain URL connection, lighter to load at start than its HTTP client).
     */
    private static void awaitReadyOverHttp(LaunchSettings settings, java.util.function.BooleanSupplier giveUp) throws StartFailure {
        String host = settings.httpHost().equals("0.0.0.0") ? "127.0.0.1" : settings.httpHost();
        java.net.URL probe;
        try {
            probe = java.net.URI.create("http://" + host + ":" + settings.httpPort() + "/health/ready").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new StartFailure("no readiness probe at " + host + ":" + settings.httpPort(), e);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        String last = "no answer";
        // Asked while the server is still starting, a question may go unanswered: it is asked again soon,
        // waiting twice as long each time one times out (up to 5 s), so that a slow probe is still heard.
        int timeout = 250;
        while (System.currentTimeMillis() < deadline && !giveUp.getAsBoolean()) {
            try {
                java.net.HttpURLConnection connection = (java.net.HttpURLConnection) probe.openConnection(java.net.Proxy.NO_PROXY);
                connection.setConnectTimeout(timeout);
                connection.setReadTimeout(timeout);
                int status = connection.getResponseCode();
                if (status == 200 && !INSTANCE.equals(connection.getHeaderField("District-Instance"))) {
                    throw new StartFailure("port " + settings.httpPort() + " is answered by another process (" + probe
                            + " said it is ready, but not for this platform); set DISTRICT_HTTP_PORT to a free port");
                }
                if (status == 200) {
                    connection.getInputStream().close();
                    return;
                }
                try (var body = connection.getErrorStream()) {
                    last = status + (body == null ? "" : " " + new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (java.net.SocketTimeoutException e) {
                last = e.toString();
                timeout = Math.min(timeout * 2, 5_000);
            } catch (IOException e) {
                last = e.toString();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailure("interrupted while starting");
            }
        }
        if (giveUp.getAsBoolean()) {
            throw new StartFailure("the platform did not start");
        }
        throw new StartFailure("the platform did not become ready at " + probe + ": " + last);
    }

    /** Blocks until the framework has stopped, from a shutdown or from the shell. */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() {
        stop(framework);
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException | InterruptedException e) {
            // stopping anyway
        }
    }

    /** The platform did not start; the message says why. */
    public static final class StartFailure extends Exception {
        private static final long serialVersionUID = 1L;

        StartFailure(String message) {
            super(message);
        }

        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
