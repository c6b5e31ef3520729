package org.district.platform.runtime.internal.module;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Waits for the next toggle another node may have made. On PostgreSQL it listens on
 * {@value EnabledModules#CHANNEL}, which every toggle notifies as it commits, so the wait ends at
 * once; elsewhere, and whenever listening fails, it simply waits. Either way the caller re-reads the
 * change counter after each wait, which is the safety net for a notification missed.
 */
final class ModuleChanges implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ModuleChanges.class.getName());

    private final DataSource dataSource;
    /** The listening connection, or null when not listening. */
    private Connection listening;
    /** The driver's {@code PGConnection.getNotifications(int)}, reached through the connection's own class. */
    private Method notifications;
    private Object driverConnection;
    /** False once the database turned out not to be PostgreSQL: then there is nothing to listen to. */
    private boolean postgres = true;

    ModuleChanges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns after {@code millis}, or sooner when PostgreSQL notifies a toggle; false when interrupted. */
    boolean await(long millis) {
        if (listening == null && postgres) {
            listen();
        }
        if (notifications != null) {
            try {
                notifications.invoke(driverConnection, (int) millis);
                return !Thread.currentThread().isInterrupted();
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Stopped listening for module changes: " + e.getMessage());
                close();
            }
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void listen() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!EnabledModules.onPostgres(connection)) {
                connection.close();
                postgres = false;
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("listen " + EnabledModules.CHANNEL);
            }
            Object driver = connection.unwrap(Connection.class);
            notifications = driver.getClass().getMethod("getNotifications", int.class);
            driverConnection = driver;
            listening = connection;
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            // Not listening: the caller re-reads every wait, which is slower but enough. Never hold on to the connection.
            LOG.log(System.Logger.Level.DEBUG, "Not listening for module changes: " + e.getMessage());
            postgres = false;
            notifications = null;
            driverConnection = null;
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    // gone either way
                }
            }
        }
    }

    @Override
    public void close() {
        notifications = null;
        driverConnection = null;
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException e) {
                // the connection is gone either way
            }
            listening = null;
        }
    }
}
