package org.district.testmodules.greeter;

import java.util.List;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Problem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** The greeter's visitors and settings; a settings change applies from the next request on. */
@Component(service = Greeter.class, configurationPid = Greeter.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = GreeterSettings.class)
public class Greeter {

    public static final String PID = "org.district.testmodules.greeter";
    public static final String VERSION = "1.1.0";

    @Reference
    private ModuleDatabase database;

    private volatile GreeterSettings settings;

    @Activate
    @Modified
    void configure(GreeterSettings settings) {
        this.settings = settings;
    }

    public GreeterSettings settings() {
        return settings;
    }

    public Visitor welcome(VisitorDraft draft) {
        Visitor visitor = new Visitor(draft.name().strip());
        return database.transaction(em -> {
            em.persist(visitor);
            return visitor;
        });
    }

    public Visitor visitor(long id) {
        Visitor visitor = database.read(em -> em.find(Visitor.class, id));
        if (visitor == null) {
            throw Problem.notFound("There is no visitor " + id + ".");
        }
        return visitor;
    }

    /** The latest visitors, as many as the settings show, newest first. */
    public List<Visitor> latest() {
        int shown = settings.visitorsShown();
        return database.read(em -> em.createQuery("select v from Visitor v order by v.id desc", Visitor.class)
                .setMaxResults(shown).getResultList());
    }
}
