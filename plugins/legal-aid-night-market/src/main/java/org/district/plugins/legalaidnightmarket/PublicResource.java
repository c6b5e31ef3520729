package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.plugins.lawyerroster.api.LawyerRoster;
import org.district.plugins.legalaidnightmarket.Catalogue.Category;
import org.district.plugins.legalaidnightmarket.Catalogue.Outcome;
import org.district.plugins.legalaidnightmarket.Catalogue.Visitor;
import org.district.plugins.legalaidnightmarket.NightMarket.SessionFilter;
import org.district.plugins.legalaidnightmarket.Views.Catalogues;
import org.district.plugins.legalaidnightmarket.Views.Entry;
import org.district.plugins.legalaidnightmarket.Views.PublicLawyer;
import org.district.plugins.legalaidnightmarket.Views.PublicMarket;
import org.district.plugins.legalaidnightmarket.Views.PublicMarketRef;
import org.district.plugins.legalaidnightmarket.Views.PublicSession;
import org.district.plugins.legalaidnightmarket.Views.Tonight;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/legal-aid-night-market/public}: what residents and stall holders see in a
 * mini-program — the markets, the sessions to come and tonight's duty lawyer, with the roster's
 * public fields only (name, firm, specialties, languages). No consultation is ever shown here.
 */
@Component(service = PublicResource.class)
@JakartarsResource
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicResource {

    /** How far ahead the list of sessions to come looks at most. */
    static final int MAX_DAYS = 92;

    @Reference
    private NightMarket nightMarket;

    @Reference
    private LawyerRoster roster;

    @GET
    @Path("markets")
    public Page<PublicMarket> markets(@BeanParam PageRequest paging) {
        Page<Market> page = nightMarket.markets(paging);
        return new Page<>(page.items().stream().map(PublicMarket::of).toList(), page.page(), page.size(), page.total());
    }

    /**
     * Sessions from today on, for the next {@code days} days (14 unless said), of one {@code market}
     * or all; cancelled ones with their reason, so nobody comes in vain.
     */
    @GET
    @Path("sessions")
    public Page<PublicSession> upcoming(@QueryParam("market") Long market, @QueryParam("days") @DefaultValue("14") int days,
            @BeanParam PageRequest paging) {
        if (days < 1 || days > MAX_DAYS) {
            throw Problem.invalid("days", "must be between 1 and " + MAX_DAYS);
        }
        LocalDate today = market == null ? LocalDate.now(NightMarket.DEFAULT_ZONE) : NightMarket.today(nightMarket.market(market));
        Page<MarketSession> page = nightMarket.sessions(new SessionFilter(market, today, today.plusDays(days - 1L), null), paging);
        return new Page<>(publicSessions(page.items()), page.page(), page.size(), page.total());
    }

    /** Tonight at the market, by the market's own clock: tonight's session and its duty lawyer, or else the next session. */
    @GET
    @Path("markets/{id}/tonight")
    public Tonight tonight(@PathParam("id") long id) {
        Market market = nightMarket.market(id);
        LocalDate today = NightMarket.today(market);
        List<MarketSession> tonight = nightMarket.sessions(new SessionFilter(id, today, today, null), new PageRequest(0, 20)).items();
        PublicSession next = null;
        if (tonight.stream().noneMatch(MarketSession::isUpcoming)) {
            next = nightMarket.sessions(new SessionFilter(id, today.plusDays(1), null, null), new PageRequest(0, PageRequest.MAX_SIZE)).items()
                    .stream().filter(MarketSession::isUpcoming).findFirst().map(s -> publicSessions(List.of(s)).get(0)).orElse(null);
        }
        return new Tonight(PublicMarket.of(market), today, publicSessions(tonight), next);
    }

    /** The catalogues a consultation is recorded with, codes and Chinese names, for forms. */
    @GET
    @Path("catalogue")
    public Catalogues catalogue() {
        return new Catalogues(entries(Category.values()), entries(Visitor.values()), entries(Outcome.values()));
    }

    private static List<Entry> entries(Catalogue.Entry[] values) {
        return Arrays.stream(values).map(e -> new Entry(e.code(), e.chinese())).toList();
    }

    private List<PublicSession> publicSessions(List<MarketSession> sessions) {
        Map<Long, DutyAssignment> duties = nightMarket.activeDuties(sessions.stream().map(MarketSession::getId).toList());
        Map<Long, Optional<PublicLawyer>> lawyers = new HashMap<>();
        return sessions.stream().map(s -> {
            DutyAssignment duty = duties.get(s.getId());
            PublicLawyer lawyer = duty == null ? null
                    : lawyers.computeIfAbsent(duty.getLawyerId(), id -> roster.lawyer(id).map(PublicLawyer::of))
                            .orElseGet(() -> PublicLawyer.of(duty));
            return new PublicSession(s.getId(), PublicMarketRef.of(s.getMarket()), s.getDate(), s.getStart(), s.getEnd(),
                    s.getStatus().code(), s.getTheme(), s.getCancelReason(), lawyer);
        }).toList();
    }
}
