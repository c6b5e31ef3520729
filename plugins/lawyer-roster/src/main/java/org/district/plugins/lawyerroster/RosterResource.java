package org.district.plugins.lawyerroster;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.district.platform.api.audit.AuditTrail;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.plugins.lawyerroster.Drafts.DutyDraft;
import org.district.plugins.lawyerroster.Drafts.FirmDraft;
import org.district.plugins.lawyerroster.Drafts.LawyerDraft;
import org.district.plugins.lawyerroster.Drafts.RotaRequest;
import org.district.plugins.lawyerroster.Roster.LawyerFilter;
import org.district.plugins.lawyerroster.Views.DutyView;
import org.district.plugins.lawyerroster.Views.FirmView;
import org.district.plugins.lawyerroster.Views.ImportReport;
import org.district.plugins.lawyerroster.Views.LawyerListItem;
import org.district.plugins.lawyerroster.Views.LawyerView;
import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.RotaSession;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/lawyer-roster}: the coordinator's side of the roster — firms, lawyers, duties, the
 * spreadsheet import and the rota. For the roster's operators (and admins); an operator limited to
 * places ({@code lawyer-roster.operator@宜宾市/翠屏区}) works only with the firms in them and their
 * lawyers (see {@link Roster}).
 */
@Component(service = RosterResource.class)
@JakartarsResource
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RosterResource.OPERATOR)
public class RosterResource {

    static final String OPERATOR = "lawyer-roster.operator";

    @Reference
    private Roster roster;

    @Reference
    private AuditTrail audit;

    // --- firms

