package org.district.standalone;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.district.platform.testkit.RunningPlatform;

/**
 * What a running platform's database holds, read over JDBC beside it: the row count of every
 * table, and on request a hash of every table's content, so that a test can tell that a request
 * wrote nothing at all. The audit trail and the count of failed sign-ins are left out: they record
 * refused attempts too (a toggle of a module that does not exist, a wrong password), by design.
 */
final class DatabaseState implements AutoCloseable {

    private static final Set<String> LEFT_OUT = Set.of("platform_audit", "platform_audit_head", "platform_sign_in_failure");

    private final Connection connection;
    private final String counts;
    private final String contents;

    private DatabaseState(Connection connection) throws SQLException {
        this.connection = connection;
        boolean h2 = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        Map<String, List<String>> tables = new TreeMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!LEFT_OUT.contains(table.toLowerCase(java.util.Locale.ROOT))) {
                    tables.put(table, new ArrayList<>());
                }
            }
        }
        try (ResultSet rs = meta.getColumns(null, connection.getSchema(), "%", "%")) {
            while (rs.next()) {
                List<String> columns = tables.get(rs.getString("TABLE_NAME"));
                if (columns != null) {
                    columns.add(quote(rs.getString("COLUMN_NAME")));
                }
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables in " + meta.getURL());
        }
        List<String> countEach = new ArrayList<>();
        List<String> hashEach = new ArrayList<>();
        tables.forEach((table, columns) -> {
            String name = "'" + table.replace("'", "''") + "'";
            countEach.add("select " + name + ", count(*) from " + quote(table));
            // Every row as text, in a stable order, hashed where it lies: only a digest crosses the wire.
            String row = "concat_ws('|', " + String.join(", ", columns) + ")";
            String all = "string_agg(" + row + ", ',' order by " + row + ")";
            hashEach.add("select " + name + ", " + (h2 ? "rawtohex(hash('SHA-256', " + all + "))" : "md5(" + all + ")")
                    + " from " + quote(table));
        });
        this.counts = String.join(" union all ", countEach);
        this.contents = String.join(" union all ", hashEach);
    }

    /**
     * Sets the platform up so that its database can be read while it runs: an embedded H2 file is
     * opened in H2's automatic mixed mode, whose TCP server then listens on loopback only.
     */
    static RunningPlatform readableWhileRunning(RunningPlatform platform) {
        if (platform.jdbcUrl().startsWith("jdbc:h2:")) {
            platform.with("DISTRICT_JDBC_URL", platform.jdbcUrl() + ";AUTO_SERVER=TRUE")
                    .with("JAVA_TOOL_OPTIONS", "-Dh2.bindAddress=127.0.0.1");
        }
        return platform;
    }

    static DatabaseState of(RunningPlatform platform) {
        try {
            return new DatabaseState(DriverManager.getConnection(platform.jdbcUrl()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + platform.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Rows per table. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        query(counts, this.counts, rs -> rs.getLong(2));
        return counts;
    }

    /** Rows per table and a digest of each table's content. */
    Map<String, String> contents() {
        Map<String, String> contents = new TreeMap<>();
        Map<String, Long> counts = counts();
        query(contents, this.contents, rs -> counts.get(rs.getString(1)) + " rows " + rs.getString(2));
        return contents;
    }

    /** The tables whose entry differs between two readings, with both. */
    static <T> String changes(Map<String, T> before, Map<String, T> after) {
        Set<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String table : tables) {
            if (!java.util.Objects.equals(before.get(table), after.get(table))) {
                changed.add(table + ": " + before.get(table) + " -> " + after.get(table));
            }
        }
        return String.join("; ", changed);
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> void query(Map<String, T> into, String sql, Column<T> column) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.put(rs.getString(1), column.read(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database: " + e.getMessage(), e);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the platform is going away too
        }
    }
}
