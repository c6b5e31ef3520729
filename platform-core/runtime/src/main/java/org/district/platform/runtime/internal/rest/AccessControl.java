package org.district.platform.runtime.internal.rest;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import org.district.platform.api.access.Places;
import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.security.Account;
import org.district.platform.runtime.internal.security.Accounts;
import org.district.platform.runtime.internal.security.Credentials;
import org.district.platform.runtime.internal.security.OpenIdTokens;
import org.district.platform.runtime.internal.security.CurrentRequest;

/**
 * The one place where access to every REST resource is decided. Default deny: a resource is for
 * admins unless its method or class says {@code @PermitAll} (public) or {@code @RolesAllowed}
 * ({@code "**"}: anyone signed in). Scripts sign in with HTTP Basic or an API token
 * ({@code Authorization: Bearer}); the console with a session cookie, and then every change must
 * carry the session's {@code X-CSRF-Token}. A 401 challenges for Basic credentials unless the
 * request says it comes from a script of a page ({@code X-Requested-With}), so a browser shows no
 * password dialog over the console.
 */
@Priority(Priorities.AUTHENTICATION)
public class AccessControl implements ContainerRequestFilter {

    /** The console session's cookie. */
    public static final String SESSION_COOKIE = "district_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** {@code @RolesAllowed("**")}: anyone signed in, whatever their roles (as in Jakarta Security). */
    public static final String ANY_SIGNED_IN = "**";
    /** Request property: why the session the request's cookie names is no longer valid. */
    private static final String SESSION_ENDED = "district.session.ended";
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    /** The platform's own role for reading the audit trail. */
    public static final String AUDITOR = "auditor";

    private final Accounts accounts;
    private final Credentials credentials;
    private final OpenIdTokens openId;
    /** The roles installed modules declare now. */
    private final Supplier<Set<String>> roles;
    private final AuditLedger audit;
    /** The module the application serves, whose roles give a caller its places. */
    private final String moduleId;
    private final ClientAddress clientAddress;

