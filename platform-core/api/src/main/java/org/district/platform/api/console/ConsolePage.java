package org.district.platform.api.console;

/** Names a module uses to declare its console pages; see the package documentation. */
public final class ConsolePage {

    /** The capability namespace of a console page; its value is the page's id within the module. */
    public static final String NAMESPACE = "district.console.page";

    /** Attribute: the page's script, a path under {@link #FOLDER} in the module's bundle. */
    public static final String ENTRY = "entry";

    /** Attribute: the navigation entry's text, or a {@code %key} of the bundle's localization. */
    public static final String TITLE = "title";

    /** Attribute ({@code List<String>}): the roles that see the page besides admins. */
    public static final String ROLES = "roles";

    /** The folder in a module bundle that holds its console files. */
    public static final String FOLDER = "console";

    /** Where the console serves a module's console files: {@code /console/modules/<module-id>/<path>}. */
    public static final String SERVED_AT = "/console/modules/";

    private ConsolePage() {
    }
}
