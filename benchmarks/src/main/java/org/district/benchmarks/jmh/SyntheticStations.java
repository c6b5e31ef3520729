package org.district.benchmarks.jmh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.district.plugins.courierstations.StationKind;
import org.district.plugins.courierstations.StationSnapshot;
import org.district.plugins.courierstations.StationStatus;
import org.district.plugins.courierstations.hours.WeeklyHours;

/**
 * Stations over greater Chengdu as the courier-stations module's own {@code NearestBenchmark}
 * makes them (a fixed seed; every service offered by half the stations, battery swap by 30%; the
 * demo's five kinds of opening hours; one in fifty temporarily closed), so the figures compare.
 */
final class SyntheticStations {

    static final String[] SERVICES = { "rest_seats", "drinking_water", "hot_water", "microwave", "phone_charging", "battery_swap",
        "ebike_charging", "toilet", "air_conditioning", "repair_tools", "first_aid", "umbrella_loan", "wifi", "lockers",
        "discounted_meals", "policy_consultation" };
    static final double SOUTH = 30.45;
    static final double WEST = 103.85;
    static final double SPAN = 0.45;

    private SyntheticStations() {
    }

    static List<StationSnapshot> generate(int count, long seed) {
        Random random = new Random(seed);
        List<WeeklyHours> hours = List.of(WeeklyHours.aroundTheClock(), parse("Daily 08:00-22:00"),
                parse("Mon-Fri 09:00-21:00", "Sat,Sun 10:00-20:00"), parse("Daily 07:00-23:00"), parse("Daily 10:00-24:00", "Daily 00:00-02:00"));
        List<StationSnapshot> stations = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            double lat = SOUTH + random.nextDouble() * SPAN;
            double lon = WEST + random.nextDouble() * SPAN;
            Set<String> services = new HashSet<>();
            for (String service : SERVICES) {
                if (random.nextInt(10) < (service.equals("battery_swap") ? 3 : 5)) {
                    services.add(service);
                }
            }
            stations.add(new StationSnapshot(id, "骑手驿站 " + id + " 号", StationKind.RIDER, "成都市武侯区测试路" + id + "号", "成都市/武侯区",
                    "玉林街道", "玉林社区", lat, lon, Set.copyOf(services), hours.get(random.nextInt(hours.size())), List.of(),
                    10 + random.nextInt(20), "028-8" + String.format("%07d", random.nextInt(10_000_000)),
                    random.nextInt(50) == 0 ? StationStatus.TEMPORARILY_CLOSED : StationStatus.OPEN, null));
        }
        return stations;
    }

    private static WeeklyHours parse(String... lines) {
        return WeeklyHours.parse(List.of(lines)).hours();
    }
}
