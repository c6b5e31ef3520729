package org.district.platform.runtime.internal.admin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.rest.AccessControl;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.district.platform.runtime.internal.security.Account;
import org.district.platform.runtime.internal.security.Accounts;
import org.district.platform.runtime.internal.security.Credentials;
import org.district.platform.runtime.internal.security.CurrentRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/session}: signing in to the console. A sign-in sets the session cookie (HttpOnly,
 * SameSite=Strict, Secure over HTTPS) and answers the CSRF token that every change made with it
 * must carry. A session ends after {@code 30 minutes} without a request, after 8 hours in any case,
 * at sign-out, and when the account's password changes.
 */
@Component(service = SessionResource.class, property = RestWhiteboard.BASE_PROPERTY + "=session")
@JakartarsResource
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Reference
    private Accounts accounts;

    @Reference
    private Credentials credentials;

    @Reference
    private AuditLedger audit;

    @Context
    private HttpServletRequest request;

    public record SignIn(@NotNull @Size(min = 1, max = 100) String username, @NotNull @Size(min = 1, max = 200) String password) {
    }

    public record SessionView(String username, Set<String> roles, String csrfToken, Instant expiresAt) {
        static SessionView of(Account account, Credentials.Credential session) {
            Instant idleEnd = session.lastUsedAt().plus(Credentials.SESSION_IDLE);
            return new SessionView(account.username(), new TreeSet<>(account.roles()), session.csrfToken(),
                    idleEnd.isBefore(session.expiresAt()) ? idleEnd : session.expiresAt());
        }
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(@Valid SignIn signIn) {
        Optional<Account> account = AccessControl.signInWithPassword(accounts, audit, signIn.username(), signIn.password(), CurrentRequest.caller().address());
        if (account.isEmpty()) {
            throw new Problem(401, "Unauthorized", "Wrong user name or password.");
        }
        Credentials.Issued session = credentials.startSession(account.get());
        audit.append("platform", "session.start", account.get().username(), Map.of());
        return Response.status(201).cookie(cookie(session.secret(), (int) Credentials.SESSION_LIFETIME.toSeconds()))
                .entity(SessionView.of(account.get(), session.credential())).build();
    }

    @GET
    @PermitAll
    public SessionView current(@CookieParam(AccessControl.SESSION_COOKIE) String secret) {
        Credentials.Check check = secret == null ? Credentials.Check.refused("You are not signed in.")
                : credentials.check(Credentials.Kind.SESSION, secret);
        if (check.account().isEmpty()) {
            throw new Problem(401, "Unauthorized", check.refusal());
        }
        return SessionView.of(check.account().get(), check.credential().get());
    }

    /** Signs out: the session ends on every node, and the browser forgets the cookie. */
    @DELETE
    @PermitAll
    public Response signOut(@CookieParam(AccessControl.SESSION_COOKIE) String secret) {
        if (secret != null) {
            Credentials.Check check = credentials.check(Credentials.Kind.SESSION, secret);
            check.credential().ifPresent(session -> {
                credentials.revoke(session.id());
                audit.append("platform", "session.end", session.username(), Map.of());
            });
        }
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        boolean secure = request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        return new NewCookie.Builder(AccessControl.SESSION_COOKIE).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
