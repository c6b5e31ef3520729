package org.district.plugins.courierstations;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.plugins.courierstations.Drafts.StationDraft;
import org.district.plugins.courierstations.Stations.Filter;
import org.district.plugins.courierstations.Stations.Managed;
import org.district.plugins.courierstations.Views.CheckinCode;
import org.district.plugins.courierstations.Views.PublicStation;
import org.district.plugins.courierstations.Views.StationView;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.osgi.service.component.annotations.Component;
import org.district.platform.api.audit.AuditTrail;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/courier-stations/stations}: the station manager's side — the directory, each
 * station's services, hours, closures and status, and its check-in code. For managers (and admins).
 */
@Component(service = StationsResource.class)
@JakartarsResource
@Path("stations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StationsResource.MANAGER)
public class StationsResource {

    static final String MANAGER = "courier-stations.manager";

    @Reference
    private Stations stations;

    @Reference
    private City city;

    @Reference
    private AuditTrail audit;

    /** Stations by id, filtered; contact phones masked. {@code q} matches name or address. */
    @GET
    public Page<PublicStation> list(@QueryParam("district") String district, @QueryParam("street") String street,
            @QueryParam("community") String community, @QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("service") String service, @QueryParam("q") String text, @QueryParam("coords") String coords,
            @BeanParam PageRequest paging, @Context Places places) {
        City.Settings settings = city.settings();
        StationKind kindWanted = kind == null || kind.isBlank() ? null : StationKind.parse(kind)
                .orElseThrow(() -> Problem.invalid("kind", "'" + kind + "' is not a kind of station; one of " + Codes.list(StationKind.values(), StationKind::code)));
        StationStatus statusWanted = status == null || status.isBlank() ? null : StationStatus.parse(status)
                .orElseThrow(() -> Problem.invalid("status", "'" + status + "' is not a status; one of " + Codes.list(StationStatus.values(), StationStatus::code)));
        String serviceWanted = service == null || service.isBlank() ? null
                : Requests.services(List.of(service), settings.catalogue()).iterator().next();
        CoordinateSystem system = Requests.coords(coords);
        Page<StationSnapshot> page = stations.list(new Filter(Stations.blankToNull(district), Stations.blankToNull(street),
                Stations.blankToNull(community), kindWanted, statusWanted, serviceWanted, Stations.blankToNull(text), places), paging);
        java.time.LocalDate today = java.time.LocalDate.now(settings.zone());
        return new Page<>(page.items().stream().map(s -> PublicStation.of(s, system, settings.catalogue(), today)).toList(),
                page.page(), page.size(), page.total());
    }

    /** One station in full: contact phone and check-in code. */
    @GET
    @Path("{id}")
    public StationView station(@PathParam("id") long id, @QueryParam("coords") String coords, @Context Places places) {
        StationView station = view(stations.manage(id, places), Requests.coords(coords));
        audit.record("personal-data.read", "station " + id, java.util.Map.of("fields", "contact phone"));
        return station;
    }

    /** Adds a station; {@code coords=gcj02} when the position comes from a Chinese map app. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid StationDraft draft, @QueryParam("coords") String coords, @Context Places places) {
        CoordinateSystem system = Requests.coords(coords);
        Managed created = stations.create(draft, system, places);
        return Response.created(UriBuilder.fromPath("stations/{id}").build(created.station().id())).entity(view(created, system)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public StationView update(@PathParam("id") long id, @Valid StationDraft draft, @QueryParam("coords") String coords, @Context Places places) {
        CoordinateSystem system = Requests.coords(coords);
        return view(stations.update(id, draft, system, places), system);
    }

    /** Deletes a station without visits (204); one with visits on record is retired instead (200, the station). */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @Context Places places) {
        if (stations.remove(id, places) == Stations.Removal.DELETED) {
            return Response.noContent().build();
        }
        return Response.ok(view(stations.manage(id), CoordinateSystem.WGS84)).build();
    }

    /** The content of the station's QR code. */
    @GET
    @Path("{id}/checkin-code")
    public CheckinCode checkinCode(@PathParam("id") long id, @Context Places places) {
        return new CheckinCode(id, stations.manage(id, places).checkinCode());
    }

    /** A new code; the printed QR code stops working. */
    @POST
    @Path("{id}/checkin-code")
    public CheckinCode newCheckinCode(@PathParam("id") long id, @Context Places places) {
        return new CheckinCode(id, stations.newCheckinCode(id, places).checkinCode());
    }

    /** The check-in code as a QR code PNG to print, {@code size} pixels square. */
    @GET
    @Path("{id}/qr.png")
    @Produces("image/png")
    public Response qrCode(@PathParam("id") long id, @QueryParam("size") @DefaultValue("400") int size, @Context Places places) {
        if (size < 100 || size > 2000) {
            throw Problem.invalid("size", "must be between 100 and 2000 pixels");
        }
        Managed station = stations.manage(id, places);
        return Response.ok(QrCodes.png(station.checkinCode(), size), "image/png")
                .header("Content-Disposition", "inline; filename=\"station-" + id + "-checkin.png\"").build();
    }

    private StationView view(Managed managed, CoordinateSystem coords) {
        return StationView.of(managed.station(), managed.checkinCode(), managed.updatedAt(), coords, city.settings().catalogue());
    }
}
