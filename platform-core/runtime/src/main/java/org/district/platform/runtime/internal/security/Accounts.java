package org.district.platform.runtime.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.district.platform.runtime.internal.PlatformSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * The platform's accounts, stored in its database with bcrypt password hashes. At first start it
 * creates the bootstrap admin: with {@code DISTRICT_ADMIN_PASSWORD} when set, otherwise with a
 * generated password printed once.
 */
@Component(service = Accounts.class, immediate = true)
public class Accounts {

    public static final String BOOTSTRAP_ADMIN = "admin";
    /**
     * bcrypt's work factor: 10, OWASP's floor and Spring Security's default. Each step doubles the
     * work; at 12 one hash took about half a second of a core on the 2-core reference machine, at
     * every start (the configured admin password is checked) and at each uncached sign-in, which
     * also made sign-ins a cheap way to load the server. Hashes stored with another factor verify as before.
     */
    private static final int COST = 10;
    /** bcrypt is slow on purpose; a script calling every second should not pay it every time. */
    private static final long VERIFIED_FOR_MILLIS = 5 * 60 * 1000L;
    private static final int MAX_REMEMBERED = 10_000;

    @Reference
    private DataSource dataSource;

    private final CompletableFuture<Void> bootstrap = new CompletableFuture<>();
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
    /**
     * The times of the latest failed sign-ins, at most {@value #MAX_FAILURES}, for names that are no
     * account: an existing account's are in the database, for every node to count.
     */
    private final Map<String, List<Long>> failures = new ConcurrentHashMap<>();

    public static final int MAX_FAILURES = 5;
    public static final int LOCK_MINUTES = 15;

    /** A password bcrypt accepted, against the hash it was checked with. */
    private record Remembered(String hash, long until) {
    }

    /**
     * Creates or updates the bootstrap admin. bcrypt takes a good part of a second on purpose, so
     * this runs beside the rest of the start; whatever needs the accounts waits for it.
     */
    @Activate
    void activate(BundleContext context) {
        String configured = PlatformSettings.of(context).adminPassword();
        Thread thread = new Thread(() -> {
            try {
                try {
                    bootstrapAdmin(configured);
                } catch (RuntimeException raced) {
                    // Another node starting at the same time may have created the admin first: look again.
                    bootstrapAdmin(configured);
                }
                bootstrap.complete(null);
            } catch (RuntimeException e) {
                bootstrap.completeExceptionally(e);
            }
        }, "district-bootstrap-admin");
        thread.setDaemon(true);
        thread.start();
    }

    private void bootstrapAdmin(String configured) {
        Optional<String> hash = passwordHash(BOOTSTRAP_ADMIN);
        if (configured != null && !configured.isEmpty()) {
            if (hash.isEmpty() || !BCrypt.verifyer().verify(configured.toCharArray(), hash.get()).verified) {
                store(BOOTSTRAP_ADMIN, configured, Set.of(Account.ADMIN), hash.isPresent());
            }
        } else if (hash.isEmpty()) {
            String generated = generatePassword();
            store(BOOTSTRAP_ADMIN, generated, Set.of(Account.ADMIN), false);
            System.out.println("""

                    ================================================================
                     District platform: the admin account was created.
                       user:     admin
                       password: %s
                     This password is shown only this once. Keep it safe, or set
                     DISTRICT_ADMIN_PASSWORD to choose it yourself.
                    ================================================================
                    """.formatted(generated));
        }
    }

    /** For readiness: UP once the bootstrap admin is in place, DOWN while it is being set up or when that failed. */
    public Map<String, Object> signInStatus() {
        if (!bootstrap.isDone()) {
            return Map.of("status", "DOWN", "reason", "the admin account is being set up");
        }
        if (bootstrap.isCompletedExceptionally()) {
            return Map.of("status", "DOWN", "reason", "the admin account could not be set up: "
                    + bootstrap.handle((ok, e) -> String.valueOf(e.getMessage())).join());
        }
        return Map.of("status", "UP");
    }

