package org.district.plugins.farmaidstreaming;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.district.platform.api.access.Places;
import org.district.plugins.farmaidstreaming.Drafts.CompletionDraft;
import org.district.plugins.farmaidstreaming.Views.EnrolmentView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/farm-aid-streaming/enrolments}: a streamer's place in a class, completed or withdrawn. */
@Component(service = EnrolmentsResource.class)
@JakartarsResource
@Path("enrolments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class EnrolmentsResource {

    @Reference
    private Training training;

    @GET
    @Path("{id}")
    public EnrolmentView enrolment(@PathParam("id") long id) {
        return EnrolmentView.of(training.enrolment(id));
    }

    /** Records completion: {@code {"completedOn": "2026-11-20", "certificateNo": "JJ-2026-001"}}, both optional. */
    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public EnrolmentView complete(@PathParam("id") long id, @Valid CompletionDraft draft, @Context Places places) {
        places.requireEverywhere(Roles.TRAINING);
        return EnrolmentView.of(training.complete(id, draft));
    }

    @POST
    @Path("{id}/withdraw")
    public EnrolmentView withdraw(@PathParam("id") long id, @Context Places places) {
        places.requireEverywhere(Roles.TRAINING);
        return EnrolmentView.of(training.withdraw(id));
    }
}
