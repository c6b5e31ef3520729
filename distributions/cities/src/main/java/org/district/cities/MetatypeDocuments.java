package org.district.cities;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The configurations a module jar designates in {@code OSGI-INF/metatype/*.xml}, read as the
 * platform's Metatype service reads them at runtime: each {@code <Designate pid>} names an
 * {@code <OCD>} through its {@code <Object ocdref>}. A city's settings are checked against these
 * before the bundle ships, so that a value the running module would refuse fails the build instead.
 */
final class MetatypeDocuments {

    private static final String FOLDER = "OSGI-INF/metatype/";

    private MetatypeDocuments() {
    }

    /** The designated configurations (not factory configurations) of the jar, by PID, in document order. */
    static List<ConfigurationDefinition> read(JarFile jar) throws IOException {
        List<JarEntry> documents = Collections.list(jar.entries()).stream()
                .filter(e -> e.getName().startsWith(FOLDER) && e.getName().endsWith(".xml") && e.getName().indexOf('/', FOLDER.length()) < 0)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
        Map<String, ConfigurationDefinition> configurations = new LinkedHashMap<>();
        for (JarEntry entry : documents) {
            Document document;
            try (InputStream in = jar.getInputStream(entry)) {
                document = parse(in);
            } catch (SAXException e) {
                throw new IOException(jar.getName() + "!/" + entry.getName() + " is not a Metatype document: " + e.getMessage(), e);
            }
            Map<String, List<SettingDefinition>> classes = objectClasses(document);
            NodeList designates = document.getElementsByTagNameNS("*", "Designate");
            for (int i = 0; i < designates.getLength(); i++) {
                Element designate = (Element) designates.item(i);
                String pid = designate.getAttribute("pid");
                NodeList objects = designate.getElementsByTagNameNS("*", "Object");
                if (pid.isBlank() || objects.getLength() == 0) {
                    continue;
                }
                List<SettingDefinition> settings = classes.get(((Element) objects.item(0)).getAttribute("ocdref"));
                if (settings != null) {
                    configurations.put(pid, new ConfigurationDefinition(pid, settings));
                }
            }
        }
        return List.copyOf(configurations.values());
    }

    private static Map<String, List<SettingDefinition>> objectClasses(Document document) {
        Map<String, List<SettingDefinition>> classes = new HashMap<>();
        NodeList definitions = document.getElementsByTagNameNS("*", "OCD");
        for (int i = 0; i < definitions.getLength(); i++) {
            Element definition = (Element) definitions.item(i);
            List<SettingDefinition> settings = new ArrayList<>();
            NodeList attributes = definition.getElementsByTagNameNS("*", "AD");
            for (int j = 0; j < attributes.getLength(); j++) {
                settings.add(setting((Element) attributes.item(j)));
            }
            classes.put(definition.getAttribute("id"), List.copyOf(settings));
        }
        return classes;
    }

    private static SettingDefinition setting(Element attribute) {
        List<String> options = new ArrayList<>();
        NodeList choices = attribute.getElementsByTagNameNS("*", "Option");
        for (int i = 0; i < choices.getLength(); i++) {
            options.add(((Element) choices.item(i)).getAttribute("value"));
        }
        String cardinality = attribute.getAttribute("cardinality").strip();
        return new SettingDefinition(attribute.getAttribute("id"), attribute.hasAttribute("type") ? attribute.getAttribute("type") : "String",
                cardinality.isEmpty() ? 0 : Integer.parseInt(cardinality),
                blankToNull(attribute.getAttribute("min")), blankToNull(attribute.getAttribute("max")),
                !"false".equals(attribute.getAttribute("required").strip()), List.copyOf(options));
    }

    private static Document parse(InputStream in) throws IOException, SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refused a standard feature", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
