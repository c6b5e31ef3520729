package org.district.plugins.lostandfound;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.audit.AuditTrail;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.plugins.lostandfound.FoundItem.Status;
import org.district.plugins.lostandfound.ItemViews.KeeperItem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/lost-and-found/items}: the desks' keepers ({@value #KEEPER}) and admins record what is
 * handed in, find it again and give it back. Lists mask the claimant; reading one claim in full is
 * audited.
 */
@Component(service = ItemsResource.class)
@JakartarsResource
@Path("items")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ItemsResource.KEEPER)
public class ItemsResource {

    /** Declared in bnd.bnd ({@code roles:List<String>="keeper"}), so that admins can give it to accounts. */
    static final String KEEPER = "lost-and-found.keeper";

    @Reference
    private Desk desk;

    @Reference
    private AuditTrail audit;

    @GET
    public Page<KeeperItem> list(@QueryParam("status") String status, @QueryParam("due") Boolean due, @QueryParam("category") String category,
            @BeanParam PageRequest paging) {
        Page<FoundItem> page = desk.list(new Desk.Filter(status(status), due, PublicResource.blankToNull(category)), paging);
        return new Page<>(page.items().stream().map(item -> KeeperItem.masked(item, desk.due(item))).toList(), page.page(), page.size(), page.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@Valid FoundItemDraft draft) {
        FoundItem item = desk.record(draft);
        return Response.created(UriBuilder.fromPath("items/{id}").build(item.getId())).entity(KeeperItem.full(item, desk.due(item))).build();
    }

    @GET
    @Path("{id}")
    public KeeperItem one(@PathParam("id") long id) {
        FoundItem item = desk.get(id);
        if (item.getClaimantName() != null || item.getClaimantPhone() != null) {
            audit.record("personal-data.read", "found item " + id, Map.of("fields", "claimantName, claimantPhone"));
        }
        return KeeperItem.full(item, desk.due(item));
    }

    @POST
    @Path("{id}/claim")
    @Consumes(MediaType.APPLICATION_JSON)
    public KeeperItem claim(@PathParam("id") long id, @Valid Claim claim) {
        return KeeperItem.full(desk.claim(id, claim), false);
    }

    @DELETE
    @Path("{id}")
    public void remove(@PathParam("id") long id) {
        desk.remove(id);
    }

    private static Status status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("status", "must be held or claimed");
        }
    }
}
