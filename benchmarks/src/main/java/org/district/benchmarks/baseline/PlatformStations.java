package org.district.benchmarks.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.district.benchmarks.Json;
import org.district.plugins.courierstations.NearestStations.InView;
import org.district.plugins.courierstations.Station.ClosedDay;
import org.district.plugins.courierstations.StationKind;
import org.district.plugins.courierstations.StationSnapshot;
import org.district.plugins.courierstations.StationStatus;
import org.district.plugins.courierstations.Views.PublicStation;
import org.district.plugins.courierstations.Views.ServiceView;
import org.district.plugins.courierstations.hours.WeeklyHours;

/**
 * The stations a platform serves, read back from its public map view
 * ({@code GET /api/courier-stations/public/stations?bbox=-180,-90,180,90&limit=2000}, saved to a
 * file by {@code run.sh}) as the module's own {@link StationSnapshot}s. The demo's generator is
 * private to the module and its ids come from the database, so the baseline takes the stations the
 * platform actually answers with. Retired stations are not in that view; a nearest search never
 * returns them either. Contact phones arrive masked, and masking is idempotent.
 */
public final class PlatformStations {

    private PlatformStations() {
    }

    public static List<StationSnapshot> read(Path file) throws IOException {
        InView view = Json.mapper().readValue(file.toFile(), InView.class);
        if (view.truncated()) {
            throw new IllegalArgumentException(file + " holds only " + view.stations().size() + " of " + view.count() + " stations");
        }
        List<StationSnapshot> stations = new ArrayList<>(view.stations().size());
        for (PublicStation s : view.stations()) {
            stations.add(snapshot(s));
        }
        return stations;
    }

    static StationSnapshot snapshot(PublicStation s) {
        if (!"wgs84".equals(s.coords())) {
            throw new IllegalArgumentException("station " + s.id() + " is in " + s.coords() + "; save the view in wgs84");
        }
        WeeklyHours.Parsed hours = WeeklyHours.parse(s.hours());
        if (!hours.problems().isEmpty()) {
            throw new IllegalArgumentException("station " + s.id() + " has hours the module cannot read back: " + hours.problems());
        }
        Set<String> services = s.services().stream().map(ServiceView::code).collect(Collectors.toUnmodifiableSet());
        List<ClosedDay> closures = s.closures().stream().map(c -> new ClosedDay(c.date(), c.reason())).toList();
        return new StationSnapshot(s.id(), s.name(), parse(StationKind.parse(s.kind()).orElse(null), "kind", s), s.address(), s.district(),
                s.street(), s.community(), s.lat(), s.lon(), services, hours.hours(), closures, s.capacity(), s.contactPhone(),
                parse(StationStatus.parse(s.status()).orElse(null), "status", s), s.statusReason());
    }

    private static <T> T parse(T value, String field, PublicStation s) {
        if (value == null) {
            throw new IllegalArgumentException("station " + s.id() + " has an unknown " + field);
        }
        return value;
    }
}
