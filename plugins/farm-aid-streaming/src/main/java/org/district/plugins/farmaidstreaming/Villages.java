package org.district.plugins.farmaidstreaming;

import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.district.platform.api.access.Places;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.plugins.farmaidstreaming.Drafts.ImpactDraft;
import org.district.plugins.farmaidstreaming.Drafts.ProductDraft;
import org.district.plugins.farmaidstreaming.Drafts.VillageDraft;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Villages and co-operatives, their products, and what the programme did for them month by month.
 *
 * <p>A village's place is its {@code node}; its products and impact rows are where it is. A
 * coordinator limited to places ({@link Places}) lists only the villages in them and their products,
 * and reads or changes any other one not at all (403): checked in the transaction that loads the
 * record, so a refused change writes nothing.
 */
@Component(service = Villages.class)
public class Villages {

    @Reference
    private ModuleDatabase database;

    // --- villages

    /**
     * Which villages to list; every part is optional but the places of the one asking. {@code node}
     * matches the node and every node below it.
     */
    public record Filter(String q, VillageKind kind, String node, Boolean active, Places places) {
    }

    public Page<Village> list(Filter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.q() != null) {
            where.append(" and lower(v.name) like :q");
            parameters.put("q", "%" + like(filter.q()) + "%");
        }
        if (filter.kind() != null) {
            where.append(" and v.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.node() != null) {
            where.append(" and (v.node = :node or v.node like :below)");
            parameters.put("node", filter.node());
            parameters.put("below", filter.node().replace("%", "").replace("_", "") + "/%");
        }
        if (filter.active() != null) {
            where.append(" and v.active = :active");
            parameters.put("active", filter.active());
        }
        if (!filter.places().isEverywhere()) {
            // Nodes above a village's are matched in Java, as Places reads them; before paging, so the total is right.
            return page(database.read(em -> Streamers.query(em, "select v from Village v" + where + " order by v.node, v.name, v.id",
                    Village.class, parameters).getResultList()).stream().filter(v -> v.within(filter.places())).toList(), paging);
        }
        return database.read(em -> paging.of(
                Streamers.query(em, "select v from Village v" + where + " order by v.node, v.name, v.id", Village.class, parameters)
                        .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                Streamers.query(em, "select count(v) from Village v" + where, Long.class, parameters).getSingleResult()));
    }

    static <T> Page<T> page(List<T> all, PageRequest paging) {
        int from = Math.min(paging.offset(), all.size());
        return paging.of(all.subList(from, Math.min(from + paging.size(), all.size())), all.size());
    }

    /** The village, refused (403 naming {@code field}) to a coordinator whose places do not hold it. */
    public Village village(long id, Places places, String field) {
        return database.read(em -> foundVillage(em, id, places, field));
    }

    /**
     * The ids of the villages in these places, to narrow a query with {@code in :villages}; null
     * when the caller is everywhere. Never empty: an empty list is no SQL.
     */
    Set<Long> villagesWithin(Places places) {
        if (places.isEverywhere()) {
            return null;
        }
        Set<Long> within = database.read(em -> em.createQuery("select v from Village v", Village.class).getResultList()).stream()
                .filter(v -> v.within(places)).map(Village::getId).collect(Collectors.toCollection(java.util.HashSet::new));
        within.add(-1L);
        return within;
    }

    /** Adds a village; a coordinator limited to places adds it only within them. */
    public Village create(VillageDraft draft, Places places) {
        Village.Details details = details(draft);
        places.require("node", details.node());
        return database.transaction(em -> {
            requireUniqueName(em, details.name(), null);
            Village village = new Village(details);
            em.persist(village);
            return village;
        });
    }

    /** Changes a village; a coordinator limited to places must hold it both before and after. */
    public Village update(long id, VillageDraft draft, Places places) {
        Village.Details details = details(draft);
        places.require("node", details.node());
        return database.transaction(em -> {
            Village village = foundVillage(em, id, places, "id");
            requireUniqueName(em, details.name(), id);
            village.apply(details);
            return village;
        });
    }

    /** Deletes a village without products or impact; one with them is deactivated, keeping its history. */
    public Streamers.Removal remove(long id, Places places) {
        return database.transaction(em -> {
            Village village = foundVillage(em, id, places, "id");
            long products = em.createQuery("select count(p) from Product p where p.village = :v", Long.class).setParameter("v", village)
                    .getSingleResult();
            long impact = em.createQuery("select count(i) from VillageImpact i where i.village = :v", Long.class).setParameter("v", village)
                    .getSingleResult();
            long sessions = em.createQuery("select count(s) from LiveSession s where s.village = :v", Long.class).setParameter("v", village)
                    .getSingleResult();
            if (products + impact + sessions == 0) {
                em.remove(village);
                return Streamers.Removal.DELETED;
            }
            village.deactivate();
            return Streamers.Removal.DEACTIVATED;
        });
    }

