package org.district.platform.runtime.internal.module;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The {@code min} and {@code max} of a designated configuration's attributes, read from the bundle's
 * Metatype documents ({@code OSGI-INF/metatype/*.xml}). The Metatype service checks them in
 * {@code validate}, but its API has no getter for them, and a form needs them to say the range.
 */
final class MetatypeRanges {

    /** An attribute's limits as written; either may be null. */
    record Range(String min, String max) {
        static final Range NONE = new Range(null, null);
    }

    private MetatypeRanges() {
    }

    /** The ranges of the attributes of the object class designated for {@code pid}, by attribute id. */
    static Map<String, Range> of(Bundle bundle, String pid) {
        Map<String, Range> ranges = new HashMap<>();
        Enumeration<URL> documents = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
        while (documents != null && documents.hasMoreElements()) {
            Document document = parse(documents.nextElement());
            if (document == null) {
                continue;
            }
            String ocd = null;
            NodeList designates = document.getElementsByTagNameNS("*", "Designate");
            for (int i = 0; i < designates.getLength(); i++) {
                Element designate = (Element) designates.item(i);
                if (pid.equals(designate.getAttribute("pid")) || pid.equals(designate.getAttribute("factoryPid"))) {
                    NodeList objects = designate.getElementsByTagNameNS("*", "Object");
                    if (objects.getLength() > 0) {
                        ocd = ((Element) objects.item(0)).getAttribute("ocdref");
                    }
                }
            }
            if (ocd == null) {
                continue;
            }
            NodeList definitions = document.getElementsByTagNameNS("*", "OCD");
            for (int i = 0; i < definitions.getLength(); i++) {
                Element definition = (Element) definitions.item(i);
                if (!ocd.equals(definition.getAttribute("id"))) {
                    continue;
                }
                NodeList attributes = definition.getElementsByTagNameNS("*", "AD");
                for (int j = 0; j < attributes.getLength(); j++) {
                    Element attribute = (Element) attributes.item(j);
                    ranges.put(attribute.getAttribute("id"), new Range(blankToNull(attribute.getAttribute("min")), blankToNull(attribute.getAttribute("max"))));
                }
            }
        }
        return ranges;
    }

    private static Document parse(URL url) {
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            // Not a Metatype document the Metatype service would read either.
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
