package org.district.platform.runtime.internal.city;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.city.CityProfile.Branding;
import org.district.platform.runtime.internal.city.CityProfile.Centre;
import org.district.platform.runtime.internal.city.CityProfile.Place;
import org.district.platform.runtime.internal.city.CityProfile.Profile;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/city}: which city this platform serves, for anyone (a mini-program, the console's
 * header): its names, time zone, map centre, modules, branding and administrative tree. Nothing
 * here is personal; module settings are not shown (an admin reads them under
 * {@code /api/admin/modules/{id}/config}).
 */
@Component(service = CityResource.class, property = RestWhiteboard.BASE_PROPERTY + "=city")
@JakartarsResource
@jakarta.ws.rs.Path("")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class CityResource {

    @Reference
    private CityProfile city;

    /** The city; {@code logo} is the address of its logo, when it has one. */
    public record CityView(String id, Map<String, String> name, String timeZone, Centre mapCentre, List<String> modules,
            Map<String, String> title, Map<String, String> colours, String logo, int places) {
    }

    @GET
    public CityView city() {
        Profile profile = profile();
        Branding branding = profile.branding();
        return new CityView(profile.id(), profile.name(), profile.timeZone(), profile.mapCentre(), profile.modules(),
                branding == null ? Map.of() : branding.title(), branding == null ? Map.of() : branding.colours(),
                city.logo().isPresent() ? "/api/city/logo" : null, profile.places() == null ? 0 : profile.places().size());
    }

    /** Every node of the administrative tree, parents before children; {@code path} is what a role is limited to. */
    @GET
    @jakarta.ws.rs.Path("places")
    public List<Place> places() {
        List<Place> places = profile().places();
        return places == null ? List.of() : places;
    }

    /** The logo, as an image that runs nothing even when opened on its own. */
    @GET
    @jakarta.ws.rs.Path("logo")
    @Produces({ "image/svg+xml", "image/png" })
    public Response logo() {
        Path logo = city.logo().orElseThrow(() -> Problem.notFound("The city has no logo."));
        try {
            return Response.ok(Files.readAllBytes(logo), logo.toString().endsWith(".png") ? "image/png" : "image/svg+xml")
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                    .header("Cache-Control", "public, max-age=3600")
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("the city's logo cannot be read: " + e.getMessage(), e);
        }
    }

    private Profile profile() {
        return city.profile().orElseThrow(() -> Problem.notFound(
                "This platform is no city's bundle: it was started without a city profile (see distributions/cities)."));
    }
}