    private static Village.Details details(VillageDraft draft) {
        VillageKind kind = Codes.require(VillageKind.class, "kind", draft.kind());
        return new Village.Details(draft.name().strip(), kind, draft.node().strip(), Params.blankToNull(draft.contactName()),
                Params.blankToNull(draft.contactPhone()), draft.active() == null || draft.active());
    }

    private static void requireUniqueName(EntityManager em, String name, Long except) {
        List<Village> same = em.createQuery("select v from Village v where v.name = :n", Village.class).setParameter("n", name).getResultList();
        if (same.stream().anyMatch(v -> !v.getId().equals(except))) {
            throw Problem.conflict("There is already a village or co-operative named '" + name + "'.");
        }
    }

    private static Village foundVillage(EntityManager em, long id, Places places, String field) {
        Village village = foundVillage(em, id);
        village.requireWithin(places, field);
        return village;
    }

    private static Village foundVillage(EntityManager em, long id) {
        Village village = em.find(Village.class, id);
        if (village == null) {
            throw Problem.notFound("There is no village " + id + ".");
        }
        return village;
    }

    // --- products

    /**
     * Which products to list; every part is optional but the places of the one asking.
     * {@code inSeason} keeps those in season that month.
     */
    public record ProductFilter(Long villageId, ProductCategory category, String q, Boolean active, Month inSeason, Places places) {
    }

