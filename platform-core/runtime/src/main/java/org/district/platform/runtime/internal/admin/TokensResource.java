package org.district.platform.runtime.internal.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.rest.AccessControl;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.district.platform.runtime.internal.security.Account;
import org.district.platform.runtime.internal.security.Credentials;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/tokens}: API tokens for scripts, each signed-in account its own. A token acts for its
 * account with the account's roles as they are at each request, narrowed to the token's scopes
 * (roles the account holds; an admin may scope to any role), until it expires or is revoked. The
 * secret is shown once, at creation. Admins see and revoke every account's tokens at
 * {@code /api/admin/tokens}.
 */
@Component(service = TokensResource.class, property = RestWhiteboard.BASE_PROPERTY + "=tokens")
@JakartarsResource
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AccessControl.ANY_SIGNED_IN)
public class TokensResource {

    public static final int DEFAULT_DAYS = 90;

    @Reference
    private Credentials credentials;

    @Reference
    private AuditLedger audit;

    @Context
    private SecurityContext caller;

    public record TokenDraft(@NotBlank @Size(max = 100) String name, List<@NotBlank String> scopes,
            @Min(1) @Max(Credentials.MAX_TOKEN_DAYS) Integer expiresInDays) {
    }

    public record TokenView(String id, String username, String name, Set<String> scopes, Instant createdAt, Instant expiresAt,
            Instant revokedAt, boolean active) {
        static TokenView of(Credentials.Credential token) {
            return new TokenView(token.id(), token.username(), token.name(), new TreeSet<>(token.scopes()), token.createdAt(),
                    token.expiresAt(), token.revokedAt(), token.activeAt(Instant.now()));
        }
    }

    /** A new token: its view and, this once, its secret. */
    public record IssuedToken(String id, String username, String name, Set<String> scopes, Instant expiresAt, String token) {
    }

    @GET
    public List<TokenView> mine() {
        return credentials.tokens(account().username()).stream().map(TokenView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid TokenDraft draft) {
        Account account = account();
        Set<String> scopes = new TreeSet<>();
        if (draft.scopes() != null) {
            for (int i = 0; i < draft.scopes().size(); i++) {
                String scope = draft.scopes().get(i).strip();
                if (!account.hasRole(scope)) {
                    throw Problem.invalid(List.of(new FieldError("scopes[" + i + "]",
                            "'" + scope + "' is not a role of account '" + account.username() + "'")));
                }
                scopes.add(scope);
            }
        }
        int days = draft.expiresInDays() == null ? DEFAULT_DAYS : draft.expiresInDays();
        Credentials.Issued issued = credentials.issueToken(account.username(), draft.name().strip(), scopes, days);
        Credentials.Credential token = issued.credential();
        audit.append("platform", "token.create", account.username(), Map.of("id", token.id(), "name", token.name(),
                "scopes", String.join(",", scopes), "expiresAt", token.expiresAt().toString()));
        return Response.created(UriBuilder.fromPath("{id}").build(token.id()))
                .entity(new IssuedToken(token.id(), token.username(), token.name(), new TreeSet<>(scopes), token.expiresAt(), issued.secret()))
                .build();
    }

    @DELETE
    @Path("{id}")
    public void revoke(@PathParam("id") String id) {
        Credentials.Credential token = credentials.token(id).filter(t -> t.username().equals(account().username()))
                .orElseThrow(() -> Problem.notFound("You have no token '" + id + "'."));
        revoke(credentials, audit, token);
    }

    static void revoke(Credentials credentials, AuditLedger audit, Credentials.Credential token) {
        if (!credentials.revoke(token.id())) {
            throw Problem.conflict("Token '" + token.id() + "' is revoked already.");
        }
        audit.append("platform", "token.revoke", token.username(), Map.of("id", token.id(), "name", String.valueOf(token.name())));
    }

    private Account account() {
        return (Account) caller.getUserPrincipal();
    }
}
