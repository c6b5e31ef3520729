package org.district.plugins.lostandfound;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.plugins.lostandfound.FoundItem.Status;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The city's lost-and-found desks: recording what is handed in, finding it again, giving it back. The
 * city's settings ({@link DeskConfiguration}) apply from the next request on, without a restart.
 */
@Component(service = Desk.class, configurationPid = Desk.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DeskConfiguration.class)
public class Desk {

    public static final String PID = "org.district.plugins.lostandfound";

    /** The settings in force, swapped in whole. */
    private record Rules(Categories categories, int holdDays) {
    }

    /** What a list asks for: each filter may be left out. */
    public record Filter(Status status, Boolean due, String category) {
    }

    @Reference
    private ModuleDatabase database;

    private final Clock clock = Clock.systemUTC();
    private volatile Rules rules;

    @Activate
    @Modified
    void configure(DeskConfiguration configuration) {
        rules = new Rules(Categories.parse(configuration.categories()), configuration.holdDays());
    }

    public Categories categories() {
        return rules.categories();
    }

    /** Whether a held item has waited longer than the city holds items. */
    public boolean due(FoundItem item) {
        return item.getStatus() == Status.held && item.getFoundAt().isBefore(OffsetDateTime.now(clock).minusDays(rules.holdDays()));
    }

    public FoundItem record(FoundItemDraft draft) {
        Categories categories = rules.categories();
        String category = draft.category().strip();
        if (!categories.contains(category)) {
            throw Problem.invalid("category", "must be one of " + categories.codes());
        }
        FoundItem item = new FoundItem(draft.description().strip(), category, draft.place().strip(), draft.desk().strip(),
                draft.foundAt(), OffsetDateTime.now(clock));
        return database.transaction(em -> {
            em.persist(item);
            return item;
        });
    }

    /** The items that match, the longest-waiting first. */
    public Page<FoundItem> list(Filter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.status() != null) {
            where.append(" and i.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.due() != null) {
            where.append(filter.due() ? " and i.status = :held and i.foundAt < :dueBefore" : " and (i.status <> :held or i.foundAt >= :dueBefore)");
            parameters.put("held", Status.held);
            parameters.put("dueBefore", OffsetDateTime.now(clock).minusDays(rules.holdDays()));
        }
        if (filter.category() != null) {
            where.append(" and i.category = :category");
            parameters.put("category", filter.category());
        }
        return database.read(em -> {
            var items = em.createQuery("select i from FoundItem i" + where + " order by i.foundAt, i.id", FoundItem.class);
            var count = em.createQuery("select count(i) from FoundItem i" + where, Long.class);
            parameters.forEach((name, value) -> {
                items.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<FoundItem> page = new ArrayList<>(items.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList());
            return paging.of(page, count.getSingleResult());
        });
    }

    public FoundItem get(long id) {
        FoundItem item = database.read(em -> em.find(FoundItem.class, id));
        if (item == null) {
            throw notFound(id);
        }
        return item;
    }

    /** Gives a held item back to the person who shows it is theirs. */
    public FoundItem claim(long id, Claim claim) {
        return database.transaction(em -> {
            FoundItem item = em.find(FoundItem.class, id);
            if (item == null) {
                throw notFound(id);
            }
            if (item.getStatus() == Status.claimed) {
                throw Problem.conflict("Item " + id + " was claimed already.");
            }
            item.claim(claim.name().strip(), claim.phone().strip(), OffsetDateTime.now(clock));
            return item;
        });
    }

    /** Removes a record made in error. */
    public void remove(long id) {
        database.execute(em -> {
            FoundItem item = em.find(FoundItem.class, id);
            if (item == null) {
                throw notFound(id);
            }
            em.remove(item);
        });
    }

    /** Erases the names and phones of the claims made before {@code cutoff}; the items stay for the figures. */
    long forgetClaimantsBefore(OffsetDateTime cutoff) {
        return database.transaction(em -> {
            List<FoundItem> claimed = em.createQuery("select i from FoundItem i where i.claimedAt < :cutoff"
                    + " and (i.claimantName is not null or i.claimantPhone is not null)", FoundItem.class)
                    .setParameter("cutoff", cutoff).getResultList();
            claimed.forEach(FoundItem::forgetClaimant);
            return (long) claimed.size();
        });
    }

    private static Problem notFound(long id) {
        return Problem.notFound("There is no found item " + id + ".");
    }
}
