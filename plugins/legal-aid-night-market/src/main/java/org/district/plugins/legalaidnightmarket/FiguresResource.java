package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.district.platform.api.access.Places;
import org.district.platform.api.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/legal-aid-night-market/figures}: the monthly figures the district asks for —
 * consultations by category and outcome, the share settled on the spot, follow-ups overdue. No
 * personal data; the same as CSV under {@code /exports/figures.csv}.
 */
@Component(service = FiguresResource.class)
@JakartarsResource
@Path("figures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class FiguresResource {

    /** The longest period one request may cover. */
    static final int MAX_MONTHS = 60;

    @Reference
    private NightMarket nightMarket;

    /**
     * Month by month from {@code from} to {@code to} (months like 2026-12; the current month when
     * left out), for one {@code market} or all (a coordinator limited to places: all of theirs).
     */
    @GET
    public Figures.Report figures(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("market") Long market,
            @Context Places places) {
        return report(nightMarket, from, to, market, places);
    }

    static Figures.Report report(NightMarket nightMarket, String fromText, String toText, Long market, Places places) {
        YearMonth current = YearMonth.now(NightMarket.DEFAULT_ZONE);
        YearMonth from = Params.month("from", fromText);
        YearMonth to = Params.month("to", toText);
        if (from == null) {
            from = to == null ? current : to;
        }
        if (to == null) {
            to = from;
        }
        if (to.isBefore(from)) {
            throw Problem.invalid("to", "must not be before from (" + from + ")");
        }
        if (from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
            throw Problem.invalid("to", "a report covers at most " + MAX_MONTHS + " months");
        }
        if (market != null) {
            nightMarket.market(market, places, "market");
        }
        LocalDate today = LocalDate.now(NightMarket.DEFAULT_ZONE);
        return Figures.of(nightMarket.figureRows(market, from.atDay(1), to.atEndOfMonth(), places), from, to, market, today);
    }
}
