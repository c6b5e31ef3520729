package org.district.platform.api.persistence;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The database of the module that obtained this service (the service is bundle scoped: every
 * module sees its own entities and nothing else). Work runs in one transaction that commits when
 * the function returns and rolls back when it throws, so nothing is ever half-written.
 */
@ProviderType
public interface ModuleDatabase {

    /** Runs {@code work} in a read-write transaction and returns its result once committed. */
    <T> T transaction(Function<EntityManager, T> work);

    /** Runs {@code work} in a read-write transaction. */
    default void execute(Consumer<EntityManager> work) {
        transaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs {@code work} for reading; nothing it changes is written. */
    <T> T read(Function<EntityManager, T> work);

    /** The underlying factory, for work that needs more control than a single transaction. */
    EntityManagerFactory entityManagerFactory();
}
