package org.district.plugins.farmaidstreaming;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.plugins.farmaidstreaming.Views.Catalogues;
import org.district.plugins.farmaidstreaming.Views.Entry;
import org.district.plugins.farmaidstreaming.Views.PublicSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/farm-aid-streaming/public}: what viewers see in a mini-program — live sessions to come
 * with the streamer's handle, the platform and the products. Never a real name, a phone or an
 * account id, and nothing about sales.
 */
@Component(service = PublicResource.class)
@JakartarsResource
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicResource {

    /** How far ahead the list looks at most. */
    static final int MAX_DAYS = 92;

    @Reference
    private LiveSessions sessions;

    /** Sessions live now or to come in the next {@code days} days (14 unless said), soonest first; cancelled ones are left out. */
    @GET
    @Path("sessions")
    public Page<PublicSession> upcoming(@QueryParam("days") @DefaultValue("14") int days, @QueryParam("platform") String platform,
            @QueryParam("village") Long village, @BeanParam PageRequest paging) {
        if (days < 1 || days > MAX_DAYS) {
            throw Problem.invalid("days", "must be between 1 and " + MAX_DAYS);
        }
        LocalDateTime now = Params.now();
        Page<LiveSession> page = sessions.upcoming(now, now.plusDays(days), Params.entry(Platform.class, "platform", platform), village, paging);
        return new Page<>(page.items().stream().map(PublicSession::of).toList(), page.page(), page.size(), page.total());
    }

    /** Platforms, product categories, kinds of village and session statuses with their Chinese names, for forms. */
    @GET
    @Path("catalogue")
    public Catalogues catalogue() {
        return new Catalogues(entries(Platform.values()), entries(ProductCategory.values()), entries(VillageKind.values()),
                entries(SessionStatus.values()));
    }

    private static List<Entry> entries(Codes.Coded[] values) {
        return Arrays.stream(values).map(e -> new Entry(e.code(), e.chinese())).toList();
    }
}
