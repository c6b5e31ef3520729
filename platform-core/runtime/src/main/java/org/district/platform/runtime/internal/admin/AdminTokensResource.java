package org.district.platform.runtime.internal.admin;

import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.district.platform.runtime.internal.security.Credentials;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/admin/tokens}: every account's API tokens, for admins to see and revoke. */
@Component(service = AdminTokensResource.class, property = RestWhiteboard.BASE_PROPERTY + "=admin")
@JakartarsResource
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AdminTokensResource {

    @Reference
    private Credentials credentials;

    @Reference
    private AuditLedger audit;

    @GET
    public List<TokensResource.TokenView> list(@QueryParam("username") String username) {
        return credentials.tokens(username == null || username.isBlank() ? null : username).stream().map(TokensResource.TokenView::of).toList();
    }

    @DELETE
    @Path("{id}")
    public void revoke(@PathParam("id") String id) {
        TokensResource.revoke(credentials, audit, credentials.token(id).orElseThrow(() -> Problem.notFound("There is no token '" + id + "'.")));
    }
}
