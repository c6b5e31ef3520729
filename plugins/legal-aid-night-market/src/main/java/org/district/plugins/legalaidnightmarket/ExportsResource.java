package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.district.platform.api.access.Places;
import org.district.platform.api.audit.AuditTrail;
import org.district.plugins.legalaidnightmarket.NightMarket.ConsultationFilter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/legal-aid-night-market/exports}: CSV files for the district. The figures carry no
 * personal data and are the coordinator's; consultations one by one carry contacts and summaries
 * and need the export role. Every export is written to the platform's audit trail. A caller
 * limited to places exports the records of the markets in them only.
 */
@Component(service = ExportsResource.class)
@JakartarsResource
@Path("exports")
@Produces(ExportsResource.CSV)
public class ExportsResource {

    static final String CSV = "text/csv; charset=UTF-8";

    @Reference
    private NightMarket nightMarket;

    @Reference
    private AuditTrail audit;

    /** The monthly figures as CSV, one row a month and a total; {@code lang=zh} gives Chinese headers. */
    @GET
    @Path("figures.csv")
    @RolesAllowed(Roles.COORDINATOR)
    public Response figures(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("market") Long market,
            @QueryParam("lang") String lang, @Context Places places) {
        Figures.Report report = FiguresResource.report(nightMarket, from, to, market, places);
        String file = Exports.figures(report, "zh".equalsIgnoreCase(lang));
        audit.record("export", "figures", Map.of("from", report.from().toString(), "to", report.to().toString(),
                "market", market == null ? "all" : market.toString()));
        return attachment(file, "night-market-figures-" + report.from() + "-" + report.to() + ".csv");
    }

    /** Every consultation of the sessions from {@code from} to {@code to} (days), personal data in full. */
    @GET
    @Path("consultations.csv")
    @RolesAllowed(Roles.EXPORT)
    public Response consultations(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("market") Long market,
            @Context Places places) {
        LocalDate first = Params.date("from", from);
        LocalDate last = Params.date("to", to);
        String file = Exports.consultations(
                nightMarket.consultations(new ConsultationFilter(market, null, first, last, null, null, false, places)),
                LocalDate.now(NightMarket.DEFAULT_ZONE));
        audit.record("export", "consultations with personal data", Map.of("from", String.valueOf(first), "to", String.valueOf(last),
                "market", market == null ? "all" : market.toString()));
        return attachment(file, "night-market-consultations.csv");
    }

    private static Response attachment(String file, String name) {
        return Response.ok(file, CSV).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
