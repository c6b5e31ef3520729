package org.district.platform.runtime.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;

/**
 * How one module's Jersey application follows its resources: registering one never waits for a build
 * (nor for the service, which the build gets), and no build runs while the platform starts its modules
 * unless a request asks for the application.
 */
class ApiMountTest {

    @Path("first")
    public static final class First {
        @GET
        public String get() {
            return "first";
        }
    }

    @Path("second")
    public static final class Second {
        @GET
        public String get() {
            return "second";
        }
    }

    private final ScheduledExecutorService builder = Executors.newScheduledThreadPool(2);
    private final AtomicLong ids = new AtomicLong();
    private final Map<Object, Long> idsOf = new ConcurrentHashMap<>();
    private final Map<ServiceReference<Object>, Object> registered = new ConcurrentHashMap<>();
    private final Set<ServiceReference<Object>> got = ConcurrentHashMap.newKeySet();
    /** Getting a service waits for this, as getting a component that activates slowly does. */
    private volatile CountDownLatch activation = new CountDownLatch(0);
    private final AtomicBoolean starting = new AtomicBoolean();

    private final ApiMount.Services registry = new ApiMount.Services() {
        @Override
        public Object get(ServiceReference<Object> reference) {
            try {
                activation.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            got.add(reference);
            return registered.get(reference);
        }

        @Override
        public void unget(ServiceReference<Object> reference) {
            got.remove(reference);
        }
    };

    @AfterEach
    void stopBuilder() {
        builder.shutdownNow();
    }

    @Test
    void registeringAResourceWaitsNeitherForTheServiceNorForABuildUnderWay() throws Exception {
        ApiMount mount = mount();
        activation = new CountDownLatch(1);
        ServiceReference<Object> first = resource(new First());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> mount.add(first), "registering does not get the service");

        CountDownLatch built = new CountDownLatch(1);
        Thread request = new Thread(() -> {
            mount.container();
            built.countDown();
        });
        request.start(); // a request builds, and waits for the first resource's activation
        ServiceReference<Object> second = resource(new Second());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> mount.add(second), "registering does not wait for the build under way");

        activation.countDown();
        assertTrue(built.await(30, TimeUnit.SECONDS));
        ServletContainer container = mount.container();
        assertNotNull(container);
        assertEquals(List.of(First.class, Second.class), mount.resourceClasses().stream().sorted((a, b) -> a.getName().compareTo(b.getName())).toList(),
                "the next look at the application has both resources");
        assertEquals(Set.of(first, second), got);
    }

    @Test
    void whileThePlatformStartsItsModulesOnlyARequestBuilds() throws Exception {
        starting.set(true);
        ApiMount mount = mount();
        ServiceReference<Object> first = resource(new First());
        mount.add(first);
        Thread.sleep(300);
        assertTrue(got.isEmpty(), "no build got the service while the modules start");

        assertNotNull(mount.container(), "a request builds the application itself");
        assertEquals(Set.of(first), got);
    }

    @Test
    void afterTheStartASettledChangeIsBuiltWithoutARequest() throws Exception {
        starting.set(true);
        ApiMount mount = mount();
        ServiceReference<Object> first = resource(new First());
        mount.add(first);
        starting.set(false);
        for (int i = 0; i < 300 && got.isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertEquals(Set.of(first), got, "the builder built it once the modules had started");
    }

    @Test
    void theLastResourceGoneClosesTheAddressAndGivesTheServiceBack() {
        ApiMount mount = mount();
        ServiceReference<Object> first = resource(new First());
        mount.add(first);
        assertNotNull(mount.container());
        mount.remove(first);
        assertTrue(got.isEmpty(), "the service is given back at once");
        assertNull(mount.container(), "the next request finds no application: 404");
    }

    private ApiMount mount() {
        ApiMount.Providers providers = new ApiMount.Providers(null, null, null, Set::of, null, () -> null, 1024, ClientAddress.trusting(null),
                starting::get);
        return new ApiMount("example", providers, servletContext(), builder, registry, (bundle, reason) -> { });
    }

    @SuppressWarnings("unchecked")
    private ServiceReference<Object> resource(Object service) {
        long id = ids.incrementAndGet();
        ServiceReference<Object> reference = (ServiceReference<Object>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE.equals(args[0]) ? "true" : null;
                    case "compareTo" -> Long.compare(id, idOf(args[0]));
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "resource " + id;
                    case "getBundle" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        idsOf.put(reference, id);
        registered.put(reference, service);
        return reference;
    }

    private long idOf(Object reference) {
        return idsOf.get(reference);
    }

    /** What Jersey asks of the servlet context at its start: nothing that matters here. */
    private static ServletContext servletContext() {
        return (ServletContext) Proxy.newProxyInstance(ApiMountTest.class.getClassLoader(), new Class<?>[] { ServletContext.class },
                (proxy, method, args) -> {
                    Class<?> type = method.getReturnType();
                    if (type == boolean.class) {
                        return false;
                    }
                    if (type == int.class) {
                        return 0;
                    }
                    if (type == java.util.Enumeration.class) {
                        return java.util.Collections.emptyEnumeration();
                    }
                    if (method.getName().equals("toString")) {
                        return "servlet context";
                    }
                    return null;
                });
    }
}