    /** Products by village and name; a village outside the caller's places is refused (403 naming {@code village}). */
    public Page<Product> products(ProductFilter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.villageId() != null && !filter.places().isEverywhere()) {
            Village village = database.read(em -> em.find(Village.class, filter.villageId()));
            if (village != null) {
                village.requireWithin(filter.places(), "village");
            }
        }
        if (filter.villageId() != null) {
            where.append(" and p.village.id = :village");
            parameters.put("village", filter.villageId());
        }
        if (filter.category() != null) {
            where.append(" and p.category = :category");
            parameters.put("category", filter.category());
        }
        if (filter.q() != null) {
            where.append(" and lower(p.name) like :q");
            parameters.put("q", "%" + like(filter.q()) + "%");
        }
        if (filter.active() != null) {
            where.append(" and p.active = :active");
            parameters.put("active", filter.active());
        }
        if (filter.inSeason() != null) {
            where.append(" and (p.seasonStart is null or (p.seasonStart <= p.seasonEnd and :m between p.seasonStart and p.seasonEnd)"
                    + " or (p.seasonStart > p.seasonEnd and (:m >= p.seasonStart or :m <= p.seasonEnd)))");
            parameters.put("m", filter.inSeason().getValue());
        }
        if (!filter.places().isEverywhere()) {
            return page(database.read(em -> Streamers.query(em, "select p from Product p" + where + " order by p.village.name, p.name, p.id",
                    Product.class, parameters).getResultList()).stream().filter(p -> p.getVillage().within(filter.places())).toList(), paging);
        }
        return database.read(em -> paging.of(
                Streamers.query(em, "select p from Product p" + where + " order by p.village.name, p.name, p.id", Product.class, parameters)
                        .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                Streamers.query(em, "select count(p) from Product p" + where, Long.class, parameters).getSingleResult()));
    }

    public Product product(long id) {
        return product(id, Places.everywhere());
    }

    /** The product, refused (403 naming {@code id}) to a coordinator whose places do not hold its village. */
    public Product product(long id, Places places) {
        return database.read(em -> foundProduct(em, id, places));
    }

    /** Adds a product to a village; a coordinator limited to places adds it only to a village within them. */
    public Product createProduct(ProductDraft draft, Places places) {
        Product.Details details = details(draft);
        return database.transaction(em -> {
            Village village = activeVillage(em, draft.villageId());
            village.requireWithin(places, "villageId");
            requireUniqueProduct(em, village, details.name(), null);
            Product product = new Product(village, details);
            em.persist(product);
            return product;
        });
    }

    /** Changes a product; moving it to another village is refused once it has been featured in a session (its sales stay with its village). */
    public Product updateProduct(long id, ProductDraft draft, Places places) {
        Product.Details details = details(draft);
        return database.transaction(em -> {
            Product product = foundProduct(em, id, places);
            if (!product.getVillage().getId().equals(draft.villageId())) {
                Village target = em.find(Village.class, draft.villageId());
                if (target != null) {
                    target.requireWithin(places, "villageId");
                }
                if (featured(em, product) > 0) {
                    throw Problem.invalid("villageId", "product " + id + " has been sold in sessions for " + product.getVillage().getName()
                            + " and stays with it; add it to the other village as a new product");
                }
                product.moveTo(activeVillage(em, draft.villageId()));
            }
            requireUniqueProduct(em, product.getVillage(), details.name(), id);
            product.apply(details);
            return product;
        });
    }

    /** Deletes a product never featured; one featured in a session is deactivated, keeping its sales. */
    public Streamers.Removal removeProduct(long id, Places places) {
        return database.transaction(em -> {
            Product product = foundProduct(em, id, places);
            if (featured(em, product) == 0) {
                em.remove(product);
                return Streamers.Removal.DELETED;
            }
            product.deactivate();
            return Streamers.Removal.DEACTIVATED;
        });
    }

    private static long featured(EntityManager em, Product product) {
        return em.createQuery("select count(s) from LiveSession s join s.products p where p = :p", Long.class).setParameter("p", product)
                .getSingleResult();
    }

    private static Product.Details details(ProductDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        ProductCategory category = Codes.parse(ProductCategory.class, draft.category()).orElse(null);
        if (category == null) {
            errors.add(new FieldError("category", "'" + draft.category() + "' is not one of " + Codes.list(ProductCategory.class)));
        }
        if ((draft.seasonStart() == null) != (draft.seasonEnd() == null)) {
            errors.add(new FieldError(draft.seasonStart() == null ? "seasonStart" : "seasonEnd",
                    "give both seasonStart and seasonEnd (months 1-12), or neither for a product sold all year"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new Product.Details(draft.name().strip(), category, draft.unit().strip(), Money.yuan(draft.price()), draft.stock(),
                draft.seasonStart() == null ? null : Month.of(draft.seasonStart()), draft.seasonEnd() == null ? null : Month.of(draft.seasonEnd()),
                draft.active() == null || draft.active());
    }

    private static Village activeVillage(EntityManager em, long villageId) {
        Village village = em.find(Village.class, villageId);
        if (village == null) {
            throw Problem.invalid("villageId", "there is no village " + villageId);
        }
        if (!village.isActive()) {
            throw Problem.invalid("villageId", "village " + villageId + " (" + village.getName() + ") is inactive");
        }
        return village;
    }

    private static void requireUniqueProduct(EntityManager em, Village village, String name, Long except) {
        List<Product> same = em.createQuery("select p from Product p where p.village = :v and p.name = :n", Product.class)
                .setParameter("v", village).setParameter("n", name).getResultList();
        if (same.stream().anyMatch(p -> !p.getId().equals(except))) {
            throw Problem.conflict(village.getName() + " already has a product named '" + name + "'.");
        }
    }

    private static Product foundProduct(EntityManager em, long id, Places places) {
        Product product = foundProduct(em, id);
        product.getVillage().requireWithin(places, "id");
        return product;
    }

    private static Product foundProduct(EntityManager em, long id) {
        Product product = em.find(Product.class, id);
        if (product == null) {
            throw Problem.notFound("There is no product " + id + ".");
        }
        return product;
    }

    // --- impact

    /** The impact rows of a period, by month then village, for one village or all (all in the caller's places). */
    public List<VillageImpact> impact(Long villageId, YearMonth from, YearMonth to, Places places) {
        Set<Long> within = villageId == null ? villagesWithin(places) : null;
        return database.read(em -> {
            var query = em.createQuery("select i from VillageImpact i where i.monthStart >= :from and i.monthStart <= :to"
                    + (villageId != null ? " and i.village.id = :v" : within != null ? " and i.village.id in :villages" : "")
                    + " order by i.monthStart, i.village.name, i.id", VillageImpact.class)
                    .setParameter("from", from.atDay(1)).setParameter("to", to.atDay(1));
            if (villageId != null) {
                query.setParameter("v", villageId);
            } else if (within != null) {
                query.setParameter("villages", within);
            }
            return query.getResultList();
        });
    }

    /** Records (or corrects) what the programme did for a village in a month; a month still to come is refused. */
    public VillageImpact recordImpact(long villageId, YearMonth month, ImpactDraft draft, Places places) {
        if (month.isAfter(YearMonth.now(Params.ZONE))) {
            throw Problem.invalid("month", month + " has not come yet");
        }
        return database.transaction(em -> {
            Village village = foundVillage(em, villageId, places, "id");
            VillageImpact impact = em.createQuery("select i from VillageImpact i where i.village = :v and i.monthStart = :m", VillageImpact.class)
                    .setParameter("v", village).setParameter("m", month.atDay(1)).getResultList().stream().findFirst().orElse(null);
            if (impact == null) {
                impact = new VillageImpact(village, month);
                impact.apply(draft.villagersEmployed(), draft.incomeChangePerPerson(), Params.blankToNull(draft.note()));
                em.persist(impact);
            } else {
                impact.apply(draft.villagersEmployed(), draft.incomeChangePerPerson(), Params.blankToNull(draft.note()));
            }
            return impact;
        });
    }

    public void removeImpact(long villageId, YearMonth month, Places places) {
        database.execute(em -> {
            Village village = em.find(Village.class, villageId);
            if (village != null) {
                village.requireWithin(places, "id");
            }
            int removed = em.createQuery("delete from VillageImpact i where i.village.id = :v and i.monthStart = :m")
                    .setParameter("v", villageId).setParameter("m", month.atDay(1)).executeUpdate();
            if (removed == 0) {
                throw Problem.notFound("There is no impact recorded for village " + villageId + " in " + month + ".");
            }
        });
    }

    private static String like(String text) {
        return text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
    }
}