    @GET
    @Path("firms")
    public Page<FirmView> firms(@BeanParam PageRequest paging, @Context Places places) {
        Page<LawFirm> page = roster.firms(paging, places);
        return new Page<>(page.items().stream().map(FirmView::of).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("firms/{id}")
    public FirmView firm(@PathParam("id") long id, @Context Places places) {
        return FirmView.of(roster.firm(id, places));
    }

    @POST
    @Path("firms")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createFirm(@Valid FirmDraft draft, @Context Places places) {
        LawFirm firm = roster.createFirm(draft, places);
        return Response.created(UriBuilder.fromPath("firms/{id}").build(firm.getId())).entity(FirmView.of(firm)).build();
    }

    @PUT
    @Path("firms/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FirmView updateFirm(@PathParam("id") long id, @Valid FirmDraft draft, @Context Places places) {
        return FirmView.of(roster.updateFirm(id, draft, places));
    }

    @DELETE
    @Path("firms/{id}")
    public void deleteFirm(@PathParam("id") long id, @Context Places places) {
        roster.deleteFirm(id, places);
    }

    // --- lawyers

    /**
     * Lawyers, filtered by {@code specialty} (code or Chinese name), {@code district} (of their
     * firm, a prefix of the administrative path), {@code language}, {@code availableOn} (a day) and
     * {@code availableAt} (a time, HH:mm), {@code active}; for an operator limited to places, only
     * lawyers of firms in them. Phone and licence numbers are masked.
     */
    @GET
    @Path("lawyers")
    public Page<LawyerListItem> lawyers(@QueryParam("specialty") String specialty, @QueryParam("district") String district,
            @QueryParam("language") String language, @QueryParam("availableOn") String availableOn,
            @QueryParam("availableAt") String availableAt, @QueryParam("active") Boolean active, @BeanParam PageRequest paging,
            @Context Places places) {
        LawyerFilter filter = new LawyerFilter(specialty(specialty), Roster.blankToNull(district), Roster.blankToNull(language),
                day(availableOn), time(availableAt), active, places);
        Page<Lawyer> page = roster.lawyers(filter, paging);
        return new Page<>(page.items().stream().map(LawyerListItem::of).toList(), page.page(), page.size(), page.total());
    }

    /** One lawyer in full, phone and licence number included. */
    @GET
    @Path("lawyers/{id}")
    public LawyerView lawyer(@PathParam("id") long id, @Context Places places) {
        LawyerView lawyer = LawyerView.of(roster.lawyer(id, places), roster.volunteerHours(id));
        audit.record("personal-data.read", "lawyer " + id, Map.of("fields", "phone, licenceNo"));
        return lawyer;
    }

    @POST
    @Path("lawyers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createLawyer(@Valid LawyerDraft draft, @Context Places places) {
        Lawyer lawyer = roster.createLawyer(draft, places);
        return Response.created(UriBuilder.fromPath("lawyers/{id}").build(lawyer.getId())).entity(LawyerView.of(lawyer, 0)).build();
    }

    @PUT
    @Path("lawyers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public LawyerView updateLawyer(@PathParam("id") long id, @Valid LawyerDraft draft, @Context Places places) {
        return LawyerView.of(roster.updateLawyer(id, draft, places), roster.volunteerHours(id));
    }

    /** Deletes a lawyer without history (204), or deactivates one with duties on record (200, the lawyer). */
    @DELETE
    @Path("lawyers/{id}")
    public Response removeLawyer(@PathParam("id") long id, @Context Places places) {
        if (roster.removeLawyer(id, places) == Roster.Removal.DELETED) {
            return Response.noContent().build();
        }
        return Response.ok(LawyerView.of(roster.lawyer(id), roster.volunteerHours(id))).build();
    }

    @GET
    @Path("lawyers/{id}/duties")
    public List<DutyView> duties(@PathParam("id") long id, @Context Places places) {
        return roster.duties(id, places).stream().map(DutyView::of).toList();
    }

    @POST
    @Path("lawyers/{id}/duties")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordDuty(@PathParam("id") long id, @Valid DutyDraft draft, @Context Places places) {
        Duty duty = roster.recordDuty(id, draft.start(), draft.end(), draft.place(), places);
        return Response.status(Response.Status.CREATED).entity(DutyView.of(duty)).build();
    }

    // --- import

    /**
     * Imports a CSV export of the bar association's spreadsheet (UTF-8 or GB18030, detected unless
     * {@code encoding} says). All rows or none: any problem refuses the whole file with a report
     * by line and column. {@code dryRun=true} only reports. An operator limited to places imports
     * rows of firms in them only; a row outside refuses the file (403), reported the same way.
     */
    @POST
    @Path("import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM })
    public ImportReport importCsv(byte[] content, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("encoding") String encoding, @Context Places places) {
        ImportReport report = roster.importCsv(content, charset(encoding), dryRun, places);
        if (!dryRun) {
            audit.record("roster.import", "lawyers", Map.of("rows", Integer.toString(report.rows()), "created", Integer.toString(report.created()),
                    "updated", Integer.toString(report.updated()), "encoding", report.encoding()));
        }
        return report;
    }

    // --- rota

    /** A fair duty rota for the given sessions among the active lawyers (in the operator's places, when limited). */
    @POST
    @Path("rota")
    @Consumes(MediaType.APPLICATION_JSON)
    public Rota rota(@Valid RotaRequest request, @Context Places places) {
        List<RotaSession> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < request.sessions().size(); i++) {
            Drafts.SessionDraft session = request.sessions().get(i);
            java.util.Set<Specialty> required = java.util.EnumSet.noneOf(Specialty.class);
            for (String text : session.requiredSpecialties() == null ? List.<String>of() : session.requiredSpecialties()) {
                final int index = i;
                required.add(Specialty.parse(text).orElseThrow(() -> Problem.invalid("sessions[" + index + "].requiredSpecialties",
                        "'" + text + "' is not a specialty; one of " + Roster.catalogue())));
            }
            if (!session.end().isAfter(session.start())) {
                throw Problem.invalid("sessions[" + i + "].end", "must be after start");
            }
            sessions.add(new RotaSession(session.key(), session.start(), session.end(), session.place(), required));
        }
        return roster.rota(sessions, request.maxPerLawyerPerMonth(), places);
    }

    static Specialty specialty(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Specialty.parse(text).orElseThrow(() -> Problem.invalid("specialty", "'" + text + "' is not a specialty; one of " + Roster.catalogue()));
    }

    private static DayOfWeek day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return WeeklyWindow.parse(text + " 00:00-01:00").day();
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("availableOn", "'" + text + "' is not a day of the week");
        }
    }

    private static LocalTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.invalid("availableAt", "'" + text + "' is not a time of day like 19:30");
        }
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw Problem.invalid("encoding", "'" + name + "' is not an encoding this platform knows; use UTF-8 or GB18030");
        }
    }
}
