package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.district.platform.api.rest.Problem;
import org.district.plugins.lawyerroster.api.LawyerRoster;
import org.district.plugins.lawyerroster.api.LawyerSummary;
import org.district.plugins.legalaidnightmarket.CalendarFeed.Event;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/legal-aid-night-market/calendar}: iCalendar feeds to subscribe to — a market's
 * sessions, and a lawyer's own duties. Public, because calendar apps subscribe without signing in;
 * they hold only what the public session list shows already.
 */
@Component(service = CalendarResource.class)
@JakartarsResource
@Path("calendar")
@Produces(CalendarResource.ICALENDAR)
@PermitAll
public class CalendarResource {

    static final String ICALENDAR = "text/calendar; charset=UTF-8";
    /** The feeds reach this far back, so a subscriber still sees the last weeks, and this far ahead. */
    static final int DAYS_BACK = 60;
    static final int DAYS_AHEAD = 366;

    @Reference
    private NightMarket nightMarket;

    @Reference
    private LawyerRoster roster;

    /** Every session of the market, cancelled ones marked cancelled, with the lawyer on duty. */
    @GET
    @Path("markets/{id}.ics")
    public Response market(@PathParam("id") long id) {
        Market market = nightMarket.market(id);
        LocalDate today = NightMarket.today(market);
        List<MarketSession> sessions = nightMarket.sessionsOf(id, today.minusDays(DAYS_BACK), today.plusDays(DAYS_AHEAD));
        Map<Long, DutyAssignment> duties = nightMarket.activeDuties(sessions.stream().map(MarketSession::getId).toList());
        List<Event> events = new ArrayList<>();
        for (MarketSession session : sessions) {
            DutyAssignment duty = duties.get(session.getId());
            String summary = "法律服务夜市 · " + market.getName() + (duty == null ? "" : " · 值班律师 " + duty.getLawyerName());
            events.add(event(session, summary, session.getStatus() == SessionStatus.CANCELLED));
        }
        return feed(CalendarFeed.write(market.getName() + " 法律服务夜市", market.zone().getId(), events), "market-" + id + ".ics");
    }

    /**
     * The lawyer's duties: sessions they are on duty at, and — marked cancelled, so that a
     * subscribed calendar drops them — those cancelled or handed to someone else.
     */
    @GET
    @Path("lawyers/{id}.ics")
    public Response lawyer(@PathParam("id") long id) {
        LawyerSummary lawyer = roster.lawyer(id).orElseThrow(() -> Problem.notFound("There is no lawyer " + id + " on the roster."));
        LocalDate today = LocalDate.now(NightMarket.DEFAULT_ZONE);
        List<Event> events = new ArrayList<>();
        for (NightMarket.LawyerDuty duty : nightMarket.dutiesOf(id, today.minusDays(DAYS_BACK), today.plusDays(DAYS_AHEAD))) {
            MarketSession session = duty.session();
            boolean cancelled = !duty.active() || session.getStatus() == SessionStatus.CANCELLED;
            events.add(event(session, "夜市法律服务值班 · " + session.getMarket().getName(), cancelled));
        }
        return feed(CalendarFeed.write(lawyer.name() + " 夜市值班", NightMarket.DEFAULT_ZONE.getId(), events), "lawyer-" + id + ".ics");
    }

    private static Event event(MarketSession session, String summary, boolean cancelled) {
        Market market = session.getMarket();
        StringBuilder description = new StringBuilder();
        if (session.getTheme() != null) {
            description.append(session.getTheme()).append('\n');
        }
        if (session.getStatus() == SessionStatus.CANCELLED) {
            description.append("已取消：").append(session.getCancelReason()).append('\n');
        }
        description.append(market.getDistrict());
        return new Event("session-" + session.getId() + "@legal-aid-night-market", session.starts().atZone(market.zone()).toInstant(),
                session.ends().atZone(market.zone()).toInstant(), summary, market.where(), description.toString(), cancelled);
    }

    private static Response feed(String calendar, String name) {
        return Response.ok(calendar, ICALENDAR).header("Content-Disposition", "inline; filename=\"" + name + "\"").build();
    }
}
