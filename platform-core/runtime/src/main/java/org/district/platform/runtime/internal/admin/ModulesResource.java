package org.district.platform.runtime.internal.admin;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.module.ModuleManager;
import org.district.platform.runtime.internal.module.ModuleState;
import org.district.platform.runtime.internal.module.ModuleView;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/admin/modules}: the module list, and enabling and disabling at runtime. Admins only. */
@Component(service = ModulesResource.class, property = RestWhiteboard.BASE_PROPERTY + "=admin")
@JakartarsResource
@Path("modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {

    @Reference
    private ModuleManager modules;

    @Reference
    private AuditLedger audit;

    /** The module's state after an attempt, for the audit entry: unknown ids are recorded as such. */
    private String state(String id) {
        return modules.state(id).map(ModuleState::json).orElse("unknown");
    }

    @GET
    public List<ModuleView> list() {
        return modules.list();
    }

    @GET
    @Path("{id}")
    public ModuleView get(@PathParam("id") String id) {
        return modules.get(id);
    }

    /** Enables the module; {@code cascade=true} enables the modules it requires too. */
    @POST
    @Path("{id}/enable")
    public ModuleView enable(@PathParam("id") String id, @QueryParam("cascade") boolean cascade, @Context SecurityContext caller) {
        try {
            return modules.enable(id, cascade, caller.getUserPrincipal().getName());
        } finally {
            audit.append("platform", "module.enable", id, Map.of("cascade", Boolean.toString(cascade), "state", state(id)));
        }
    }

    /** Disables the module, keeping its data; {@code cascade=true} disables the modules that require it too. */
    @POST
    @Path("{id}/disable")
    public ModuleView disable(@PathParam("id") String id, @QueryParam("cascade") boolean cascade, @Context SecurityContext caller) {
        try {
            return modules.disable(id, cascade, caller.getUserPrincipal().getName());
        } finally {
            audit.append("platform", "module.disable", id, Map.of("cascade", Boolean.toString(cascade), "state", state(id)));
        }
    }

    /** Updates the module to the jar for it now in the plugins folder; its data and its state stay. */
    @POST
    @Path("{id}/update")
    public ModuleView update(@PathParam("id") String id, @Context SecurityContext caller) {
        String from = modules.get(id).version();
        ModuleView updated = modules.update(id, caller.getUserPrincipal().getName());
        audit.append("platform", "module.update", id, Map.of("from", String.valueOf(from), "to", String.valueOf(updated.version()),
                "state", updated.state().json()));
        return updated;
    }
}
