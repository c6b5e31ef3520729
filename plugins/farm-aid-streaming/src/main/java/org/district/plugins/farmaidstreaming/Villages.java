package org.district.plugins.farmaidstreaming;

import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;

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

/** Villages and co-operatives, their products, and what the programme did for them month by month. */
@Component(service = Villages.class)
public class Villages {

    @Reference
    private ModuleDatabase database;

    // --- villages

    /** Which villages to list; every part is optional. {@code node} matches the node and every node below it. */
    public record Filter(String q, VillageKind kind, String node, Boolean active) {
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
        return database.read(em -> paging.of(
                Streamers.query(em, "select v from Village v" + where + " order by v.node, v.name, v.id", Village.class, parameters)
                        .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                Streamers.query(em, "select count(v) from Village v" + where, Long.class, parameters).getSingleResult()));
    }

    public Village village(long id) {
        Village village = database.read(em -> em.find(Village.class, id));
        if (village == null) {
            throw Problem.notFound("There is no village " + id + ".");
        }
        return village;
    }

    public Village create(VillageDraft draft) {
        Village.Details details = details(draft);
        return database.transaction(em -> {
            requireUniqueName(em, details.name(), null);
            Village village = new Village(details);
            em.persist(village);
            return village;
        });
    }

    public Village update(long id, VillageDraft draft) {
        Village.Details details = details(draft);
        return database.transaction(em -> {
            Village village = foundVillage(em, id);
            requireUniqueName(em, details.name(), id);
            village.apply(details);
            return village;
        });
    }

    /** Deletes a village without products or impact; one with them is deactivated, keeping its history. */
    public Streamers.Removal remove(long id) {
        return database.transaction(em -> {
            Village village = foundVillage(em, id);
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

    private static Village foundVillage(EntityManager em, long id) {
        Village village = em.find(Village.class, id);
        if (village == null) {
            throw Problem.notFound("There is no village " + id + ".");
        }
        return village;
    }

    // --- products

    /** Which products to list; every part is optional. {@code inSeason} keeps those in season that month. */
    public record ProductFilter(Long villageId, ProductCategory category, String q, Boolean active, Month inSeason) {
    }

    public Page<Product> products(ProductFilter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
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
        return database.read(em -> paging.of(
                Streamers.query(em, "select p from Product p" + where + " order by p.village.name, p.name, p.id", Product.class, parameters)
                        .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                Streamers.query(em, "select count(p) from Product p" + where, Long.class, parameters).getSingleResult()));
    }

    public Product product(long id) {
        Product product = database.read(em -> em.find(Product.class, id));
        if (product == null) {
            throw Problem.notFound("There is no product " + id + ".");
        }
        return product;
    }

    public Product createProduct(ProductDraft draft) {
        Product.Details details = details(draft);
        return database.transaction(em -> {
            Village village = activeVillage(em, draft.villageId());
            requireUniqueProduct(em, village, details.name(), null);
            Product product = new Product(village, details);
            em.persist(product);
            return product;
        });
    }

    /** Changes a product; moving it to another village is refused once it has been featured in a session (its sales stay with its village). */
    public Product updateProduct(long id, ProductDraft draft) {
        Product.Details details = details(draft);
        return database.transaction(em -> {
            Product product = foundProduct(em, id);
            if (!product.getVillage().getId().equals(draft.villageId())) {
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
    public Streamers.Removal removeProduct(long id) {
        return database.transaction(em -> {
            Product product = foundProduct(em, id);
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

    private static Product foundProduct(EntityManager em, long id) {
        Product product = em.find(Product.class, id);
        if (product == null) {
            throw Problem.notFound("There is no product " + id + ".");
        }
        return product;
    }

    // --- impact

    /** The impact rows of a period, by month then village, for one village or all. */
    public List<VillageImpact> impact(Long villageId, YearMonth from, YearMonth to) {
        return database.read(em -> {
            var query = em.createQuery("select i from VillageImpact i where i.monthStart >= :from and i.monthStart <= :to"
                    + (villageId == null ? "" : " and i.village.id = :v") + " order by i.monthStart, i.village.name, i.id", VillageImpact.class)
                    .setParameter("from", from.atDay(1)).setParameter("to", to.atDay(1));
            if (villageId != null) {
                query.setParameter("v", villageId);
            }
            return query.getResultList();
        });
    }

    /** Records (or corrects) what the programme did for a village in a month; a month still to come is refused. */
    public VillageImpact recordImpact(long villageId, YearMonth month, ImpactDraft draft) {
        if (month.isAfter(YearMonth.now(Params.ZONE))) {
            throw Problem.invalid("month", month + " has not come yet");
        }
        return database.transaction(em -> {
            Village village = foundVillage(em, villageId);
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

    public void removeImpact(long villageId, YearMonth month) {
        database.execute(em -> {
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
