package org.district.plugins.lawyerroster;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.district.platform.api.access.Places;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.plugins.lawyerroster.Roster.LawyerFilter;
import org.district.plugins.lawyerroster.Views.PublicLawyer;
import org.district.plugins.lawyerroster.Views.SpecialtyView;
import org.district.plugins.lawyerroster.api.Specialty;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/lawyer-roster/public}: what residents may see — active lawyers' public fields only. */
@Component(service = PublicRosterResource.class)
@JakartarsResource
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicRosterResource {

    @Reference
    private Roster roster;

    /** Active lawyers, optionally of one specialty: name, firm, specialties, languages. */
    @GET
    @Path("lawyers")
    public Page<PublicLawyer> lawyers(@QueryParam("specialty") String specialty, @BeanParam PageRequest paging) {
        Page<Lawyer> page = roster.lawyers(new LawyerFilter(RosterResource.specialty(specialty), null, null, null, null, true,
                Places.everywhere()), paging);
        return new Page<>(page.items().stream().map(PublicLawyer::of).toList(), page.page(), page.size(), page.total());
    }

    /** The catalogue of specialties, with their Chinese names. */
    @GET
    @Path("specialties")
    public List<SpecialtyView> specialties() {
        return Arrays.stream(Specialty.values()).map(s -> new SpecialtyView(s.code(), s.chinese())).toList();
    }
}
