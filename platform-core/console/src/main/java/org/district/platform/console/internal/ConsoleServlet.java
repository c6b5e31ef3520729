package org.district.platform.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.district.platform.api.console.ConsolePage;
import org.district.platform.api.module.ModuleCapability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The web console's files at {@code /console}: its own page and scripts ({@code console/} in this
 * bundle), the browser libraries it ships ({@code /console/lib/<name>/<version>/}, from the WebJars
 * unpacked into this bundle), and each active module's console files
 * ({@code /console/modules/<module-id>/}, from {@code console/} in the module's bundle; see
 * {@link ConsolePage}). A disabled module's files answer 404, so its pages go with it.
 *
 * <p>The files are static and hold no data: everything the console shows comes from the REST API,
 * which decides who may see what. Answers carry the platform's security headers; the console's
 * content security policy adds only images over HTTPS, for a city's map tiles.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/console", "/console/*" })
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ROOT = "/console";
    private static final String OWN_FILES = "console/";
    private static final String LIBRARIES = "lib/";
    private static final String WEBJARS = "META-INF/resources/webjars/";
    private static final String MODULES = "modules/";
    /**
     * The platform's policy ({@code default-src 'self'; frame-ancestors 'none'}), with map tiles
     * from a city's tile server allowed as images. Scripts and styles stay same-origin files.
     */
    static final String POLICY = "default-src 'self'; img-src 'self' https:; frame-ancestors 'none'";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=UTF-8"),
            Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("mjs", "text/javascript; charset=UTF-8"),
            Map.entry("css", "text/css; charset=UTF-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("csv", "text/csv; charset=UTF-8"),
            Map.entry("txt", "text/plain; charset=UTF-8"),
            Map.entry("md", "text/plain; charset=UTF-8"));

    private transient BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (uri.equals(ROOT)) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + ROOT + "/");
            return;
        }
        Optional<String> path = relative(uri);
        if (path.isEmpty()) {
            notFound(response, uri);
            return;
        }
        String file = path.get();
        URL entry;
        boolean versioned = false;
        if (file.isEmpty()) {
            file = "index.html";
            entry = context.getBundle().getEntry(OWN_FILES + file);
        } else if (file.startsWith(LIBRARIES)) {
            entry = context.getBundle().getEntry(WEBJARS + file.substring(LIBRARIES.length()));
            versioned = true;
        } else if (file.startsWith(MODULES)) {
            String rest = file.substring(MODULES.length());
            int slash = rest.indexOf('/');
            entry = slash <= 0 ? null : activeModule(rest.substring(0, slash))
                    .map(b -> b.getEntry(ConsolePage.FOLDER + "/" + rest.substring(slash + 1))).orElse(null);
        } else {
            entry = context.getBundle().getEntry(OWN_FILES + file);
        }
        if (entry == null) {
            notFound(response, uri);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type(file));
        response.setHeader("Content-Security-Policy", POLICY);
        if (versioned) {
            // The library's version is in its path: a new version is a new address.
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        }
        if (!body) {
            return;
        }
        try (InputStream in = entry.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /**
     * The path under {@code /console/}, decoded; empty for anything outside it or that tries to
     * leave it (dot segments, empty segments, backslashes, a folder).
     */
    static Optional<String> relative(String uri) {
        if (!uri.startsWith(ROOT + "/")) {
            return Optional.empty();
        }
        String encoded = uri.substring(ROOT.length() + 1);
        String decoded;
        try {
            // a host in front, so that a path starting with // is a path, not an authority
            decoded = URI.create("http://console/" + encoded).getPath().substring(1);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (decoded.contains("\\") || decoded.contains("\0") || decoded.endsWith("/")) {
            return Optional.empty();
        }
        if (!decoded.isEmpty()) {
            for (String segment : decoded.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(decoded);
    }

    /** The active bundle of the module with this id; a module that is not enabled has none. */
    private Optional<Bundle> activeModule(String id) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE) {
                continue;
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision != null && revision.getDeclaredCapabilities(ModuleCapability.NAMESPACE).stream()
                    .anyMatch(c -> id.equals(c.getAttributes().get(ModuleCapability.NAMESPACE)))) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    static String type(String file) {
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return TYPES.getOrDefault(extension, file.endsWith("LICENSE") ? "text/plain; charset=UTF-8" : "application/octet-stream");
    }

    /** The platform's 404 problem, as its other servlets write it. */
    private static void notFound(HttpServletResponse response, String uri) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String body = "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":"
                + quote("There is nothing at " + uri + ".") + ",\"instance\":" + quote(uri) + "}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
