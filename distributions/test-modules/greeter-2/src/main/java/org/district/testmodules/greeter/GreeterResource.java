package org.district.testmodules.greeter;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/greeter}: anyone reads the greeting and the latest visitors; admins record visitors. */
@Component(service = GreeterResource.class)
@JakartarsResource
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class GreeterResource {

    /** What {@code GET /greeting} answers. */
    public record Greeting(String version, String welcome, String signature, int visitorsShown) {
    }

    @Reference
    private Greeter greeter;

    @GET
    @Path("greeting")
    @PermitAll
    public Greeting greeting() {
        GreeterSettings settings = greeter.settings();
        return new Greeting(Greeter.VERSION, settings.welcome(), settings.signature(), settings.visitorsShown());
    }

    @GET
    @Path("visitors")
    @PermitAll
    public List<Visitor> latest() {
        return greeter.latest();
    }

    @GET
    @Path("visitors/{id}")
    @PermitAll
    public Visitor one(@PathParam("id") long id) {
        return greeter.visitor(id);
    }

    @POST
    @Path("visitors")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response welcome(@Valid VisitorDraft draft) {
        Visitor visitor = greeter.welcome(draft);
        return Response.created(UriBuilder.fromPath("visitors/{id}").build(visitor.getId())).entity(visitor).build();
    }
}
