package org.district.plugins.courierstations;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
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

/** {@code /api/courier-stations/figures}: visits per station and period, busiest hours, services most used. */
@Component(service = FiguresResource.class)
@JakartarsResource
@Path("figures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StationsResource.MANAGER)
public class FiguresResource {

    @Reference
    private Figures figures;

    @Reference
    private City city;

    /**
     * Figures for the days {@code from}..{@code to} (local dates, both included; the last seven days
     * unless given), counted {@code by} hour, day or week, for one {@code stationId} or all stations
     * (a manager limited to places: all stations in them).
     */
    @GET
    public Figures.Report report(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("by") @DefaultValue("day") String by, @QueryParam("stationId") Long stationId, @Context Places places) {
        LocalDate today = LocalDate.now(city.settings().zone());
        LocalDate last = Requests.date("to", to, today);
        LocalDate first = Requests.date("from", from, last.minusDays(6));
        Figures.Bucket bucket;
        try {
            bucket = Figures.Bucket.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("by", "'" + by + "' is not hour, day or week");
        }
        return figures.report(first, last, bucket, stationId, places);
    }
}
