package org.district.plugins.farmaidstreaming;

import java.math.BigDecimal;
import java.time.YearMonth;
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
import org.district.plugins.farmaidstreaming.Drafts.ImpactDraft;
import org.district.plugins.farmaidstreaming.Drafts.VillageDraft;
import org.district.plugins.farmaidstreaming.Params.Months;
import org.district.plugins.farmaidstreaming.Views.ImpactView;
import org.district.plugins.farmaidstreaming.Views.VillageView;
import org.district.plugins.farmaidstreaming.reports.SalesChart;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/farm-aid-streaming/villages}: villages and co-operatives, what the programme did for
 * each month by month, and each one's monthly sales as a series and as an SVG chart for the console.
 * Lists mask the contact person; opening one village shows the contact and is audited. A
 * coordinator limited to places works on the villages in them only (see {@link Villages}).
 */
@Component(service = VillagesResource.class)
@JakartarsResource
@Path("villages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class VillagesResource {

    static final String SVG = "image/svg+xml";

    @Reference
    private Villages villages;

    @Reference
    private SalesFigures figures;

    @Reference
    private AuditTrail audit;

    /** Villages by node and name; {@code node} includes every node below it; contacts masked; the caller's places only. */
    @GET
    public Page<VillageView> list(@QueryParam("q") String q, @QueryParam("kind") String kind, @QueryParam("node") String node,
            @QueryParam("active") Boolean active, @BeanParam PageRequest paging, @Context Places places) {
        Page<Village> page = villages.list(new Villages.Filter(Params.blankToNull(q), Params.entry(VillageKind.class, "kind", kind),
                Params.blankToNull(node), active, places), paging);
        return new Page<>(page.items().stream().map(v -> VillageView.of(v, true)).toList(), page.page(), page.size(), page.total());
    }

    /** One village, its contact in full. Audited. */
    @GET
    @Path("{id}")
    public VillageView village(@PathParam("id") long id, @Context Places places) {
        VillageView view = VillageView.of(villages.village(id, places, "id"), false);
        audit.record("personal-data.read", "village " + id, Map.of("fields", "contact name, contact phone"));
        return view;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid VillageDraft draft, @Context Places places) {
        Village village = villages.create(draft, places);
        return Response.created(UriBuilder.fromPath("villages/{id}").build(village.getId())).entity(VillageView.of(village, false)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public VillageView update(@PathParam("id") long id, @Valid VillageDraft draft, @Context Places places) {
        return VillageView.of(villages.update(id, draft, places), false);
    }

    /** Deletes a village with no products, sessions or impact (204); otherwise deactivates it (200, the village). */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @Context Places places) {
        if (villages.remove(id, places) == Streamers.Removal.DELETED) {
            return Response.noContent().build();
        }
        return Response.ok(VillageView.of(villages.village(id, places, "id"), true)).build();
    }

    // --- impact

    /** The village's impact, month by month ({@code from}/{@code to} months; the last twelve by default). */
    @GET
    @Path("{id}/impact")
    public List<ImpactView> impact(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to,
            @Context Places places) {
        villages.village(id, places, "id");
        Months months = Params.months(from, to, SalesFigures.MAX_MONTHS);
        return villages.impact(id, months.from(), months.to(), places).stream().map(ImpactView::of).toList();
    }

    /** Records or corrects a month: {@code {"villagersEmployed": 12, "incomeChangePerPerson": 30000.00, "note": "..."}}. */
    @PUT
    @Path("{id}/impact/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImpactView recordImpact(@PathParam("id") long id, @PathParam("month") String month, @Valid ImpactDraft draft,
            @Context Places places) {
        YearMonth which = Params.month("month", month);
        return ImpactView.of(villages.recordImpact(id, which, draft, places));
    }

    @DELETE
    @Path("{id}/impact/{month}")
    public Response removeImpact(@PathParam("id") long id, @PathParam("month") String month, @Context Places places) {
        villages.removeImpact(id, Params.month("month", month), places);
        return Response.noContent().build();
    }

    // --- the chart

    /** One month of the chart's series. */
    public record ChartPoint(String month, BigDecimal salesValue, long unitsSold, long sessions) {
    }

    public record Chart(long villageId, String village, String from, String to, List<ChartPoint> series) {
    }

    /** The village's sales month by month ({@code from}/{@code to}; the last twelve months by default), every month listed. */
    @GET
    @Path("{id}/sales-chart")
    public Chart chart(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to, @Context Places places) {
        Village village = villages.village(id, places, "id");
        Months months = Params.months(from, to, SalesFigures.MAX_MONTHS);
        return new Chart(id, village.getName(), months.from().toString(), months.to().toString(), figures.series(id, months).stream()
                .map(p -> new ChartPoint(p.month().toString(), p.salesValue(), p.unitsSold(), p.sessions())).toList());
    }

    /** The same as an SVG bar chart, drawn on the server, for the console to embed as an image. */
    @GET
    @Path("{id}/sales-chart.svg")
    @Produces(SVG)
    public Response chartSvg(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to,
            @Context Places places) {
        Village village = villages.village(id, places, "id");
        Months months = Params.months(from, to, SalesFigures.MAX_MONTHS);
        String svg = SalesChart.svg(village.getName() + " · 月度直播销售额 " + months.from() + " – " + months.to(), figures.series(id, months));
        return Response.ok(svg, SVG + "; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"village-" + id + "-sales-" + months.from() + "-" + months.to() + ".svg\"").build();
    }
}
