/**
 * How a module adds pages to the platform's web console at {@code /console}.
 *
 * <p>A module declares each page as a capability in the {@value ConsolePage#NAMESPACE} namespace
 * and ships the page's static files in its bundle, under {@value ConsolePage#FOLDER}{@code /}:
 * <pre>
 * Provide-Capability: district.module;district.module=courier-stations;version:Version=1.0.0,\
 *   district.console.page;district.console.page=map;entry=map.js;title=%console.map;\
 *     roles:List&lt;String&gt;="courier-stations.manager"
 * </pre>
 * <ul>
 * <li>{@code district.console.page}: the page's id, unique within the module.</li>
 * <li>{@code entry}: the page's script, a path under {@code console/} in the bundle.</li>
 * <li>{@code title}: the navigation entry, usually a {@code %key} of the bundle's localization
 *     ({@code OSGI-INF/l10n/bundle.properties}, {@code bundle_zh.properties}).</li>
 * <li>{@code roles}: who sees the entry besides admins; without it, admins only.</li>
 * </ul>
 *
 * <p>The console lists a page only while its module is enabled, and serves the module's
 * {@code console/} files at {@code /console/modules/<module-id>/} only while the module's bundle is
 * active: pages appear and vanish with their module. The entry is a JavaScript module that exports
 * {@code mount(root, console)} (and may return a function the console calls when the page is left);
 * the console calls it with the element to render into and an object that calls the module's own
 * REST API with the signed-in user's session ({@code console.api(path, options)}, {@code path}
 * relative to {@code /api/<module-id>}, the CSRF token added to changes; {@code console.url(path)}
 * for an image or a download), tells the language ({@code console.lang}: {@code zh-CN} or
 * {@code en}), shows a problem's {@code detail} in place ({@code console.showProblem(element, problem)}),
 * builds elements ({@code console.h(tag, attributes, ...children)}), adds the page's own stylesheet
 * ({@code console.stylesheet(href)}) and loads the libraries the console ships
 * ({@code console.library("leaflet")}, {@code console.library("chart.js")}). Pages keep scripts and
 * styles in files (the console's content security policy allows no inline script or style) and
 * label every control.
 */
@Export
@Version("1.0.0")
package org.district.platform.api.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
