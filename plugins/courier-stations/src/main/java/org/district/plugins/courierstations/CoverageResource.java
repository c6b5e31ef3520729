package org.district.plugins.courierstations;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.access.Places;
import org.district.platform.api.rest.Problem;
import org.district.plugins.courierstations.Coverage.DemandSetView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/courier-stations/coverage}: demand points in, coverage of the service circle and
 * proposed sites out. Uploads are CSV; the platform takes bodies up to 1 MiB, so a large file
 * is sent gzip-compressed (100,000 points with six decimals: 2.3 MB, 0.8 MB gzipped), recognised by
 * its bytes, and a larger one in parts appended to the same set.
 */
@Component(service = CoverageResource.class)
@JakartarsResource
@Path("coverage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StationsResource.MANAGER)
public class CoverageResource {

    /** Demand sets are the city's plan: a manager limited to places reads them, and changes none. */
    private static final String CITY_WIDE = "Coverage planning";

    @Reference
    private Coverage coverage;

    @Reference
    private City city;

    /** Loads demand points: {@code lat,lon,weight} rows, all or none ({@code coords=gcj02} for GCJ-02 input). */
    @POST
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/gzip" })
    public Response upload(byte[] body, @QueryParam("name") String name, @QueryParam("coords") String coords, @Context Places places) {
        places.requireEverywhere(CITY_WIDE);
        DemandSetView set = coverage.upload(body, name, Requests.coords(coords));
        return Response.created(UriBuilder.fromPath("coverage/{id}").build(set.id())).entity(set).build();
    }

    /** Adds another part of the same demand to a set, for files above what one request carries. */
    @POST
    @Path("{id}/points")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/gzip" })
    public DemandSetView append(@PathParam("id") long id, byte[] body, @QueryParam("coords") String coords, @Context Places places) {
        places.requireEverywhere(CITY_WIDE);
        return coverage.append(id, body, Requests.coords(coords));
    }

    @GET
    public List<DemandSetView> sets() {
        return coverage.sets();
    }

    /**
     * The weighted share of the demand within {@code radius} metres (default: the service circle)
     * of a station in service, or of one open at {@code at}; and the largest uncovered clusters.
     */
    @GET
    @Path("{id}")
    public Coverage.Report report(@PathParam("id") long id, @QueryParam("radius") Double radius, @QueryParam("at") String at,
            @QueryParam("coords") String coords, @QueryParam("clusters") @DefaultValue("20") int clusters) {
        if (clusters < 0 || clusters > 500) {
            throw Problem.invalid("clusters", "must be between 0 and 500");
        }
        return coverage.report(id, radius, Requests.time("at", at, city.settings().zone()), Requests.coords(coords), clusters);
    }

    /** {@code k} sites for new stations that most increase coverage, chosen by greedy maximum coverage. */
    @GET
    @Path("{id}/proposals")
    public Coverage.Proposals proposals(@PathParam("id") long id, @QueryParam("k") @DefaultValue("5") int k,
            @QueryParam("radius") Double radius, @QueryParam("at") String at, @QueryParam("coords") String coords) {
        if (k < 1 || k > 100) {
            throw Problem.invalid("k", "must be between 1 and 100");
        }
        return coverage.propose(id, k, radius, Requests.time("at", at, city.settings().zone()), Requests.coords(coords));
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id, @Context Places places) {
        places.requireEverywhere(CITY_WIDE);
        coverage.delete(id);
    }
}
