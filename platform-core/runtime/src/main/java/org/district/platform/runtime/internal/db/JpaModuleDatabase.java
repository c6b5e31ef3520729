package org.district.platform.runtime.internal.db;

import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.runtime.internal.module.ModuleFailures;
import org.district.platform.runtime.internal.module.ModuleIds;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * One module's database. Bundle scoped: each module bundle that asks for a {@link ModuleDatabase}
 * gets an instance of its own, over its own entities, closed when the module stops.
 */
@Component(service = ModuleDatabase.class, scope = ServiceScope.BUNDLE)
public class JpaModuleDatabase implements ModuleDatabase {

    @Reference
    private DataSource dataSource;

    @Reference
    private ModuleFailures failures;

    private EntityManagerFactory factory;

    @Activate
    void activate(ComponentContext context, Map<String, Object> properties) {
        Bundle module = context.getUsingBundle();
        String id = ModuleIds.of(module).orElse(module.getSymbolicName());
        String url = String.valueOf(context.getBundleContext().getServiceReference(DataSource.class)
                .getProperty("district.database.url"));
        try {
            factory = ModulePersistenceUnit.open(id, module, dataSource, url);
        } catch (RuntimeException e) {
            failures.record(module, "its entities could not be mapped: " + PlatformDatabase.rootMessage(e));
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        if (factory != null && factory.isOpen()) {
            factory.close();
        }
    }

    @Override
    public <T> T transaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            return work.apply(em);
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    @Override
    public EntityManagerFactory entityManagerFactory() {
        return factory;
    }
}