    /** Waits until the bootstrap admin is in place. */
    private void bootstrapped() {
        try {
            bootstrap.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the admin account could not be set up: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** What a sign-in came to: the account, or why not; {@code verified} when the password was checked just now. */
    public record SignIn(Optional<Account> account, boolean verified, boolean locked) {
    }

    /**
     * Signs in with these credentials. After {@value #MAX_FAILURES} failures for one account within
     * {@value #LOCK_MINUTES} minutes the account is locked for that long, right password or not, on
     * every node: the failures are kept in the database.
     */
    public SignIn authenticate(String username, String password) {
        bootstrapped();
        long now = System.currentTimeMillis();
        if (lockedUntil(username, now) > now) {
            return new SignIn(Optional.empty(), false, true);
        }
        String key = key(username, password);
        Remembered remembered = verified.get(key);
        Optional<Row> row = load(username);
        // Remembered only while the account's hash is the one it was checked with: a new password set on any
        // node ends it, and the roles are always the database's.
        if (remembered != null && remembered.until() > now && row.isPresent() && row.get().hash().equals(remembered.hash())) {
            return new SignIn(Optional.of(new Account(username, row.get().roles())), false, false);
        }
        Optional<Account> account = row
                .filter(found -> BCrypt.verifyer().verify(password.toCharArray(), found.hash()).verified)
                .map(found -> new Account(username, found.roles()));
        if (account.isPresent()) {
            failures.remove(username);
            forgetFailures(username);
            if (verified.size() > MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(key, new Remembered(row.get().hash(), now + VERIFIED_FOR_MILLIS));
        } else if (row.isPresent()) {
            failed(username, now);
        } else {
            // Each update replaces the list, so a reader never sees one half-changed.
            failures.merge(username, List.of(now), (earlier, latest) -> {
                List<Long> recent = new ArrayList<>(earlier);
                recent.addAll(latest);
                return List.copyOf(recent.subList(Math.max(0, recent.size() - MAX_FAILURES), recent.size()));
            });
        }
        return new SignIn(account, true, false);
    }

    /** A success, a new password or a deleted account: the count starts again. */
    private void forgetFailures(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("delete from platform_sign_in_failure where username = ?")) {
            s.setString(1, username);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the failed sign-ins of " + username + ": " + e.getMessage(), e);
        }
    }

    /** Counts a failed sign-in of an existing account, and forgets those too old to lock it. */
    private void failed(String username, long now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into platform_sign_in_failure (username, failed_at) values (?, ?)");
                PreparedStatement forget = c.prepareStatement("delete from platform_sign_in_failure where username = ? and failed_at < ?")) {
            insert.setString(1, username);
            insert.setTimestamp(2, new Timestamp(now));
            insert.executeUpdate();
            forget.setString(1, username);
            forget.setTimestamp(2, new Timestamp(now - 2 * LOCK_MINUTES * 60_000L));
            forget.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count a failed sign-in of " + username + ": " + e.getMessage(), e);
        }
    }

    /** The times of the account's latest failed sign-ins, oldest first, at most {@value #MAX_FAILURES}. */
    private List<Long> recentFailures(String username) {
        List<Long> recent = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select failed_at from platform_sign_in_failure where username = ?"
                        + " order by failed_at desc fetch first " + MAX_FAILURES + " rows only")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    recent.add(0, rs.getTimestamp(1).getTime());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the failed sign-ins of " + username + ": " + e.getMessage(), e);
        }
        return recent.isEmpty() ? failures.getOrDefault(username, List.of()) : recent;
    }

    /** When the account's lock ends, or 0 when it is not locked. */
    private long lockedUntil(String username, long now) {
        List<Long> recent = recentFailures(username);
        if (recent.size() < MAX_FAILURES) {
            return 0;
        }
        long first = recent.get(0);
        long last = recent.get(recent.size() - 1);
        return last - first <= LOCK_MINUTES * 60_000L ? last + LOCK_MINUTES * 60_000L : 0;
    }

    private record Row(String hash, Set<String> roles) {
    }

    /** Every account with its roles, by name; never a password hash. */
    public List<Account> list() {
        bootstrapped();
        List<Account> accounts = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select username, roles from platform_account order by username");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                accounts.add(new Account(rs.getString(1), roles(rs.getString(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the accounts: " + e.getMessage(), e);
        }
        return accounts;
    }

    public Optional<Account> find(String username) {
        bootstrapped();
        return load(username).map(row -> new Account(username, row.roles()));
    }

    /** Creates an account; false when the name is taken. */
    public boolean create(String username, String password, Set<String> roles) {
        bootstrapped();
        if (load(username).isPresent()) {
            return false;
        }
        store(username, password, roles, false);
        return true;
    }

    /** Changes an account's password and/or roles (null keeps it); false when there is no such account. */
    public boolean change(String username, String password, Set<String> roles) {
        bootstrapped();
        Optional<Row> row = load(username);
        if (row.isEmpty()) {
            return false;
        }
        Set<String> newRoles = roles == null ? row.get().roles() : roles;
        if (password != null) {
            store(username, password, newRoles, true);
            forgetFailures(username); // an admin's new password unlocks the account
        } else {
            update("update platform_account set roles = ? where username = ?", String.join(",", newRoles), username);
        }
        return true;
    }

    /** Deletes an account; false when there is no such account. */
    public boolean delete(String username) {
        bootstrapped();
        forgetFailures(username);
        return update("delete from platform_account where username = ?", username) > 0;
    }

    private int update(String sql, String... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            int changed = s.executeUpdate();
            verified.clear();
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the accounts: " + e.getMessage(), e);
        }
    }

    private static Set<String> roles(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    }

    private Optional<String> passwordHash(String username) {
        return load(username).map(Row::hash);
    }

    private Optional<Row> load(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select password_hash, roles from platform_account where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(rs.getString(1), roles(rs.getString(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read account " + username + ": " + e.getMessage(), e);
        }
    }

    private void store(String username, String password, Set<String> roles, boolean exists) {
        String hash = BCrypt.withDefaults().hashToString(COST, password.toCharArray());
        String sql = exists
                ? "update platform_account set password_hash = ?, roles = ? where username = ?"
                : "insert into platform_account (password_hash, roles, username, created_at) values (?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, hash);
            s.setString(2, String.join(",", roles));
            s.setString(3, username);
            if (!exists) {
                s.setTimestamp(4, Timestamp.from(Instant.now()));
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store account " + username + ": " + e.getMessage(), e);
        }
        verified.clear();
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((username + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
