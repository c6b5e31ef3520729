package org.district.platform.runtime.internal.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.district.platform.runtime.internal.rest.Json;
import org.district.platform.runtime.internal.security.CurrentRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The audit trail in the platform's database. Each entry's hash covers its fields and the hash of
 * the entry before it; appending locks the one head row, so concurrent writers on several nodes
 * still form one chain. {@link #verify()} recomputes the chain and names the first entry that was
 * edited or that follows a deleted one.
 */
@Component(service = AuditLedger.class)
public class AuditLedger {

    static final String GENESIS = "0".repeat(64);
    private static final String ALL_IN_ORDER =
            "select id, at, actor, address, module, action, subject, details, previous_hash, hash from platform_audit order by id";

    @Reference
    private DataSource dataSource;

    /** One entry as stored. */
    public record Entry(long id, OffsetDateTime at, String actor, String address, String module, String action,
            String subject, Map<String, String> details) {
    }

    /** Appends an entry for the caller of the current request. */
    public void append(String module, String action, String about, Map<String, String> details) {
        CurrentRequest.Caller request = CurrentRequest.caller();
        // What a request names (a user name tried, a forwarded address, an id in the path) is cut to fit its column: it is always recorded.
        CurrentRequest.Caller caller = new CurrentRequest.Caller(fit(request.actor(), 100), fit(request.address(), 100));
        String subject = fit(about, 300);
        String detailsJson = json(details);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long lastId;
                String lastHash;
                try (PreparedStatement head = c.prepareStatement("select last_id, last_hash from platform_audit_head where id = 1 for update");
                        ResultSet rs = head.executeQuery()) {
                    rs.next();
                    lastId = rs.getLong(1);
                    lastHash = rs.getString(2);
                }
                long id = lastId + 1;
                String hash = hash(lastHash, id, at, caller.actor(), caller.address(), module, action, subject, detailsJson);
                try (PreparedStatement insert = c.prepareStatement("insert into platform_audit (id, at, actor, address, module, action, subject, details, previous_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, id);
                    insert.setObject(2, at);
                    insert.setString(3, caller.actor());
                    insert.setString(4, caller.address());
                    insert.setString(5, module);
                    insert.setString(6, action);
                    insert.setString(7, subject);
                    insert.setString(8, detailsJson);
                    insert.setString(9, lastHash);
                    insert.setString(10, hash);
                    insert.executeUpdate();
                }
                try (PreparedStatement update = c.prepareStatement("update platform_audit_head set last_id = ?, last_hash = ? where id = 1")) {
                    update.setLong(1, id);
                    update.setString(2, hash);
                    update.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be written: " + e.getMessage(), e);
        }
    }

    /** The text as a column of this size holds it: cut short with an ellipsis, without NUL, which PostgreSQL refuses. */
    static String fit(String text, int size) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\u0000', '\ufffd');
        if (clean.length() <= size) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(size - 2)) ? size - 2 : size - 1;
        return clean.substring(0, end) + "…";
    }

    /** Entries newest first, of one module or all. */
    public List<Entry> entries(String module, int offset, int limit) {
        return entries(module, null, offset, limit);
    }

    /**
     * Entries newest first: of one module or all; with {@code about}, those a module wrote and the
     * platform's entries about it (its toggles and settings), which together are its history.
     */
    public List<Entry> entries(String module, String about, int offset, int limit) {
        String sql = "select id, at, actor, address, module, action, subject, details from platform_audit"
                + where(module, about) + " order by id desc";
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, module, about);
            s.setMaxRows(offset + limit);
            try (ResultSet rs = s.executeQuery()) {
                for (int row = 0; rs.next(); row++) {
                    if (row >= offset) {
                        entries.add(entry(rs));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read: " + e.getMessage(), e);
        }
        return entries;
    }

    public long count(String module) {
        return count(module, null);
    }

    public long count(String module, String about) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from platform_audit" + where(module, about))) {
            bind(s, module, about);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read: " + e.getMessage(), e);
        }
    }

    private static String where(String module, String about) {
        List<String> conditions = new ArrayList<>();
        if (module != null) {
            conditions.add("module = ?");
        }
        if (about != null) {
            conditions.add("(module = ? or (module = 'platform' and subject = ?))");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void bind(PreparedStatement statement, String module, String about) throws SQLException {
        int index = 1;
        if (module != null) {
            statement.setString(index++, module);
        }
        if (about != null) {
            statement.setString(index++, about);
            statement.setString(index, about);
        }
    }

    /** What a verification found: how many entries hold, and the first that does not. */
    public record Verification(boolean intact, long entries, Long firstBrokenId, String problem) {
    }

    public Verification verify() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(ALL_IN_ORDER);
                ResultSet rs = s.executeQuery()) {
            String previous = GENESIS;
            long expectedId = 1;
            long count = 0;
            while (rs.next()) {
                long id = rs.getLong(1);
                if (id != expectedId) {
                    return new Verification(false, count, id, "entries " + expectedId + " to " + (id - 1) + " are missing");
                }
                if (!previous.equals(rs.getString(9))) {
                    return new Verification(false, count, id, "the entry before it was changed or removed");
                }
                String hash = hash(previous, id, rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
                if (!hash.equals(rs.getString(10))) {
                    return new Verification(false, count, id, "the entry was changed after it was written");
                }
                previous = hash;
                expectedId++;
                count++;
            }
            try (PreparedStatement head = c.prepareStatement("select last_id, last_hash from platform_audit_head where id = 1");
                    ResultSet h = head.executeQuery()) {
                h.next();
                if (h.getLong(1) != count || !h.getString(2).equals(previous)) {
                    return new Verification(false, count, h.getLong(1), "the newest entries were removed");
                }
            }
            return new Verification(true, count, null, null);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read: " + e.getMessage(), e);
        }
    }

    /** The whole trail as CSV, oldest first, for auditors. Flushes {@code out} and leaves it open. */
    public void exportCsv(Writer out) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(ALL_IN_ORDER);
                ResultSet rs = s.executeQuery()) {
            // Not closed: closing the printer would close the response stream under the container.
            CSVPrinter csv = CSVFormat.DEFAULT.builder()
                    .setHeader("id", "at", "actor", "address", "module", "action", "subject", "details", "previous_hash", "hash")
                    .get().print(out);
            while (rs.next()) {
                csv.printRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
            }
            csv.flush();
        } catch (SQLException e) {
            throw new IOException("the audit trail could not be read: " + e.getMessage(), e);
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), details(rs.getString(8)));
    }

    private static String json(Map<String, String> details) {
        try {
            return Json.mapper().writeValueAsString(new TreeMap<>(details == null ? Map.of() : details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> details(String json) {
        try {
            return json == null ? Map.of() : Json.mapper().readValue(json, TreeMap.class);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", json);
        }
    }

    static String hash(String previous, long id, OffsetDateTime at, String... fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(previous).append('\n').append(id).append('\n')
                    .append(at.toInstant().toEpochMilli());
            for (String field : fields) {
                text.append('\n').append(field == null ? "\u0000" : field.replace("\\", "\\\\").replace("\n", "\\n"));
            }
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
