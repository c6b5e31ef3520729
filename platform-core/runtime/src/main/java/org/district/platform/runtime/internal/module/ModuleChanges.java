package org.district.platform.runtime.internal.module;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * How the nodes of a city learn of each other's changes to shared state (the enabled modules, their
 * settings). A change moves its topic's counter in {@code platform_change} in the transaction that
 * makes it, and on PostgreSQL notifies {@value #CHANNEL} as it commits. A follower waits here: on
 * PostgreSQL it listens, so the wait ends at once; elsewhere, and whenever listening fails, it
 * simply waits. Either way it re-reads the counter after each wait, which is the safety net for a
 * notification missed.
 */
final class ModuleChanges implements AutoCloseable {

    /** The PostgreSQL channel every change notifies. */
    static final String CHANNEL = "district_modules";
    /** Topics: which modules are enabled, and their settings. */
    static final String MODULES = "modules";
    static final String CONFIG = "config";

    /**
     * Moves a topic's counter in the caller's transaction. Its row stays locked until the commit, so
     * that changes of one topic made at once on several nodes happen one after the other.
     */
    static void moved(Connection c, String topic) throws SQLException {
        try (PreparedStatement bump = c.prepareStatement("update platform_change set counter = counter + 1 where topic = ?")) {
            bump.setString(1, topic);
            bump.executeUpdate();
        }
    }

    /** On PostgreSQL, tells the other nodes when the caller's transaction commits. */
    static void announce(Connection c) throws SQLException {
        if (onPostgres(c)) {
            try (PreparedStatement notify = c.prepareStatement("select pg_notify('" + CHANNEL + "', '')")) {
                notify.execute();
            }
        }
    }

    /** How many changes of the topic the database has seen. */
    static long counter(DataSource dataSource, String topic) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select counter from platform_change where topic = ?")) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the change counter of " + topic + ": " + e.getMessage(), e);
        }
    }

    static boolean onPostgres(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }

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
            if (!onPostgres(connection)) {
                connection.close();
                postgres = false;
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
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
