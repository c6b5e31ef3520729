package org.district.plugins.courierstations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The city's settings as DS hands them over: the defaults, and what a configuration changes. */
class CityTest {

    /** The configuration DS would build from these properties and the annotation's defaults. */
    static CityConfiguration configuration(Map<String, Object> properties) {
        return (CityConfiguration) Proxy.newProxyInstance(CityTest.class.getClassLoader(), new Class<?>[] { CityConfiguration.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return CityConfiguration.class;
                    }
                    return properties.containsKey(method.getName()) ? properties.get(method.getName()) : method.getDefaultValue();
                });
    }

    @Test
    void theDefaultsAreShanghaiTimeA3750MetreCircleAndATenMinuteWindow() {
        City.Settings settings = City.settings(configuration(Map.of()));
        assertEquals("Asia/Shanghai", settings.zone().getId());
        assertEquals(3_750, settings.serviceRadiusMetres(), 1e-9);
        assertEquals(Duration.ofMinutes(10), settings.duplicateWindow());
        assertEquals(16, settings.catalogue().services().size());
        assertTrue(settings.inCity(30.66, 104.07), "Chengdu");
        assertTrue(settings.inCity(28.68, 121.44), "Taizhou Jiaojiang");
        assertFalse(settings.inCity(39.9, 116.4), "Beijing is far outside");
        assertEquals(4, settings.walkMinutes(200), "200 m along streets at 4.5 km/h");
        assertEquals(16, settings.rideMinutes(3_000));
    }

    @Test
    void aConfigurationChangesTheCatalogueRadiusAndArea() {
        City.Settings settings = City.settings(configuration(Map.of("services", new String[] { "tea|茶水|Tea", "parking|停车" },
                "serviceMinutes", 10, "cityAreas", new String[] { "28.6,104.5,28.9,104.8" })));
        assertEquals("茶水", settings.catalogue().find("tea").orElseThrow().zh());
        assertEquals("parking", settings.catalogue().find("停车").orElseThrow().code());
        assertEquals(2_500, settings.serviceRadiusMetres(), 1e-9);
        assertTrue(settings.inCity(28.77, 104.63), "Yibin");
        assertFalse(settings.inCity(30.66, 104.07));
    }

    @Test
    void aBrokenConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> City.settings(configuration(Map.of("services", new String[] { "Bad Code|x" }))));
        assertThrows(IllegalArgumentException.class, () -> City.settings(configuration(Map.of("services", new String[] { "a|x", "a|y" }))));
        assertThrows(IllegalArgumentException.class, () -> City.settings(configuration(Map.of("cityAreas", new String[] { "1,2,3" }))));
        assertThrows(IllegalArgumentException.class, () -> City.settings(configuration(Map.of("ridingSpeedKmh", 0.0))));
    }

}
