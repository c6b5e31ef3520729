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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sign-ins that outlast one request: console sessions (a cookie, with a CSRF token for every
 * change) and API tokens for scripts (a bearer token with an expiry, scopes and revocation). Both
 * are kept in the platform database, so every node of a city knows them, as a SHA-256 of their
 * random secret. A credential acts for its account with the account's roles as they are now,
 * narrowed by a token's scopes.
 */
@Component(service = Credentials.class)
public class Credentials {

    /** A session ends after this long without a request... */
    public static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    /** ...and after this long in any case. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    public static final int MAX_TOKEN_DAYS = 365;
    /** A session's last use is written at most this often, not at every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Reference
    private DataSource dataSource;

    @Reference
    private Accounts accounts;

    public enum Kind {
        SESSION, TOKEN;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A credential as its owner and admins see it: never its secret. */
    public record Credential(String id, Kind kind, String username, String name, Set<String> scopes, String csrfToken,
            Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

        public boolean activeAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt)
                    && (kind != Kind.SESSION || now.isBefore(lastUsedAt.plus(SESSION_IDLE)));
        }
    }

    /** A new credential and its secret, which is shown this once. */
    public record Issued(Credential credential, String secret) {
    }

    /** What a presented secret came to: the account it acts for, or why not. */
    public record Check(Optional<Account> account, Optional<Credential> credential, String refusal) {
        public static Check refused(String why) {
            return new Check(Optional.empty(), Optional.empty(), why);
        }
    }

    public Issued startSession(Account account) {
        purgeExpired();
        Instant now = Instant.now();
        return issue(Kind.SESSION, account.username(), null, Set.of(), randomSecret(24), now, now.plus(SESSION_LIFETIME));
    }

    /** A token for the account; {@code scopes} narrows its roles (empty: all of them). */
    public Issued issueToken(String username, String name, Set<String> scopes, int days) {
        Instant now = Instant.now();
        return issue(Kind.TOKEN, username, name, scopes, null, now, now.plus(Duration.ofDays(days)));
    }

    private Issued issue(Kind kind, String username, String name, Set<String> scopes, String csrf, Instant now, Instant expires) {
        String secret = (kind == Kind.TOKEN ? "dst_" : "") + randomSecret(32);
        Credential credential = new Credential(UUID.randomUUID().toString(), kind, username, name, Set.copyOf(scopes), csrf,
                now, now, expires, null);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into platform_credential (id, kind, secret_hash, username, name, scopes,"
                        + " csrf_token, created_at, last_used_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, credential.id());
            s.setString(2, kind.column());
            s.setString(3, hash(secret));
            s.setString(4, username);
            s.setString(5, name);
            s.setString(6, String.join(",", scopes));
            s.setString(7, csrf);
            s.setTimestamp(8, Timestamp.from(now));
            s.setTimestamp(9, Timestamp.from(now));
            s.setTimestamp(10, Timestamp.from(expires));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the " + kind.column() + ": " + e.getMessage(), e);
        }
        return new Issued(credential, secret);
    }

    /** The account a presented secret acts for, with its roles as they are now; or why it is refused. */
    public Check check(Kind kind, String secret) {
        Optional<Credential> found = find("secret_hash = ? and kind = ?", hash(secret), kind.column()).stream().findFirst();
        if (found.isEmpty()) {
            return Check.refused(kind == Kind.SESSION ? "There is no such session; sign in again." : "The token is not known.");
        }
        Credential credential = found.get();
        Instant now = Instant.now();
        if (credential.revokedAt() != null) {
            return Check.refused(kind == Kind.SESSION ? "You signed out; sign in again." : "The token was revoked.");
        }
        if (!credential.activeAt(now)) {
            return Check.refused(kind == Kind.SESSION ? "Your session expired; sign in again." : "The token expired.");
        }
        Optional<Account> account = accounts.find(credential.username());
        if (account.isEmpty()) {
            return Check.refused("The account '" + credential.username() + "' no longer exists.");
        }
        if (kind == Kind.SESSION && credential.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            update("update platform_credential set last_used_at = ? where id = ?", Timestamp.from(now), credential.id());
        }
        return new Check(Optional.of(narrowed(account.get(), credential.scopes())), Optional.of(credential), null);
    }

    /**
     * The account with only the roles the scopes name, each in the places it was granted for; an
     * admin's token scoped to a role gets just that role, everywhere.
     */
    static Account narrowed(Account account, Set<String> scopes) {
        if (scopes.isEmpty()) {
            return account;
        }
        Set<String> roles = account.roles().contains(Account.ADMIN)
                ? scopes
                : account.roles().stream().filter(grant -> scopes.contains(Account.roleOf(grant))).collect(Collectors.toSet());
        return new Account(account.username(), roles);
    }

    /** Every token, or one account's; sessions are not listed. */
    public List<Credential> tokens(String username) {
        return username == null ? find("kind = ?", Kind.TOKEN.column()) : find("kind = ? and username = ?", Kind.TOKEN.column(), username);
    }

    public Optional<Credential> token(String id) {
        return find("kind = ? and id = ?", Kind.TOKEN.column(), id).stream().findFirst();
    }

    /** Revokes a credential at once on every node; false when it was not there or revoked already. */
    public boolean revoke(String id) {
        return update("update platform_credential set revoked_at = ? where id = ? and revoked_at is null", Timestamp.from(Instant.now()), id) > 0;
    }

    /** Ends every session of an account, as when its password or roles change. */
    public void endSessions(String username) {
        update("update platform_credential set revoked_at = ? where username = ? and kind = ? and revoked_at is null",
                Timestamp.from(Instant.now()), username, Kind.SESSION.column());
    }

    /** Revokes every session and token of an account, as when it is deleted. */
    public void revokeAll(String username) {
        update("update platform_credential set revoked_at = ? where username = ? and revoked_at is null",
                Timestamp.from(Instant.now()), username);
    }

    private void purgeExpired() {
        update("delete from platform_credential where expires_at < ?", Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
    }

    private List<Credential> find(String where, Object... values) {
        List<Credential> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, kind, username, name, scopes, csrf_token, created_at, last_used_at,"
                        + " expires_at, revoked_at from platform_credential where " + where + " order by created_at, id")) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String scopes = rs.getString(5);
                    found.add(new Credential(rs.getString(1), Kind.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                            rs.getString(3), rs.getString(4),
                            scopes == null || scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(","))),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                            rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sessions and tokens: " + e.getMessage(), e);
        }
        return found;
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the sessions and tokens: " + e.getMessage(), e);
        }
    }

    private static String randomSecret(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
