package org.district.plugins.lostandfound;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.plugins.lostandfound.FoundItem.Status;
import org.district.plugins.lostandfound.ItemViews.PublicItem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/lost-and-found/public}: for anyone who lost something. The items still held, by kind,
 * and nothing about who found or claimed anything.
 */
@Component(service = PublicResource.class)
@JakartarsResource
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicResource {

    @Reference
    private Desk desk;

    @GET
    @Path("items")
    public Page<PublicItem> held(@QueryParam("category") String category, @BeanParam PageRequest paging) {
        Page<FoundItem> page = desk.list(new Desk.Filter(Status.held, null, blankToNull(category)), paging);
        return new Page<>(page.items().stream().map(PublicItem::of).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("categories")
    public List<Categories.Category> categories() {
        return desk.categories().all();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
