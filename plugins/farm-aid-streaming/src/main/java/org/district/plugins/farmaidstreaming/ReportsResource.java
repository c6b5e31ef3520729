package org.district.plugins.farmaidstreaming;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.district.platform.api.access.Places;
import org.district.platform.api.audit.AuditTrail;
import org.district.plugins.farmaidstreaming.Params.Months;
import org.district.plugins.farmaidstreaming.Views.ImpactView;
import org.district.plugins.farmaidstreaming.reports.SalesReport;
import org.district.plugins.farmaidstreaming.reports.SalesReport.Dimension;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/farm-aid-streaming/reports}: what the programme sold and did, by village, by streamer
 * or by month, for the district — as JSON and as CSV. Streamers appear by handle only; every CSV
 * export is written to the audit trail. A coordinator limited to places gets the villages in them
 * only (see {@link SalesFigures}).
 */
@Component(service = ReportsResource.class)
@JakartarsResource
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class ReportsResource {

    static final String CSV = "text/csv; charset=UTF-8";

    @Reference
    private SalesFigures figures;

    @Reference
    private Villages villages;

    @Reference
    private AuditTrail audit;

    /**
     * The report by {@code villages}, {@code streamers} or {@code months}, from {@code from} to
     * {@code to} (months like 2026-12; the twelve months up to this one by default), for one
     * {@code village} or all.
     */
    @GET
    @Path("{by: villages|streamers|months}")
    public SalesReport.Report report(@PathParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("village") Long village, @Context Places places) {
        return figures.report(dimension(by), Params.months(from, to, SalesFigures.MAX_MONTHS), village, places);
    }

    /** The same as CSV, one row a line and a total row; {@code lang=zh} for Chinese headers. */
    @GET
    @Path("{by: villages|streamers|months}.csv")
    @Produces(CSV)
    public Response csv(@PathParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("village") Long village, @QueryParam("lang") String lang, @Context Places places) {
        Dimension dimension = dimension(by);
        Months months = Params.months(from, to, SalesFigures.MAX_MONTHS);
        SalesReport.Report report = figures.report(dimension, months, village, places);
        String file = Exports.report(report, dimension, "zh".equalsIgnoreCase(lang));
        audit.record("export", "sales report by " + dimension.code(), Map.of("from", report.from(), "to", report.to(),
                "village", village == null ? "all" : village.toString(), "lines", Integer.toString(report.lines().size())));
        String name = "farm-aid-sales-by-" + dimension.code() + "-" + report.from() + "-" + report.to()
                + (village == null ? "" : "-village-" + village) + ".csv";
        return Response.ok(file, CSV).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** The impact rows of the period, month by month, for one village or all. */
    @GET
    @Path("impact")
    public List<ImpactView> impact(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("village") Long village,
            @Context Places places) {
        if (village != null && !places.isEverywhere()) {
            villages.village(village, places, "village");
        }
        Months months = Params.months(from, to, SalesFigures.MAX_MONTHS);
        return villages.impact(village, months.from(), months.to(), places).stream().map(ImpactView::of).toList();
    }

    private static Dimension dimension(String by) {
        return Dimension.valueOf(by.substring(0, by.length() - 1).toUpperCase(Locale.ROOT));
    }
}
