package org.district.platform.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which file an address under /console names, and never one outside it. */
class ConsoleServletTest {

    @Test
    void anAddressUnderTheConsoleNamesAFileDecoded() {
        assertEquals(Optional.of(""), ConsoleServlet.relative("/console/"));
        assertEquals(Optional.of("views/modules.js"), ConsoleServlet.relative("/console/views/modules.js"));
        assertEquals(Optional.of("modules/courier-stations/map.js"), ConsoleServlet.relative("/console/modules/courier-stations/map.js"));
        assertEquals(Optional.of("lib/chart.js/4.5.1/dist/chart.umd.js"), ConsoleServlet.relative("/console/lib/chart.js/4.5.1/dist/chart.umd.js"));
        assertEquals(Optional.of("a b.css"), ConsoleServlet.relative("/console/a%20b.css"));
    }

    @Test
    void noAddressLeavesTheConsoleOrNamesAFolder() {
        assertEquals(Optional.empty(), ConsoleServlet.relative("/consoles/x.js"));
        assertEquals(Optional.empty(), ConsoleServlet.relative("/console/../META-INF/MANIFEST.MF"));
        assertEquals(Optional.empty(), ConsoleServlet.relative("/console/%2e%2e/META-INF/MANIFEST.MF"));
        assertEquals(Optional.empty(), ConsoleServlet.relative("/console/modules/courier-stations/../../x"));
        assertEquals(Optional.empty(), ConsoleServlet.relative("/console/views/"));
        assertEquals(Optional.empty(), ConsoleServlet.relative("/console//x.js"));
        assertEquals(Optional.empty(), ConsoleServlet.relative("/console/a%5cb.js"));
        assertEquals(Optional.empty(), ConsoleServlet.relative("/console/%zz"));
    }

    @Test
    void scriptsStylesAndImagesGoWithTheirTypes() {
        assertEquals("text/javascript; charset=UTF-8", ConsoleServlet.type("console.js"));
        assertEquals("text/css; charset=UTF-8", ConsoleServlet.type("lib/leaflet/1.9.4/dist/leaflet.css"));
        assertEquals("image/png", ConsoleServlet.type("marker-icon.png"));
        assertEquals("application/octet-stream", ConsoleServlet.type("unknown.bin"));
    }

    @Test
    void aProblemDetailIsQuotedAsJson() {
        assertEquals("\"There is nothing at /console/\\\"\\u003cx\\u003e.\"", ConsoleServlet.quote("There is nothing at /console/\"<x>."));
    }
}
