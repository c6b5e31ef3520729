package org.district.plugins.legalaidnightmarket;

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
import org.district.plugins.legalaidnightmarket.Drafts.ConsultationDraft;
import org.district.plugins.legalaidnightmarket.Drafts.DutyDraft;
import org.district.plugins.legalaidnightmarket.Drafts.Reason;
import org.district.plugins.legalaidnightmarket.Drafts.SessionDraft;
import org.district.plugins.legalaidnightmarket.Drafts.SwapDraft;
import org.district.plugins.legalaidnightmarket.NightMarket.SessionFilter;
import org.district.plugins.legalaidnightmarket.Views.ConsultationView;
import org.district.plugins.legalaidnightmarket.Views.DutyView;
import org.district.plugins.legalaidnightmarket.Views.SessionView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/legal-aid-night-market/sessions}: the evenings the stall opens. Coordinators
 * reschedule and cancel them and manage who is on duty; duty lawyers open and close the stall and
 * log each consultation. Either, limited to places, works on the sessions of the markets in them
 * only.
 */
@Component(service = SessionsResource.class)
@JakartarsResource
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class SessionsResource {

    @Reference
    private NightMarket nightMarket;

    /** Sessions by day, filtered by {@code market}, {@code from} and {@code to} (days) and {@code status}; the caller's markets only. */
    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.DUTY_LAWYER })
    public Page<SessionView> sessions(@QueryParam("market") Long market, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("status") String status, @BeanParam PageRequest paging, @Context Places places) {
        Page<MarketSession> page = nightMarket.sessions(
                new SessionFilter(market, Params.date("from", from), Params.date("to", to), Params.status(status), places), paging);
        return new Page<>(views(page.items()), page.page(), page.size(), page.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.DUTY_LAWYER })
    public SessionView session(@PathParam("id") long id, @Context Places places) {
        return view(nightMarket.session(id, places));
    }

    /** Moves a planned session to another day or time. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionView reschedule(@PathParam("id") long id, @Valid SessionDraft draft, @Context Places places) {
        return view(nightMarket.reschedule(id, draft, places));
    }

    @POST
    @Path("{id}/open")
    @RolesAllowed({ Roles.COORDINATOR, Roles.DUTY_LAWYER })
    public SessionView open(@PathParam("id") long id, @Context Places places) {
        return view(nightMarket.open(id, places));
    }

    /** What closing answers: the session, and whether the duty went to the roster as volunteer hours. */
    public record ClosedSession(SessionView session, boolean dutyRecorded) {
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({ Roles.COORDINATOR, Roles.DUTY_LAWYER })
    public ClosedSession close(@PathParam("id") long id, @Context Places places) {
        NightMarket.Closing closing = nightMarket.close(id, places);
        return new ClosedSession(view(closing.session()), closing.dutyRecorded());
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionView cancel(@PathParam("id") long id, @Valid Reason reason, @Context Places places) {
        return view(nightMarket.cancel(id, reason.reason(), places));
    }

    // --- duty

    /** Every duty of the session, swapped and cancelled ones included, oldest first. */
    @GET
    @Path("{id}/duties")
    public List<DutyView> duties(@PathParam("id") long id, @Context Places places) {
        return nightMarket.duties(id, places).stream().map(DutyView::of).toList();
    }

    /** Puts a lawyer of the roster on duty at a session that has none. */
    @POST
    @Path("{id}/duty")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("id") long id, @Valid DutyDraft draft, @Context SecurityContext caller, @Context Places places) {
        DutyAssignment duty = nightMarket.assign(id, draft.lawyerId(), Params.caller(caller), places);
        return Response.status(Response.Status.CREATED).entity(DutyView.of(duty)).build();
    }

    /** Hands the duty to another lawyer, with the reason; the duty handed over stays in the history. */
    @POST
    @Path("{id}/duty/swap")
    @Consumes(MediaType.APPLICATION_JSON)
    public DutyView swap(@PathParam("id") long id, @Valid SwapDraft draft, @Context SecurityContext caller, @Context Places places) {
        return DutyView.of(nightMarket.swap(id, draft.lawyerId(), draft.reason(), Params.caller(caller), places));
    }

    @POST
    @Path("{id}/duty/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public DutyView cancelDuty(@PathParam("id") long id, @Valid Reason reason, @Context SecurityContext caller, @Context Places places) {
        return DutyView.of(nightMarket.cancelDuty(id, reason.reason(), Params.caller(caller), places));
    }

    // --- consultations

    /** Logs one consultation at the session, as the duty lawyer taps it in. */
    @POST
    @Path("{id}/consultations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.DUTY_LAWYER })
    public Response log(@PathParam("id") long id, @Valid ConsultationDraft draft, @Context SecurityContext caller, @Context Places places) {
        Consultation consultation = nightMarket.log(id, draft, Params.caller(caller), places);
        return Response.created(UriBuilder.fromPath("consultations/{id}").build(consultation.getId()))
                .entity(ConsultationView.of(consultation, NightMarket.today(consultation.getSession().getMarket()))).build();
    }

    /** The session's consultations, contacts masked. */
    @GET
    @Path("{id}/consultations")
    @RolesAllowed({ Roles.COORDINATOR, Roles.DUTY_LAWYER })
    public List<ConsultationView> consultations(@PathParam("id") long id, @Context Places places) {
        MarketSession session = nightMarket.session(id, places);
        return nightMarket.consultations(new NightMarket.ConsultationFilter(null, id, null, null, null, null, false, places)).stream()
                .map(c -> ConsultationView.masked(c, NightMarket.today(session.getMarket()))).toList();
    }

    private SessionView view(MarketSession session) {
        return views(List.of(session)).get(0);
    }

    private List<SessionView> views(List<MarketSession> sessions) {
        List<Long> ids = sessions.stream().map(MarketSession::getId).toList();
        Map<Long, DutyAssignment> duties = nightMarket.activeDuties(ids);
        Map<Long, Long> counts = nightMarket.consultationCounts(ids);
        return sessions.stream().map(s -> SessionView.of(s, duties.get(s.getId()), counts.getOrDefault(s.getId(), 0L))).toList();
    }
}
