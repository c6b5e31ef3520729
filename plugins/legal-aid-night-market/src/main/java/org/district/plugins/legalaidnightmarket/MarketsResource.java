package org.district.plugins.legalaidnightmarket;

import java.time.YearMonth;

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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.access.Places;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.plugins.legalaidnightmarket.Drafts.MarketDraft;
import org.district.plugins.legalaidnightmarket.Drafts.SessionDraft;
import org.district.plugins.legalaidnightmarket.Views.MarketView;
import org.district.plugins.legalaidnightmarket.Views.RotaReport;
import org.district.plugins.legalaidnightmarket.Views.ScheduleReport;
import org.district.plugins.legalaidnightmarket.Views.SessionView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/legal-aid-night-market/markets}: the coordinator sets up markets, plans the month's
 * stall schedule and fills its duty rota from the lawyer roster in one step each. A coordinator
 * limited to places ({@code legal-aid-night-market.coordinator@宜宾市/翠屏区}) works on the markets in
 * them only.
 */
@Component(service = MarketsResource.class)
@JakartarsResource
@Path("markets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class MarketsResource {

    @Reference
    private NightMarket nightMarket;

    @Reference
    private DutyRota rota;

    @GET
    public Page<MarketView> markets(@BeanParam PageRequest paging, @Context Places places) {
        Page<Market> page = nightMarket.markets(paging, places);
        return new Page<>(page.items().stream().map(MarketView::of).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("{id}")
    public MarketView market(@PathParam("id") long id, @Context Places places) {
        return MarketView.of(nightMarket.market(id, places, "id"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid MarketDraft draft, @Context Places places) {
        Market market = nightMarket.createMarket(draft, places);
        return Response.created(UriBuilder.fromPath("markets/{id}").build(market.getId())).entity(MarketView.of(market)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MarketView update(@PathParam("id") long id, @Valid MarketDraft draft, @Context Places places) {
        return MarketView.of(nightMarket.updateMarket(id, draft, places));
    }

    /** Deletes a market that never had a session (204); one with sessions on record is a 409. */
    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id, @Context Places places) {
        nightMarket.deleteMarket(id, places);
    }

    /** Plans a session on every evening of the month that the market's opening hours give, from today on. */
    @POST
    @Path("{id}/schedule")
    public ScheduleReport schedule(@PathParam("id") long id, @QueryParam("month") String month, @Context Places places) {
        YearMonth wanted = Params.requiredMonth("month", month);
        NightMarket.Scheduled scheduled = nightMarket.scheduleMonth(id, wanted, places);
        return new ScheduleReport(wanted.toString(),
                scheduled.planned().stream().map(s -> SessionView.of(s, null, 0)).toList(), scheduled.alreadyPlanned());
    }

    /**
     * Fills the duty of every session of the month still to come that has no lawyer on duty, from
     * the roster's fair rota; reports the sessions left unfilled and why.
     */
    @POST
    @Path("{id}/rota")
    public RotaReport rota(@PathParam("id") long id, @QueryParam("month") String month,
            @QueryParam("maxPerLawyerPerMonth") Integer max, @Context SecurityContext caller, @Context Places places) {
        int limit = max == null ? DutyRota.DEFAULT_MAX_PER_MONTH : max;
        if (limit < 1 || limit > 31) {
            throw Problem.invalid("maxPerLawyerPerMonth", "must be between 1 and 31");
        }
        return rota.fill(id, Params.requiredMonth("month", month), limit, Params.caller(caller), places);
    }

    /** Plans one session at the market. */
    @POST
    @Path("{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response planSession(@PathParam("id") long id, @Valid SessionDraft draft, @Context Places places) {
        MarketSession session = nightMarket.planSession(id, draft, places);
        return Response.created(UriBuilder.fromPath("sessions/{id}").build(session.getId())).entity(SessionView.of(session, null, 0)).build();
    }
}
