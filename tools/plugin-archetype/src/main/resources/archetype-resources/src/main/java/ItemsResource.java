package ${package};

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/${moduleId}/items}: anyone reads the items; editors ({@value #EDITOR}) and admins add
 * and remove them. Served while the module is enabled; errors are problem details (RFC 9457).
 */
@Component(service = ItemsResource.class)
@JakartarsResource
@Path("items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {

    /** Declared in bnd.bnd ({@code roles:List<String>="editor"}), so that admins can give it to accounts. */
    static final String EDITOR = "${moduleId}.editor";

    @Reference
    private Items items;

    @GET
    @PermitAll
    public Page<Item> list(@BeanParam PageRequest paging) {
        return items.list(paging);
    }

    @GET
    @Path("{id}")
    @PermitAll
    public Item one(@PathParam("id") long id) {
        return items.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(EDITOR)
    public Response add(@Valid ItemDraft draft) {
        Item item = items.add(draft);
        return Response.created(UriBuilder.fromPath("items/{id}").build(item.getId())).entity(item).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(EDITOR)
    public void remove(@PathParam("id") long id) {
        items.remove(id);
    }
}
