package org.district.plugins.courierstations;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/courier-stations/settings}: the city's settings in force, as ConfigAdmin set them or by default. */
@Component(service = SettingsResource.class)
@JakartarsResource
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StationsResource.MANAGER)
public class SettingsResource {

    @Reference
    private City city;

    @Reference
    private StationMap map;

    public record SettingsView(String pid, String timeZone, int serviceMinutes, double ridingSpeedKmh, double walkingSpeedKmh,
            double detourFactor, double serviceRadiusMetres, long duplicateWindowMinutes, List<String> cityAreas,
            List<ServiceCatalogue.Service> services, int stationsInIndex, long indexCheckSeconds, String mapTiles, String mapAttribution) {
    }

    @GET
    public SettingsView settings() {
        City.Settings s = city.settings();
        return new SettingsView(City.PID, s.zone().getId(), s.serviceMinutes(), s.ridingSpeedKmh(), s.walkingSpeedKmh(), s.detourFactor(),
                s.serviceRadiusMetres(), s.duplicateWindow().toMinutes(), s.areas().stream().map(Object::toString).toList(),
                s.catalogue().services(), map.size(), StationMap.CHECK_SECONDS, s.mapTiles(), s.mapAttribution());
    }
}