    public AccessControl(String moduleId, Accounts accounts, Credentials credentials, OpenIdTokens openId, Supplier<Set<String>> roles, AuditLedger audit,
            ClientAddress clientAddress) {
        this.moduleId = moduleId;
        this.clientAddress = clientAddress;
        this.accounts = accounts;
        this.credentials = credentials;
        this.openId = openId;
        this.roles = roles;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method == null || type == null) {
            return;
        }
        boolean open = method.isAnnotationPresent(PermitAll.class)
                || (!method.isAnnotationPresent(RolesAllowed.class) && type.isAnnotationPresent(PermitAll.class));
        Optional<Signed> signed = signIn(request, open);
        signed.ifPresent(request::setSecurityContext);
        CurrentRequest.set(CurrentRequest.Caller.from(signed.map(s -> s.account().username()).orElse("anonymous"), this::address));
        CurrentRequest.places(signed.map(s -> s.account().places(moduleId)).orElse(Places.nowhere()));
        if (method.isAnnotationPresent(DenyAll.class)) {
            throw new Problem(403, "Forbidden", "Nobody may call this.");
        }
        if (open) {
            return;
        }
        if (signed.isEmpty()) {
            Object ended = request.getProperty(SESSION_ENDED);
            request.abortWith(unauthorized(request, ended != null ? ended.toString()
                    : "Sign in first: send HTTP Basic credentials or an API token, or sign in to the console."));
            return;
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class) : type.getAnnotation(RolesAllowed.class);
        String[] roles = allowed == null ? new String[] { Account.ADMIN } : allowed.value();
        Account account = signed.get().account();
        if (Arrays.stream(roles).noneMatch(role -> role.equals(ANY_SIGNED_IN) || account.hasRole(role))) {
            throw new Problem(403, "Forbidden", "This needs one of the roles " + Arrays.toString(roles) + ".");
        }
    }

    private jakarta.ws.rs.core.Response unauthorized(ContainerRequestContext request, String detail) {
        return ProblemResponses.challenge(ProblemResponses.response(new Problem(401, "Unauthorized", detail), null),
                request.getHeaderString("X-Requested-With")).build();
    }

    /** The client's address; behind a trusted proxy, the one it forwarded for. */
    private String address() {
        return clientAddress.of(servletRequest);
    }

    /**
     * Who sends the request: from the Authorization header, else from the session cookie. Wrong
     * credentials in the header are refused even on a public endpoint; a session that has ended is
     * ignored there (the browser sends its cookie along everywhere), and refused elsewhere.
     */
    private Optional<Signed> signIn(ContainerRequestContext request, boolean open) {
        boolean secure = request.getSecurityContext().isSecure();
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(header).map(account -> new Signed(account, secure, SecurityContext.BASIC_AUTH));
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            if (openId.enabled() && OpenIdTokens.looksLikeJwt(token)) {
                return openIdSignIn(token).map(account -> new Signed(account, secure, "Bearer"));
            }
            Credentials.Check check = credentials.check(Credentials.Kind.TOKEN, token);
            if (check.account().isEmpty()) {
                throw new Problem(401, "Unauthorized", check.refusal());
            }
            return check.account().map(account -> new Signed(account, secure, "Bearer"));
        }
        if (header != null) {
            throw new Problem(401, "Unauthorized", "The Authorization header must be Basic credentials or a Bearer token.");
        }
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Optional.empty();
        }
        Credentials.Check check = credentials.check(Credentials.Kind.SESSION, cookie.getValue());
        if (check.account().isEmpty()) {
            request.setProperty(SESSION_ENDED, check.refusal());
            return Optional.empty();
        }
        if (!SAFE_METHODS.contains(request.getMethod())) {
            String expected = check.credential().orElseThrow().csrfToken();
            String sent = request.getHeaderString(CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
                if (open) {
                    return Optional.empty();
                }
                throw new Problem(403, "Forbidden", "A change made with a console session needs the session's " + CSRF_HEADER + " header.");
            }
        }
        return check.account().map(account -> new Signed(account, secure, SecurityContext.FORM_AUTH));
    }

    /** A token of the province's identity provider: its roles are those it claims that the platform knows. */
    private Optional<Account> openIdSignIn(String token) {
        Set<String> known = roles.get();
        OpenIdTokens.Verified verified = openId.verify(token, claim -> {
            String role = Account.roleOf(claim);
            return role.equals(claim) ? role.equals(Account.ADMIN) || role.equals(AUDITOR) || known.contains(role)
                    : known.contains(role) && validNode(claim.substring(role.length() + 1));
        });
        if (verified.username().isEmpty()) {
            throw new Problem(401, "Unauthorized", verified.refusal());
        }
        String username = verified.username().get();
        if (verified.firstUse()) {
            CurrentRequest.set(new CurrentRequest.Caller(username, address()));
            audit.append("platform", "sign-in", username, java.util.Map.of("via", "openid-connect",
                    "roles", String.join(",", new java.util.TreeSet<>(verified.claimedRoles()))));
        }
        return Optional.of(new Account(username, verified.claimedRoles()));
    }

    private static boolean validNode(String node) {
        try {
            Places.parse(node);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<Account> basic(String header) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Problem(401, "Unauthorized", "The Authorization header is not valid Basic credentials.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new Problem(401, "Unauthorized", "The Authorization header is not valid Basic credentials.");
        }
        String username = decoded.substring(0, colon);
        Optional<Account> account = signInWithPassword(accounts, audit, username, decoded.substring(colon + 1), address());
        if (account.isEmpty()) {
            throw new Problem(401, "Unauthorized", "Wrong user name or password.");
        }
        return account;
    }

    /**
     * Checks a password, with lock-out, and audits a sign-in that checked it (a remembered one is not
     * a new sign-in). Throws the 429 problem of a locked account.
     */
    public static Optional<Account> signInWithPassword(Accounts accounts, AuditLedger audit, String username, String password, String address) {
        Accounts.SignIn signIn = accounts.authenticate(username, password);
        if (signIn.locked()) {
            throw new Problem(429, "Too many failed sign-ins", "Account '" + username + "' is locked for "
                    + Accounts.LOCK_MINUTES + " minutes after too many failed sign-ins.");
        }
        if (signIn.verified()) {
            CurrentRequest.set(new CurrentRequest.Caller(username, address));
            audit.append("platform", signIn.account().isPresent() ? "sign-in" : "sign-in.failed", username, java.util.Map.of());
        }
        return signIn.account();
    }

    private record Signed(Account account, boolean secure, String scheme) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return account;
        }

        @Override
        public boolean isUserInRole(String role) {
            return account.hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
