package org.district.platform.api.module;

/** Names a module uses to declare itself and to find what the platform gives it. */
public final class ModuleCapability {

    /** The capability namespace in which a module bundle provides its id and requires other modules. */
    public static final String NAMESPACE = "district.module";

    /**
     * The service property that carries a module id, set by the platform on services it registers
     * for one module.
     */
    public static final String MODULE_PROPERTY = "district.module";

    /** Manifest header listing a module's entity classes; the build writes it, see the plugin guide. */
    public static final String ENTITIES_HEADER = "District-Entities";

    /** Folder inside a module bundle that holds its schema migrations: {@code db/<module-id>/V1__init.sql}. */
    public static final String MIGRATIONS_FOLDER = "db";

    private ModuleCapability() {
    }
}
