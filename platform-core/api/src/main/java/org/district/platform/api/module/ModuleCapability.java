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

    /**
     * Attribute of the module capability that lists the roles the module's endpoints check, each
     * without the module id: {@code roles:List<String>="coordinator,export"} declares
     * {@code <module-id>.coordinator} and {@code <module-id>.export}. Only declared roles can be
     * given to accounts.
     */
    public static final String ROLES_ATTRIBUTE = "roles";

    /** Manifest header listing a module's entity classes; the build writes it, see the plugin guide. */
    public static final String ENTITIES_HEADER = "District-Entities";

    /** Folder inside a module bundle that holds its schema migrations: {@code db/<module-id>/V1__init.sql}. */
    public static final String MIGRATIONS_FOLDER = "db";

    private ModuleCapability() {
    }
}
