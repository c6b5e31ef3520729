package org.district.benchmarks.baseline;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.plugins.courierstations.City;
import org.district.plugins.courierstations.ServiceCatalogue.Service;
import org.district.plugins.courierstations.Views.Nearest;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.district.plugins.courierstations.geo.GeoPoint;

import com.fasterxml.jackson.databind.util.RawValue;

/**
 * The two read endpoints the benchmark compares, at the platform's paths and with its JSON: the
 * nearest stations and the services catalogue of {@code /api/courier-stations/public}. Input is
 * checked as the module checks it, but a bad request answers a bare 400 rather than a problem.
 */
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
public class BaselineResource {

    private static final int MAX_NEAREST = 50;

    private final NearestAnswers answers;

    public BaselineResource(NearestAnswers answers) {
        this.answers = answers;
    }

    @GET
    @Path("stations/nearest")
    public Nearest<RawValue> nearest(@QueryParam("lat") Double lat, @QueryParam("lon") Double lon, @QueryParam("coords") String coords,
            @QueryParam("service") List<String> service, @QueryParam("open") @DefaultValue("false") boolean open,
            @QueryParam("at") String at, @QueryParam("limit") @DefaultValue("10") int limit, @QueryParam("within") Double within) {
        City.Settings settings = answers.settings();
        if (lat == null || lon == null || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new BadRequestException("lat and lon are required, in degrees");
        }
        CoordinateSystem system = coords == null || coords.isBlank() ? CoordinateSystem.WGS84
                : CoordinateSystem.parse(coords).orElseThrow(() -> new BadRequestException("coords"));
        if (limit < 1 || limit > MAX_NEAREST || (within != null && !(within > 0))) {
            throw new BadRequestException("limit or within");
        }
        GeoPoint here = system.toWgs84(new GeoPoint(lat, lon));
        if (!settings.inCity(here.lat(), here.lon())) {
            throw new BadRequestException("location outside the city's area");
        }
        return answers.nearestWritten(lat, lon, system, services(service), open, time(at), limit, within);
    }

    @GET
    @Path("services")
    public List<Service> services() {
        return answers.settings().catalogue().services();
    }

    private Set<String> services(List<String> texts) {
        Set<String> codes = new LinkedHashSet<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    codes.add(answers.settings().catalogue().find(part).orElseThrow(() -> new BadRequestException("service")).code());
                }
            }
        }
        return codes;
    }

    private LocalDateTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(text.strip()).atZoneSameInstant(answers.settings().zone()).toLocalDateTime();
            } catch (DateTimeParseException e) {
                throw new BadRequestException("at");
            }
        }
    }
}
