package org.district.plugins.legalaidnightmarket;

import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * An iCalendar (RFC 5545) feed a calendar app subscribes to. Times are written in UTC, which every
 * client shows in its own zone; that spares the feed a VTIMEZONE and the bundle iCal4j's zone
 * database. A cancelled session stays in the feed as a cancelled event, so subscribers see it go.
 */
public final class CalendarFeed {

    static final String PRODUCT = "-//District platform//Legal-aid night market//ZH";

    private CalendarFeed() {
    }

    /** One event: a stable uid, so that a client updates the event instead of adding another. */
    public record Event(String uid, Instant start, Instant end, String summary, String location, String description, boolean cancelled) {
    }

    /** The feed as text; {@code zone} is only a hint for clients that show the calendar's own zone. */
    public static String write(String name, String zone, List<Event> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone));
        for (Event event : events) {
            VEvent vevent = new VEvent(event.start(), event.end(), event.summary());
            vevent.add(new Uid(event.uid()));
            if (event.location() != null) {
                vevent.add(new Location(event.location()));
            }
            if (event.description() != null) {
                vevent.add(new Description(event.description()));
            }
            vevent.add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(vevent);
        }
        return calendar.toString();
    }
}
