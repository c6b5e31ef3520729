package org.district.platform.runtime.internal.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.district.platform.api.console.ConsolePage;
import org.district.platform.runtime.internal.module.ModuleManager;
import org.district.platform.runtime.internal.module.ModuleState;
import org.district.platform.runtime.internal.module.ModuleView;
import org.district.platform.runtime.internal.rest.AccessControl;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.district.platform.runtime.internal.security.Account;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/console/pages}: the console pages of the enabled modules that the caller may see
 * (see {@link ConsolePage}), for the console's navigation. A page is listed for admins and for
 * the roles it names.
 */
@Component(service = ConsolePagesResource.class, property = RestWhiteboard.BASE_PROPERTY + "=console")
@JakartarsResource
@Path("pages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AccessControl.ANY_SIGNED_IN)
public class ConsolePagesResource {

    @Reference
    private ModuleManager modules;

    /** One navigation entry: the page's script is served from the module's bundle at {@code script}. */
    public record Page(String module, String id, Map<String, String> title, Map<String, String> moduleName, String script) {
    }

    @GET
    public List<Page> pages(@Context SecurityContext caller) {
        List<Page> pages = new ArrayList<>();
        for (ModuleView module : modules.list()) {
            if (module.state() != ModuleState.ENABLED) {
                continue;
            }
            Bundle bundle = modules.bundle(module.id()).orElse(null);
            BundleRevision revision = bundle == null ? null : bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(ConsolePage.NAMESPACE)) {
                Map<String, Object> attributes = capability.getAttributes();
                Object id = attributes.get(ConsolePage.NAMESPACE);
                Object entry = attributes.get(ConsolePage.ENTRY);
                if (id == null || entry == null || !visible(roles(attributes.get(ConsolePage.ROLES)), caller)) {
                    continue;
                }
                Object title = attributes.getOrDefault(ConsolePage.TITLE, id);
                pages.add(new Page(module.id(), id.toString(), localized(bundle, title.toString()), module.name(),
                        ConsolePage.SERVED_AT + module.id() + "/" + entry));
            }
        }
        pages.sort(Comparator.comparing(Page::module).thenComparing(Page::id));
        return pages;
    }

    private static boolean visible(List<String> roles, SecurityContext caller) {
        return caller.isUserInRole(Account.ADMIN) || roles.stream().anyMatch(caller::isUserInRole);
    }

    private static List<String> roles(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).toList();
        }
        return value == null ? List.of() : List.of(value.toString().split("\\s*,\\s*"));
    }

    /** A {@code %key} looked up in the bundle's localization, as Bundle-Name is; other text as it stands. */
    static Map<String, String> localized(Bundle bundle, String text) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (!text.startsWith("%")) {
            texts.put("en", text);
            texts.put("zh-CN", text);
            return texts;
        }
        String key = text.substring(1);
        String base = bundle.getHeaders("").get(Constants.BUNDLE_LOCALIZATION);
        base = base == null ? Constants.BUNDLE_LOCALIZATION_DEFAULT_BASENAME : base;
        texts.put("en", lookUp(bundle, key, base + "_en", base));
        texts.put("zh-CN", lookUp(bundle, key, base + "_zh_CN", base + "_zh", base));
        return texts;
    }

    private static String lookUp(Bundle bundle, String key, String... files) {
        for (String file : files) {
            URL entry = bundle.getEntry(file + ".properties");
            if (entry == null) {
                continue;
            }
            Properties properties = new Properties();
            try (InputStream in = entry.openStream()) {
                // ISO-8859-1 with escapes, as bundle localization reads it
                properties.load(in);
            } catch (IOException e) {
                continue;
            }
            String value = properties.getProperty(key);
            if (value != null) {
                return value;
            }
        }
        return key;
    }
}
