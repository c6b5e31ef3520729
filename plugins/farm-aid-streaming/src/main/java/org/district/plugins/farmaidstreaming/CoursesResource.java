package org.district.plugins.farmaidstreaming;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.access.Places;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.plugins.farmaidstreaming.Drafts.CourseDraft;
import org.district.plugins.farmaidstreaming.Drafts.CourseSessionDraft;
import org.district.plugins.farmaidstreaming.Views.CourseSessionView;
import org.district.plugins.farmaidstreaming.Views.CourseView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/farm-aid-streaming/courses}: the free live-commerce courses and the classes they are
 * given in. Courses are the whole city's programme, open to every streamer: a coordinator limited to
 * places reads them but changes none of them (nor classes and enrolments).
 */
@Component(service = CoursesResource.class)
@JakartarsResource
@Path("courses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class CoursesResource {

    @Reference
    private Training training;

    @GET
    public Page<CourseView> list(@QueryParam("active") Boolean active, @BeanParam PageRequest paging) {
        Page<Course> page = training.courses(active, paging);
        return new Page<>(page.items().stream().map(CourseView::of).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("{id}")
    public CourseView course(@PathParam("id") long id) {
        return CourseView.of(training.course(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid CourseDraft draft, @Context Places places) {
        places.requireEverywhere(Roles.TRAINING);
        Course course = training.createCourse(draft);
        return Response.created(UriBuilder.fromPath("courses/{id}").build(course.getId())).entity(CourseView.of(course)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CourseView update(@PathParam("id") long id, @Valid CourseDraft draft, @Context Places places) {
        places.requireEverywhere(Roles.TRAINING);
        return CourseView.of(training.updateCourse(id, draft));
    }

    /** Deletes a course never given (204); one with classes is deactivated (200, the course). */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @Context Places places) {
        places.requireEverywhere(Roles.TRAINING);
        if (training.removeCourse(id) == Streamers.Removal.DELETED) {
            return Response.noContent().build();
        }
        return Response.ok(CourseView.of(training.course(id))).build();
    }

    /** The course's classes, earliest first, with how many are enrolled in each. */
    @GET
    @Path("{id}/sessions")
    public List<CourseSessionView> classes(@PathParam("id") long id) {
        List<CourseSession> classes = training.classes(id);
        Map<Long, Long> enrolled = training.enrolledCounts(classes.stream().map(CourseSession::getId).toList());
        return classes.stream().map(c -> CourseSessionView.of(c, enrolled.getOrDefault(c.getId(), 0L))).toList();
    }

    @POST
    @Path("{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createClass(@PathParam("id") long id, @Valid CourseSessionDraft draft, @Context Places places) {
        places.requireEverywhere(Roles.TRAINING);
        CourseSession session = training.createClass(id, draft);
        return Response.created(UriBuilder.fromPath("course-sessions/{id}").build(session.getId())).entity(CourseSessionView.of(session, 0))
                .build();
    }
}
