package ${package};

import java.time.Clock;
import java.time.OffsetDateTime;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The module's items: adding, listing, reading and removing them in the module's own database. A
 * change of the city's settings applies at once, without a restart: {@code @Modified} swaps them in.
 */
@Component(service = Items.class, configurationPid = Items.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ItemsConfiguration.class)
public class Items {

    public static final String PID = "${package}";

    @Reference
    private ModuleDatabase database;

    private final Clock clock = Clock.systemUTC();
    private volatile ItemsConfiguration settings;

    @Activate
    @Modified
    void configure(ItemsConfiguration settings) {
        this.settings = settings;
    }

    public Item add(ItemDraft draft) {
        int most = settings.maxItems();
        return database.transaction(em -> {
            long count = em.createQuery("select count(i) from Item i", Long.class).getSingleResult();
            if (count >= most) {
                throw Problem.conflict("There are " + count + " items, as many as this city allows (" + most + ").");
            }
            String description = draft.description() == null || draft.description().isBlank() ? null : draft.description().strip();
            Item item = new Item(draft.name().strip(), description, OffsetDateTime.now(clock));
            em.persist(item);
            return item;
        });
    }

    /** The items, newest first, one page at a time. */
    public Page<Item> list(PageRequest paging) {
        return database.read(em -> paging.of(
                em.createQuery("select i from Item i order by i.createdAt desc, i.id desc", Item.class)
                        .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                em.createQuery("select count(i) from Item i", Long.class).getSingleResult()));
    }

    public Item get(long id) {
        Item item = database.read(em -> em.find(Item.class, id));
        if (item == null) {
            throw Problem.notFound("There is no item " + id + ".");
        }
        return item;
    }

    public void remove(long id) {
        database.execute(em -> {
            Item item = em.find(Item.class, id);
            if (item == null) {
                throw Problem.notFound("There is no item " + id + ".");
            }
            em.remove(item);
        });
    }
}
