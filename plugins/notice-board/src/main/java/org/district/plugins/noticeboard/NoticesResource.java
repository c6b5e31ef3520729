package org.district.plugins.noticeboard;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/notice-board/notices}: anyone reads the current notices; editors post and take down.
 */
@Component(service = NoticesResource.class)
@JakartarsResource
@Path("notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticesResource {

    static final String EDITOR = "notice-board.editor";

    @Reference
    private NoticeBoard board;

    @GET
    @PermitAll
    public Page<Notice> current(@QueryParam("community") String community, @BeanParam PageRequest paging) {
        return board.current(community, paging);
    }

    @GET
    @Path("{id}")
    @PermitAll
    public Notice one(@PathParam("id") long id) {
        return board.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(EDITOR)
    public Response post(@Valid NoticeDraft draft) {
        Notice notice = board.post(draft);
        return Response.created(UriBuilder.fromPath("notices/{id}").build(notice.getId())).entity(notice).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(EDITOR)
    public void takeDown(@PathParam("id") long id) {
        board.takeDown(id);
    }
}
