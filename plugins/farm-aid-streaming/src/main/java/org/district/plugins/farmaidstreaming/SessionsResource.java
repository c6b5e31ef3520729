package org.district.plugins.farmaidstreaming;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.access.Places;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.plugins.farmaidstreaming.Drafts.Reason;
import org.district.plugins.farmaidstreaming.Drafts.ResultsDraft;
import org.district.plugins.farmaidstreaming.Drafts.SessionDraft;
import org.district.plugins.farmaidstreaming.Views.ResultsView;
import org.district.plugins.farmaidstreaming.Views.SessionView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/farm-aid-streaming/sessions}: live sessions — planned, changed while planned, marked
 * live, cancelled — and what each sold, product by product. A coordinator limited to places works
 * on the sessions whose villages all lie in them (see {@link LiveSessions}).
 */
@Component(service = SessionsResource.class)
@JakartarsResource
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class SessionsResource {

    @Reference
    private LiveSessions sessions;

    /** Sessions by time; {@code from}/{@code to} are days (both included); filters by status, streamer, village, product, platform. */
    @GET
    public Page<SessionView> list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("status") String status,
            @QueryParam("streamer") Long streamer, @QueryParam("village") Long village, @QueryParam("product") Long product,
            @QueryParam("platform") String platform, @BeanParam PageRequest paging, @Context Places places) {
        LocalDate first = Params.date("from", from);
        LocalDate last = Params.date("to", to);
        Page<LiveSession> page = sessions.list(new LiveSessions.Filter(first == null ? null : first.atStartOfDay(),
                last == null ? null : last.plusDays(1).atStartOfDay(), Params.entry(SessionStatus.class, "status", status), streamer, village,
                product, Params.entry(Platform.class, "platform", platform), places), paging);
        return new Page<>(views(page.items()), page.page(), page.size(), page.total());
    }

    @GET
    @Path("{id}")
    public SessionView session(@PathParam("id") long id, @Context Places places) {
        return view(sessions.session(id, places));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid SessionDraft draft, @Context Places places) {
        LiveSession session = sessions.create(draft, places);
        return Response.created(UriBuilder.fromPath("sessions/{id}").build(session.getId())).entity(view(session)).build();
    }

    /** Changes a planned session (409 once it is live, done or cancelled). */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionView update(@PathParam("id") long id, @Valid SessionDraft draft, @Context Places places) {
        return view(sessions.update(id, draft, places));
    }

    /** Marks a planned session live, from half an hour before its time. */
    @POST
    @Path("{id}/start")
    public SessionView start(@PathParam("id") long id, @Context Places places) {
        return view(sessions.goLive(id, places));
    }

    /** Cancels a planned or live session: {@code {"reason": "..."}}; one that is done is a 409. */
    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionView cancel(@PathParam("id") long id, @Valid Reason reason, @Context Places places) {
        return view(sessions.cancel(id, reason.reason(), places));
    }

    @GET
    @Path("{id}/results")
    public ResultsView results(@PathParam("id") long id, @Context Places places) {
        return ResultsView.of(sessions.session(id, places), sessions.results(id));
    }

    /** Records what the session sold, product by product, replacing what was recorded; the session is done afterwards. */
    @PUT
    @Path("{id}/results")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResultsView recordResults(@PathParam("id") long id, @Valid ResultsDraft draft, @Context SecurityContext caller,
            @Context Places places) {
        LiveSession session = sessions.recordResults(id, draft, Params.caller(caller), places);
        return ResultsView.of(session, sessions.results(id));
    }

    private SessionView view(LiveSession session) {
        return SessionView.of(session, sessions.results(session.getId()));
    }

    private List<SessionView> views(List<LiveSession> page) {
        Map<Long, List<SessionResult>> results = sessions.results(page.stream().map(LiveSession::getId).toList());
        return page.stream().map(s -> SessionView.of(s, results.getOrDefault(s.getId(), List.of()))).toList();
    }
}
