package org.district.platform.runtime.internal.rest;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.security.Account;
import org.district.platform.runtime.internal.security.Accounts;
import org.district.platform.runtime.internal.security.CurrentRequest;

/**
 * The one place where access to every REST resource is decided. Default deny: a resource is for
 * admins unless its method or class says {@code @PermitAll} (public) or {@code @RolesAllowed}.
 * Scripts sign in with HTTP Basic.
 */
@Priority(Priorities.AUTHENTICATION)
public class AccessControl implements ContainerRequestFilter {

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    private final Accounts accounts;
    private final AuditLedger audit;

    public AccessControl(Accounts accounts, AuditLedger audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method == null || type == null) {
            return;
        }
        Optional<Account> account = signIn(request);
        account.ifPresent(a -> request.setSecurityContext(new Signed(a, request.getSecurityContext().isSecure())));
        CurrentRequest.set(new CurrentRequest.Caller(account.map(Account::username).orElse("anonymous"), address()));
        if (method.isAnnotationPresent(DenyAll.class)) {
            throw new Problem(403, "Forbidden", "Nobody may call this.");
        }
        if (method.isAnnotationPresent(PermitAll.class)
                || (!method.isAnnotationPresent(RolesAllowed.class) && type.isAnnotationPresent(PermitAll.class))) {
            return;
        }
        if (account.isEmpty()) {
            request.abortWith(ProblemResponses.response(new Problem(401, "Unauthorized", "Sign in first: send HTTP Basic credentials."),
                    null).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"district\", charset=\"UTF-8\"").build());
            return;
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class) : type.getAnnotation(RolesAllowed.class);
        String[] roles = allowed == null ? new String[] { Account.ADMIN } : allowed.value();
        if (Arrays.stream(roles).noneMatch(account.get()::hasRole)) {
            throw new Problem(403, "Forbidden", "This needs one of the roles " + Arrays.toString(roles) + ".");
        }
    }

    /** The client's address; behind a proxy, the first address it forwarded for. */
    private String address() {
        String forwarded = servletRequest.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return servletRequest.getRemoteAddr();
    }

    private Optional<Account> signIn(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
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
        Accounts.SignIn signIn = accounts.authenticate(username, decoded.substring(colon + 1));
        if (signIn.locked()) {
            throw new Problem(429, "Too many failed sign-ins", "Account '" + username + "' is locked for "
                    + Accounts.LOCK_MINUTES + " minutes after too many failed sign-ins.");
        }
        if (signIn.verified()) {
            CurrentRequest.set(new CurrentRequest.Caller(username, address()));
            audit.append("platform", signIn.account().isPresent() ? "sign-in" : "sign-in.failed", username, java.util.Map.of());
        }
        if (signIn.account().isEmpty()) {
            throw new Problem(401, "Unauthorized", "Wrong user name or password.");
        }
        return signIn.account();
    }

    private record Signed(Account account, boolean secure) implements SecurityContext {
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
            return BASIC_AUTH;
        }
    }
}
