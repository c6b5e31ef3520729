package org.district.platform.runtime.internal.admin;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.module.ModuleSettings;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/admin/modules/{id}/config}: a module's settings as its OSGi Metatype describes them,
 * and changing them. Admins only; every change is audited with the values before and after.
 */
@Component(service = ModuleConfigResource.class, property = RestWhiteboard.BASE_PROPERTY + "=admin")
@JakartarsResource
@Path("modules/{id}/config")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleConfigResource {

    @Reference
    private ModuleSettings settings;

    /** Every configuration the module designates, with names and descriptions in {@code lang} where the module localizes them. */
    @GET
    public ModuleSettings.ModuleSettingsView get(@PathParam("id") String id, @QueryParam("lang") String lang) {
        return settings.describe(id, lang);
    }

    /**
     * Sets the settings named in the body, e.g. {@code {"serviceMinutes": 20, "cityAreas": ["…", "…"]}};
     * the others keep their values, and {@code null} restores a default. All or nothing: a value
     * of the wrong type, out of range, not among the options or missing where required is a 400
     * naming the setting, and nothing changes.
     */
    @PUT
    @Path("{pid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModuleSettings.Settings put(@PathParam("id") String id, @PathParam("pid") String pid, @QueryParam("lang") String lang,
            Map<String, Object> values) {
        if (values == null) {
            throw Problem.invalid("body", "a JSON object of settings and their values is required");
        }
        return settings.change(id, pid, values, lang);
    }
}
