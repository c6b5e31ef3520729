package org.district.platform.runtime.internal.admin;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.privacy.RetentionJob;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/admin/retention}: how long each module keeps each kind of personal data, set per
 * city by its admins (audited, before and after), and a purge on demand; the platform purges
 * every day in any case.
 */
@Component(service = RetentionResource.class, property = RestWhiteboard.BASE_PROPERTY + "=admin")
@JakartarsResource
@Path("retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Reference
    private RetentionJob retention;

    public record RetentionChange(@NotNull @Min(0) @Max(RetentionJob.MAX_DAYS) Integer days) {
    }

    @GET
    public List<RetentionJob.Dataset> list() {
        return retention.datasets();
    }

    @PUT
    @Path("{module}/{dataset}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RetentionJob.Dataset set(@PathParam("module") String module, @PathParam("dataset") String dataset,
            @Valid RetentionChange change, @Context SecurityContext caller) {
        if (retention.dataset(module, dataset).isEmpty()) {
            throw Problem.notFound("No enabled module '" + module + "' keeps personal data called '" + dataset + "'.");
        }
        return retention.setDays(module, dataset, change.days(), caller.getUserPrincipal().getName());
    }

    /** Purges every dataset now, as the daily run does. */
    @POST
    @Path("purge")
    public List<RetentionJob.Purged> purge() {
        return retention.purge();
    }
}
