package org.district.platform.runtime.internal.db;

import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import org.district.platform.api.module.ModuleCapability;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A module's persistence unit, built from its bundle instead of a persistence.xml: the entity
 * classes named in its {@code District-Entities} header, loaded through its own class loader, over
 * the platform's pool.
 */
final class ModulePersistenceUnit implements PersistenceUnitInfo {

    private static final AtomicLong SESSIONS = new AtomicLong();

    private final String name;
    private final Bundle bundle;
    private final ClassLoader loader;
    private final List<String> entities;
    private final DataSource dataSource;
    private final Properties properties = new Properties();

    private ModulePersistenceUnit(String moduleId, Bundle bundle, DataSource dataSource, String jdbcUrl) {
        // EclipseLink keeps sessions by name: a module enabled again, or updated, must get a fresh one.
        this.name = moduleId + "-" + bundle.getBundleId() + "-" + SESSIONS.incrementAndGet();
        this.bundle = bundle;
        // The module's classes, then EclipseLink's, then the platform's own (its database platforms).
        this.loader = new BundleFirstClassLoader(bundle.adapt(BundleWiring.class).getClassLoader(),
                PersistenceProvider.class.getClassLoader(),
                org.eclipse.persistence.Version.class.getClassLoader(),
                ModulePersistenceUnit.class.getClassLoader());
        String header = bundle.getHeaders("").get(ModuleCapability.ENTITIES_HEADER);
        this.entities = header == null || header.isBlank() ? List.of()
                : Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.dataSource = dataSource;
        properties.put("eclipselink.target-database", JdbcUrls.eclipseLinkPlatform(jdbcUrl));
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.session.name", name);
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.logging.logger", "JavaLogger");
        // Several nodes may write the same tables: no entity cache shared across transactions.
        properties.put("eclipselink.cache.shared.default", "false");
    }

    /** Opens the unit and maps every entity now, so that a mapping fault shows when the module is enabled. */
    static EntityManagerFactory open(String moduleId, Bundle bundle, DataSource dataSource, String jdbcUrl) {
        ModulePersistenceUnit unit = new ModulePersistenceUnit(moduleId, bundle, dataSource, jdbcUrl);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(unit.loader);
        try {
            EntityManagerFactory factory = new PersistenceProvider().createContainerEntityManagerFactory(unit, unit.properties);
            try {
                factory.createEntityManager().close();
            } catch (RuntimeException e) {
                factory.close();
                throw e;
            }
            return factory;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return PersistenceProvider.class.getName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return bundle.getEntry("/");
    }

    @Override
    public List<String> getManagedClassNames() {
        return entities;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return loader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // weaving is off: EclipseLink asks for no transformer
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return loader;
    }
}
