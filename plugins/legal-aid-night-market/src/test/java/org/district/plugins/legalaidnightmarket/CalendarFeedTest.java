package org.district.plugins.legalaidnightmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

class CalendarFeedTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theFeedParsesBackWithItsEventsTimesAndStatus() throws Exception {
        Instant start = LocalDateTime.of(2026, 12, 4, 19, 0).atZone(SHANGHAI).toInstant();
        Instant end = LocalDateTime.of(2026, 12, 4, 21, 30).atZone(SHANGHAI).toInstant();
        String text = CalendarFeed.write("宜宾东街夜市 法律服务夜市", "Asia/Shanghai", List.of(
                new CalendarFeed.Event("session-1@legal-aid-night-market", start, end, "法律服务夜市 · 宜宾东街夜市 · 值班律师 王芳",
                        "宜宾东街夜市（东街北入口）", "以案说法·法治小剧场\n宜宾市/翠屏区", false),
                new CalendarFeed.Event("session-2@legal-aid-night-market", start.plusSeconds(86400), end.plusSeconds(86400), "法律服务夜市",
                        null, null, true)));

        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertEquals(CalendarFeed.PRODUCT, calendar.getProperty(Property.PRODID).orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        VEvent first = events.get(0);
        assertEquals("session-1@legal-aid-night-market", value(first, Property.UID));
        assertEquals("20261204T110000Z", value(first, Property.DTSTART), "19:00 in Yibin is 11:00 UTC");
        assertEquals("20261204T133000Z", value(first, Property.DTEND));
        assertEquals("法律服务夜市 · 宜宾东街夜市 · 值班律师 王芳", value(first, Property.SUMMARY));
        assertEquals("以案说法·法治小剧场\n宜宾市/翠屏区", value(first, Property.DESCRIPTION));
        assertEquals("CONFIRMED", value(first, Property.STATUS));
        assertEquals("CANCELLED", value(events.get(1), Property.STATUS));
        assertTrue(text.contains("\r\n"), "lines end in CRLF as RFC 5545 asks");
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow(() -> new AssertionError(property + " missing in " + event)).getValue();
    }
}
