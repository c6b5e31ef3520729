package org.district.plugins.legalaidnightmarket;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.district.platform.api.access.Places;
import org.district.platform.api.audit.AuditTrail;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.plugins.legalaidnightmarket.Catalogue.Category;
import org.district.plugins.legalaidnightmarket.Catalogue.Outcome;
import org.district.plugins.legalaidnightmarket.Drafts.FollowUpDraft;
import org.district.plugins.legalaidnightmarket.NightMarket.ConsultationFilter;
import org.district.plugins.legalaidnightmarket.Views.ConsultationView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/legal-aid-night-market/consultations}: consultations across sessions, for the
 * coordinator and the duty lawyers. Lists mask every contact; one consultation opened on its own
 * shows it, for the follow-up call. A caller limited to places sees and follows up the
 * consultations at the markets in them only.
 */
@Component(service = ConsultationsResource.class)
@JakartarsResource
@Path("consultations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COORDINATOR, Roles.DUTY_LAWYER })
public class ConsultationsResource {

    @Reference
    private NightMarket nightMarket;

    @Reference
    private AuditTrail audit;

    /**
     * Consultations filtered by {@code market}, {@code session}, {@code from} and {@code to} (days of
     * the session), {@code category}, {@code outcome}, and {@code overdue=true} for follow-ups past due.
     */
    @GET
    public Page<ConsultationView> consultations(@QueryParam("market") Long market, @QueryParam("session") Long session,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("category") String category,
            @QueryParam("outcome") String outcome, @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @BeanParam PageRequest paging, @Context Places places) {
        ConsultationFilter filter = new ConsultationFilter(market, session, Params.date("from", from), Params.date("to", to),
                Params.entry(Category.class, "category", category), Params.entry(Outcome.class, "outcome", outcome), overdue, places);
        Page<Consultation> page = nightMarket.consultations(filter, paging);
        return new Page<>(page.items().stream().map(c -> ConsultationView.masked(c, NightMarket.today(c.getSession().getMarket()))).toList(),
                page.page(), page.size(), page.total());
    }

    /** One consultation in full, contact included. */
    @GET
    @Path("{id}")
    public ConsultationView consultation(@PathParam("id") long id, @Context Places places) {
        Consultation consultation = nightMarket.consultation(id, places);
        audit.record("personal-data.read", "consultation " + id, Map.of("fields", "contact, summary"));
        return ConsultationView.of(consultation, NightMarket.today(consultation.getSession().getMarket()));
    }

    /** Records the follow-up of a consultation that needed one. */
    @PUT
    @Path("{id}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsultationView followUp(@PathParam("id") long id, @Valid FollowUpDraft draft, @Context Places places) {
        Consultation consultation = nightMarket.followUp(id, draft, places);
        audit.record("personal-data.read", "consultation " + id, Map.of("fields", "contact, summary", "on", "follow-up"));
        return ConsultationView.of(consultation, NightMarket.today(consultation.getSession().getMarket()));
    }
}
