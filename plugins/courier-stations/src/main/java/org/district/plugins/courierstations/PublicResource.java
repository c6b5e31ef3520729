package org.district.plugins.courierstations;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.district.platform.api.rest.PreparedJson;
import org.district.platform.api.rest.Problem;
import org.district.plugins.courierstations.Drafts.CheckInDraft;
import org.district.plugins.courierstations.NearestStations.InView;
import org.district.plugins.courierstations.NearestStations.Question;
import org.district.plugins.courierstations.NearestStations.View;
import org.district.plugins.courierstations.ServiceCatalogue.Service;
import org.district.plugins.courierstations.Views.CheckInResult;
import org.district.plugins.courierstations.Views.Nearest;
import org.district.plugins.courierstations.Views.PublicStation;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/courier-stations/public}: what riders' apps and map pages may use without signing
 * in. Station lists answer JSON, or GeoJSON for maps when asked with
 * {@code Accept: application/geo+json}. Contact phones are masked.
 */
@Component(service = PublicResource.class)
@JakartarsResource
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicResource {

    static final String GEO_JSON = "application/geo+json";

    @Reference
    private NearestStations nearest;

    @Reference
    private Stations stations;

    @Reference
    private StationMap map;

    @Reference
    private CheckIns checkIns;

    @Reference
    private City city;

    /**
     * The nearest stations to {@code lat},{@code lon} ({@code coords=gcj02} for a Chinese map
     * app's coordinates), offering every {@code service} asked for; {@code open=true} keeps only
     * those open now, or at {@code at} (local time). With distance, walking and riding minutes.
     */
    @GET
    @Path("stations/nearest")
    public Nearest<PreparedJson> nearest(@QueryParam("lat") Double lat, @QueryParam("lon") Double lon, @QueryParam("coords") String coords,
            @QueryParam("service") List<String> service, @QueryParam("open") @DefaultValue("false") boolean open,
            @QueryParam("at") String at, @QueryParam("limit") @DefaultValue("10") int limit, @QueryParam("within") Double within) {
        return nearest.nearest(question(lat, lon, coords, service, open, at, limit, within));
    }

    @GET
    @Path("stations/nearest")
    @Produces(GEO_JSON + ";qs=0.9")
    public Map<String, Object> nearestGeoJson(@QueryParam("lat") Double lat, @QueryParam("lon") Double lon, @QueryParam("coords") String coords,
            @QueryParam("service") List<String> service, @QueryParam("open") @DefaultValue("false") boolean open,
            @QueryParam("at") String at, @QueryParam("limit") @DefaultValue("10") int limit, @QueryParam("within") Double within) {
        Nearest<PublicStation> found = nearest.nearestViews(question(lat, lon, coords, service, open, at, limit, within));
        return Views.featureCollection(found.stations().stream().map(n -> {
            Map<String, Object> properties = Views.properties(n.station());
            properties.put("distanceMetres", n.distanceMetres());
            properties.put("walkMinutes", n.walkMinutes());
            properties.put("rideMinutes", n.rideMinutes());
            properties.put("open", n.open());
            return Views.feature(n.station().id(), n.station().lat(), n.station().lon(), properties);
        }).toList());
    }

    private Question question(Double lat, Double lon, String coords, List<String> service, boolean open, String at, int limit, Double within) {
        City.Settings settings = city.settings();
        return new Question(Requests.latitude("lat", lat), Requests.longitude("lon", lon), Requests.coords(coords),
                Requests.services(service, settings.catalogue()), open, Requests.time("at", at, settings.zone()), limit, within);
    }

    /** Stations in a map's view, {@code bbox=west,south,east,north}; retired ones never show. */
    @GET
    @Path("stations")
    public InView inView(@QueryParam("bbox") String bbox, @QueryParam("coords") String coords, @QueryParam("service") List<String> service,
            @QueryParam("open") @DefaultValue("false") boolean open, @QueryParam("at") String at,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        return nearest.inView(view(bbox, coords, service, open, at, limit));
    }

    @GET
    @Path("stations")
    @Produces(GEO_JSON + ";qs=0.9")
    public Map<String, Object> inViewGeoJson(@QueryParam("bbox") String bbox, @QueryParam("coords") String coords,
            @QueryParam("service") List<String> service, @QueryParam("open") @DefaultValue("false") boolean open,
            @QueryParam("at") String at, @QueryParam("limit") @DefaultValue("500") int limit) {
        InView found = nearest.inView(view(bbox, coords, service, open, at, limit));
        return Views.featureCollection(found.stations().stream()
                .map(s -> Views.feature(s.id(), s.lat(), s.lon(), Views.properties(s))).toList());
    }

    private View view(String bbox, String coords, List<String> service, boolean open, String at, int limit) {
        if (bbox == null || bbox.isBlank()) {
            throw Problem.invalid("bbox", "is required: west,south,east,north");
        }
        String[] parts = bbox.split(",");
        double[] edges = new double[4];
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 4; i++) {
                edges[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw Problem.invalid("bbox", "'" + bbox + "' is not west,south,east,north in degrees");
        }
        Requests.longitude("bbox", edges[0]);
        Requests.latitude("bbox", edges[1]);
        Requests.longitude("bbox", edges[2]);
        Requests.latitude("bbox", edges[3]);
        if (!(edges[0] < edges[2] && edges[1] < edges[3])) {
            throw Problem.invalid("bbox", "west must be less than east and south less than north");
        }
        City.Settings settings = city.settings();
        return new View(edges[0], edges[1], edges[2], edges[3], Requests.coords(coords), Requests.services(service, settings.catalogue()),
                open, Requests.time("at", at, settings.zone()), limit);
    }

    /** One station, retired ones included (they say so). */
    @GET
    @Path("stations/{id}")
    public PublicStation station(@PathParam("id") long id, @QueryParam("coords") String coords) {
        CoordinateSystem system = Requests.coords(coords);
        City.Settings settings = city.settings();
        StationSnapshot known = map.get(id);
        StationSnapshot station = known != null ? known : stations.manage(id).station();
        return PublicStation.of(station, system, settings.catalogue(), LocalDateTime.now(settings.zone()).toLocalDate());
    }

    public record Converted(double lat, double lon, String coords) {
    }

    /** Converts a point between WGS-84 (GPS) and GCJ-02 (Chinese map apps), anywhere. */
    @GET
    @Path("coordinates")
    public Converted convert(@QueryParam("lat") Double lat, @QueryParam("lon") Double lon, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        CoordinateSystem source = from == null || from.isBlank() ? CoordinateSystem.WGS84
                : CoordinateSystem.parse(from).orElseThrow(() -> Problem.invalid("from", "'" + from + "' is not wgs84 or gcj02"));
        CoordinateSystem target = to == null || to.isBlank() ? CoordinateSystem.GCJ02
                : CoordinateSystem.parse(to).orElseThrow(() -> Problem.invalid("to", "'" + to + "' is not wgs84 or gcj02"));
        org.district.plugins.courierstations.geo.GeoPoint point = target.fromWgs84(source.toWgs84(
                new org.district.plugins.courierstations.geo.GeoPoint(Requests.latitude("lat", lat), Requests.longitude("lon", lon))));
        return new Converted(point.lat(), point.lon(), target.code());
    }

    /** The catalogue of services, with Chinese and English names. */
    @GET
    @Path("services")
    public List<Service> services() {
        return city.settings().catalogue().services();
    }

    /** A worker's scan of a station's code: 201 when counted, 200 when a repeat within the window. */
    @POST
    @Path("checkins")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response checkIn(@Valid CheckInDraft draft) {
        CheckInResult result = checkIns.scan(draft);
        return Response.status(result.counted() ? Response.Status.CREATED : Response.Status.OK).entity(result).build();
    }
}
