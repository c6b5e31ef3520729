package org.district.plugins.farmaidstreaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.district.platform.api.access.Places;
import org.district.platform.api.audit.AuditTrail;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/farm-aid-streaming/exports}: the streamer roster with personal data in full, for
 * holders of the export role only (the reports' CSV files are under {@code /reports}). Audited.
 */
@Component(service = ExportsResource.class)
@JakartarsResource
@Path("exports")
@Produces(ReportsResource.CSV)
@RolesAllowed(Roles.EXPORT)
public class ExportsResource {

    @Reference
    private Streamers streamers;

    @Reference
    private AuditTrail audit;

    /** Every streamer (or only active ones with {@code active=true}): real names, phones, accounts, training. */
    @GET
    @Path("streamers.csv")
    public Response streamers(@QueryParam("active") Boolean active, @Context Places places) {
        places.requireEverywhere(Roles.STREAMERS_IN_FULL);
        List<Streamer> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Streamer> chunk = streamers.list(new Streamers.Filter(null, null, null, null, active, null),
                    new PageRequest(page, PageRequest.MAX_SIZE));
            all.addAll(chunk.items());
            if (all.size() >= chunk.total() || chunk.items().isEmpty()) {
                break;
            }
        }
        String file = Exports.streamers(all, streamers.training(all.stream().map(Streamer::getId).toList()));
        audit.record("export", "streamers with personal data", Map.of("streamers", Integer.toString(all.size()),
                "active", active == null ? "all" : active.toString()));
        return Response.ok(file, ReportsResource.CSV).header("Content-Disposition", "attachment; filename=\"farm-aid-streamers.csv\"").build();
    }
}
