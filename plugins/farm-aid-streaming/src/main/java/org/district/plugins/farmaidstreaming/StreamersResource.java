package org.district.plugins.farmaidstreaming;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.access.Places;
import org.district.platform.api.audit.AuditTrail;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.plugins.farmaidstreaming.Drafts.StreamerDraft;
import org.district.plugins.farmaidstreaming.Views.StreamerListItem;
import org.district.plugins.farmaidstreaming.Views.StreamerView;
import org.district.plugins.farmaidstreaming.Views.TrainingSummary;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/farm-aid-streaming/streamers}: the roster of volunteer streamers. Lists mask real
 * names, phones and account ids; opening one streamer shows them and is written to the audit trail.
 * Streamers sell for any village: the roster is the whole city's, and a coordinator limited to
 * places reads it but changes none of it.
 */
@Component(service = StreamersResource.class)
@JakartarsResource
@Path("streamers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class StreamersResource {

    @Reference
    private Streamers streamers;

    @Reference
    private AuditTrail audit;

    /** Streamers by handle; {@code q} matches the handle; {@code trained=true} those who completed a course. */
    @GET
    public Page<StreamerListItem> list(@QueryParam("q") String q, @QueryParam("platform") String platform,
            @QueryParam("category") String category, @QueryParam("pioneer") Boolean pioneer, @QueryParam("active") Boolean active,
            @QueryParam("trained") Boolean trained, @BeanParam PageRequest paging) {
        Page<Streamer> page = streamers.list(new Streamers.Filter(Params.blankToNull(q), Params.entry(Platform.class, "platform", platform),
                Params.entry(ProductCategory.class, "category", category), pioneer, active, trained), paging);
        Map<Long, TrainingSummary> training = streamers.training(page.items().stream().map(Streamer::getId).toList());
        return new Page<>(page.items().stream().map(s -> StreamerListItem.of(s, training.getOrDefault(s.getId(), TrainingSummary.NONE))).toList(),
                page.page(), page.size(), page.total());
    }

    /** One streamer in full: real name, phone, account ids and training. Audited. */
    @GET
    @Path("{id}")
    public StreamerView streamer(@PathParam("id") long id) {
        StreamerView view = StreamerView.of(streamers.streamer(id), streamers.enrolments(id));
        audit.record("personal-data.read", "streamer " + id, Map.of("fields", "real name, phone, account ids"));
        return view;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid StreamerDraft draft, @Context Places places) {
        places.requireEverywhere(Roles.STREAMERS);
        Streamer streamer = streamers.create(draft);
        return Response.created(UriBuilder.fromPath("streamers/{id}").build(streamer.getId()))
                .entity(StreamerView.of(streamer, List.of())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public StreamerView update(@PathParam("id") long id, @Valid StreamerDraft draft, @Context Places places) {
        places.requireEverywhere(Roles.STREAMERS);
        return StreamerView.of(streamers.update(id, draft), streamers.enrolments(id));
    }

    /** Deletes a streamer without sessions or training (204); one with them is deactivated instead (200, the streamer). */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @Context Places places) {
        places.requireEverywhere(Roles.STREAMERS);
        if (streamers.remove(id) == Streamers.Removal.DELETED) {
            return Response.noContent().build();
        }
        return Response.ok(StreamerView.of(streamers.streamer(id), streamers.enrolments(id))).build();
    }
}
