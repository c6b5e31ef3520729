package org.district.plugins.farmaidstreaming;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.plugins.farmaidstreaming.Drafts.ProductDraft;
import org.district.plugins.farmaidstreaming.Views.ProductView;
import org.district.plugins.farmaidstreaming.matching.StreamerMatching;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/farm-aid-streaming/products}: what the villages sell, and which streamers to ask to
 * sell it. A product is where its village is: a coordinator limited to places works on the products
 * of the villages in them only.
 */
@Component(service = ProductsResource.class)
@JakartarsResource
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class ProductsResource {

    /** The most suggestions one request may ask for. */
    static final int MAX_SUGGESTIONS = 50;

    @Reference
    private Villages villages;

    @Reference
    private SalesFigures figures;

    /** Products by village and name; {@code inSeason=7} keeps those in season in July. */
    @GET
    public Page<ProductView> list(@QueryParam("village") Long village, @QueryParam("category") String category, @QueryParam("q") String q,
            @QueryParam("active") Boolean active, @QueryParam("inSeason") Integer inSeason, @BeanParam PageRequest paging,
            @Context Places places) {
        if (inSeason != null && (inSeason < 1 || inSeason > 12)) {
            throw Problem.invalid("inSeason", "must be a month from 1 to 12");
        }
        Page<Product> page = villages.products(new Villages.ProductFilter(village, Params.entry(ProductCategory.class, "category", category),
                Params.blankToNull(q), active, inSeason == null ? null : Month.of(inSeason), places), paging);
        return new Page<>(page.items().stream().map(ProductView::of).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("{id}")
    public ProductView product(@PathParam("id") long id, @Context Places places) {
        return ProductView.of(villages.product(id, places));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid ProductDraft draft, @Context Places places) {
        Product product = villages.createProduct(draft, places);
        return Response.created(UriBuilder.fromPath("products/{id}").build(product.getId())).entity(ProductView.of(product)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProductView update(@PathParam("id") long id, @Valid ProductDraft draft, @Context Places places) {
        return ProductView.of(villages.updateProduct(id, draft, places));
    }

    /** Deletes a product never featured in a session (204); otherwise deactivates it (200, the product). */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @Context Places places) {
        if (villages.removeProduct(id, places) == Streamers.Removal.DELETED) {
            return Response.noContent().build();
        }
        return Response.ok(ProductView.of(villages.product(id))).build();
    }

    /** Suggestions for a product, with the score and reasons of each, and who was left out and why. */
    public record Suggestions(ProductView product, LocalDateTime at, Integer minutes, String season, List<String> notes,
            List<StreamerMatching.Suggestion> suggestions, List<StreamerMatching.Exclusion> excluded) {
    }

    /**
     * Streamers to ask to sell the product at {@code at} (the city's local time, or with an offset;
     * availability is not asked without it) for {@code minutes} (120), best first, at most {@code limit} (10).
     */
    @GET
    @Path("{id}/suggested-streamers")
    public Suggestions suggestions(@PathParam("id") long id, @QueryParam("at") String at, @QueryParam("minutes") @DefaultValue("120") int minutes,
            @QueryParam("limit") @DefaultValue("10") int limit, @Context Places places) {
        if (minutes < 15 || minutes > 720) {
            throw Problem.invalid("minutes", "must be between 15 and 720");
        }
        if (limit < 1 || limit > MAX_SUGGESTIONS) {
            throw Problem.invalid("limit", "must be between 1 and " + MAX_SUGGESTIONS);
        }
        LocalDateTime when = Params.time("at", at);
        Product product = villages.product(id, places);
        List<String> notes = new ArrayList<>();
        if (!product.isActive()) {
            notes.add("the product is no longer sold");
        }
        if (when == null) {
            notes.add("no time asked (at): availability and other sessions were not checked");
        } else if (!product.inSeason(when.getMonth())) {
            notes.add("the product is out of season in " + when.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " (season " + Season.describe(product.seasonStart(), product.seasonEnd()) + ")");
        }
        if (product.getStock() == 0) {
            notes.add("the village has no stock of it on record");
        }
        StreamerMatching.Result result = figures.suggest(product, when, minutes, limit);
        return new Suggestions(ProductView.of(product), when, when == null ? null : minutes,
                Season.describe(product.seasonStart(), product.seasonEnd()), notes, result.suggestions(), result.excluded());
    }
}
