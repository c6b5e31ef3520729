package org.district.plugins.farmaidstreaming;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.access.Places;
import org.district.plugins.farmaidstreaming.Drafts.CourseSessionDraft;
import org.district.plugins.farmaidstreaming.Drafts.EnrolmentDraft;
import org.district.plugins.farmaidstreaming.Views.CourseSessionView;
import org.district.plugins.farmaidstreaming.Views.EnrolmentView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/farm-aid-streaming/course-sessions}: one class of a course, and who enrolled in it.
 */
@Component(service = CourseSessionsResource.class)
@JakartarsResource
@Path("course-sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class CourseSessionsResource {

    @Reference
    private Training training;

    @GET
    @Path("{id}")
    public CourseSessionView courseSession(@PathParam("id") long id) {
        return CourseSessionView.of(training.courseSession(id), training.enrolledCounts(List.of(id)).getOrDefault(id, 0L));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CourseSessionView update(@PathParam("id") long id, @Valid CourseSessionDraft draft, @Context Places places) {
        places.requireEverywhere(Roles.TRAINING);
        CourseSession session = training.updateClass(id, draft);
        return CourseSessionView.of(session, training.enrolledCounts(List.of(id)).getOrDefault(id, 0L));
    }

    /** Deletes a class nobody enrolled in (204); one with enrolments is a 409. */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @Context Places places) {
        places.requireEverywhere(Roles.TRAINING);
        training.removeClass(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/enrolments")
    public List<EnrolmentView> enrolments(@PathParam("id") long id) {
        return training.enrolments(id).stream().map(EnrolmentView::of).toList();
    }

    /** Enrols a streamer: {@code {"streamerId": 12}}. A full or finished class is a 409. */
    @POST
    @Path("{id}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enrol(@PathParam("id") long id, @Valid EnrolmentDraft draft, @Context Places places) {
        places.requireEverywhere(Roles.TRAINING);
        Enrolment enrolment = training.enrol(id, draft.streamerId());
        return Response.created(UriBuilder.fromPath("enrolments/{id}").build(enrolment.getId())).entity(EnrolmentView.of(enrolment)).build();
    }
}
