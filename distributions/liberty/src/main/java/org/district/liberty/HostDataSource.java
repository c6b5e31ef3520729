package org.district.liberty;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

/**
 * The server's DataSource as the platform gets it: Liberty's own, with one difference, in what
 * {@code unwrap} gives. The platform is written against a plain pool (HikariCP in the standalone
 * distribution), whose {@code connection.unwrap(Connection.class)} is the driver's connection, on
 * which it reaches driver methods such as PostgreSQL's {@code getNotifications(int)} (the module
 * manager listens for toggles made on other nodes). Liberty's connection is its own wrapper, and by
 * the JDBC rule "an object that implements the interface is its own answer" it answers
 * {@code unwrap(Connection.class)} with itself. Here that question is answered with the driver's
 * connection, which Liberty hands out for the driver's own interface ({@code org.postgresql.PGConnection},
 * visible to the application through {@code classloader commonLibraryRef} in server.xml). Every other
 * call goes to Liberty's connection as it is; the pool, its limits and its clean-up stay Liberty's.
 */
final class HostDataSource {

    /** The drivers' own connection interfaces Liberty unwraps to. */
    private static final List<String> DRIVER_CONNECTIONS = List.of("org.postgresql.PGConnection");

    private HostDataSource() {
    }

    static DataSource of(DataSource server) {
        ClassLoader loader = HostDataSource.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class},
                new Forward(server, (proxy, method, args) -> {
                    Object result = method.invoke(server, args);
                    return result instanceof Connection connection && method.getName().equals("getConnection")
                            ? connection(connection, loader) : result;
                }));
    }

    private static Connection connection(Connection server, ClassLoader loader) {
        return (Connection) Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class},
                new Forward(server, (proxy, method, args) -> {
                    if (method.getName().equals("unwrap") && args[0] instanceof Class<?> wanted && wanted == Connection.class) {
                        Object driver = driverConnection(server, loader);
                        if (driver != null) {
                            return driver;
                        }
                    }
                    return method.invoke(server, args);
                }));
    }

    /** The driver's connection behind Liberty's, or null when the driver is none Liberty unwraps here. */
    private static Object driverConnection(Connection server, ClassLoader loader) {
        for (String name : DRIVER_CONNECTIONS) {
            try {
                Class<?> driverInterface = Class.forName(name, false, loader);
                if (server.isWrapperFor(driverInterface)) {
                    return server.unwrap(driverInterface);
                }
            } catch (ClassNotFoundException | java.sql.SQLException e) {
                // not this driver
            }
        }
        return null;
    }

    /** Object's methods on the proxy itself; the rest to the handler, with the target's own exceptions. */
    private record Forward(Object target, Handler handler) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return "district:" + target;
                    }
                    break;
                default:
                    break;
            }
            try {
                return handler.handle(proxy, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object proxy, Method method, Object[] args) throws Throwable;
    }
}
