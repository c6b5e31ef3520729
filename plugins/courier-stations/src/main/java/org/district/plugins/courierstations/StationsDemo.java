package org.district.plugins.courierstations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.district.platform.api.module.DemoData;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.plugins.courierstations.Station.ClosedDay;
import org.district.plugins.courierstations.Station.StationDetails;
import org.district.plugins.courierstations.coverage.DemandPoints;
import org.district.plugins.courierstations.hours.WeeklyHours;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * About 300 stations in Chengdu's Jinjiang, Wuhou and Gaoxin districts and the 13 round-the-clock
 * stations of Taizhou Jiaojiang, with services and hours as such stations publish them; two weeks
 * of check-ins; and a heat map of rider activity in Chengdu for the coverage report. Generated from
 * a fixed seed: the same every time. A city's bundle gets the stations inside its own areas only
 * (the setting {@code cityAreas}): Chengdu's bundle Chengdu's, Taizhou Jiaojiang's the 13 of
 * Jiaojiang; with the default areas, both.
 */
@Component
public class StationsDemo implements DemoData {

    private record District(String city, String name, double lat, double lon, double spread, String phonePrefix, String[] streets) {
    }

    private static final District[] CHENGDU = {
        new District("成都市", "锦江区", 30.642, 104.095, 0.030, "028-8", new String[] {
            "春熙路街道", "书院街街道", "合江亭街道", "牛市口街道", "龙舟路街道", "双桂路街道", "莲新街道", "沙河街道", "东光街道",
            "狮子山街道", "成龙路街道", "柳江街道", "三圣街道" }),
        new District("成都市", "武侯区", 30.628, 104.035, 0.030, "028-8", new String[] {
            "浆洗街街道", "望江路街道", "玉林街道", "跳伞塔街道", "火车南站街道", "簇桥街道", "机投桥街道", "红牌楼街道", "晋阳街道",
            "金花桥街道", "华兴街道", "簇锦街道" }),
        new District("成都市", "高新区", 30.565, 104.062, 0.040, "028-6", new String[] {
            "芳草街街道", "肖家河街道", "石羊街道", "桂溪街道", "合作街道", "西园街道", "中和街道" }),
    };
    private static final District JIAOJIANG = new District("台州市", "椒江区", 28.680, 121.440, 0.035, "0576-8", new String[] {
        "海门街道", "白云街道", "葭沚街道", "洪家街道", "下陈街道", "前所街道", "章安街道", "三甲街道" });
    private static final String[] COMMUNITIES = { "和平", "新华", "东风", "锦绣", "桂花", "银杏", "府河", "滨江", "望江", "龙舟", "玉林",
        "芳草", "紫荆", "天府", "金沙", "南湖", "翠柳", "花园", "光华", "创业" };
    private static final String[] PLACES = { "商业街", "写字楼大堂", "物流园", "社区服务中心", "地铁站口", "加油站", "便利店", "商场",
        "党群服务中心", "菜市场" };
    private static final String[] CLOSED_REASONS = { "店面装修", "志愿者轮班调整", "水电维修" };

    @Reference
    private ModuleDatabase database;

    @Reference
    private StationMap map;

    @Reference
    private City city;

    @Override
    public void load() {
        Random random = new Random(20261122L);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        City.Settings settings = city.settings();
        database.execute(em -> {
            int number = 0;
            // every station is generated, so that the seed gives each city the same stations whichever it keeps
            List<StationDetails> stations = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                stations.add(chengdu(CHENGDU[i % CHENGDU.length], ++number, random));
            }
            for (int i = 0; i < 13; i++) {
                stations.add(jiaojiang(i, random));
            }
            for (StationDetails station : stations) {
                if (settings.inCity(station.latitude(), station.longitude())) {
                    em.persist(new Station(Stations.newCode(), station, now));
                }
            }
            em.flush();
            visits(em, em.createQuery("select s.id from Station s order by s.id", Long.class).getResultList(), random);
            heatMap(em, random, now);
            StationMap.bump(em);
        });
        map.reload();
    }

    private static StationDetails chengdu(District district, int number, Random random) {
        String street = district.streets()[random.nextInt(district.streets().length)];
        String community = COMMUNITIES[random.nextInt(COMMUNITIES.length)] + "社区";
        double roll = random.nextDouble();
        StationKind kind = roll < 0.4 ? StationKind.WARM_NEW : roll < 0.7 ? StationKind.RIDER : roll < 0.9 ? StationKind.PARTNER_SHOP
                : StationKind.DRIVER_HOME;
        String place = PLACES[random.nextInt(PLACES.length)];
        String name = street.replace("街道", "") + kind.chinese() + "（" + place + "）" + number + "号";
        double lat = district.lat() + random.nextGaussian() * district.spread() / 2;
        double lon = district.lon() + random.nextGaussian() * district.spread() / 2;
        Set<String> services = services(kind, random);
        WeeklyHours hours = hours(kind, random);
        List<ClosedDay> closures = new ArrayList<>();
        if (!hours.isAroundTheClock() && random.nextInt(8) == 0) {
            closures.add(new ClosedDay(LocalDate.of(2027, 2, 6), "春节"));
            closures.add(new ClosedDay(LocalDate.of(2027, 2, 7), "春节"));
        }
        StationStatus status = StationStatus.OPEN;
        String reason = null;
        if (number % 60 == 0) {
            status = StationStatus.TEMPORARILY_CLOSED;
            reason = CLOSED_REASONS[random.nextInt(CLOSED_REASONS.length)];
        } else if (number % 97 == 0) {
            status = StationStatus.RETIRED;
            reason = "并入附近驿站";
        }
        return new StationDetails(name, kind, district.city() + district.name() + street.replace("街道", "") + "路" + (1 + random.nextInt(300)) + "号",
                district.city() + "/" + district.name(), street, community, lat, lon, services, hours, closures, 6 + random.nextInt(25),
                district.phonePrefix() + String.format("%07d", random.nextInt(10_000_000)), status, reason);
    }

    private static StationDetails jiaojiang(int i, Random random) {
        String street = JIAOJIANG.streets()[i % JIAOJIANG.streets().length];
        StationKind kind = i < 8 ? StationKind.WARM_NEW : StationKind.RIDER;
        Set<String> services = services(kind, random);
        // Jiaojiang's 13 stations are kept open around the clock by volunteer rotas, with its 16 free services between them.
        services.add("hot_water");
        services.add("first_aid");
        return new StationDetails("椒江" + street.replace("街道", "") + kind.chinese() + (i + 1) + "号", kind,
                "台州市椒江区" + street.replace("街道", "") + "大道" + (10 + 17 * i) + "号", JIAOJIANG.city() + "/" + JIAOJIANG.name(), street,
                COMMUNITIES[(i * 7) % COMMUNITIES.length] + "社区", JIAOJIANG.lat() + random.nextGaussian() * JIAOJIANG.spread() / 2,
                JIAOJIANG.lon() + random.nextGaussian() * JIAOJIANG.spread() / 2, services, WeeklyHours.aroundTheClock(), List.of(),
                8 + random.nextInt(12), JIAOJIANG.phonePrefix() + String.format("%07d", random.nextInt(10_000_000)), StationStatus.OPEN, null);
    }

    private static Set<String> services(StationKind kind, Random random) {
        Set<String> services = new LinkedHashSet<>(List.of("rest_seats", "drinking_water", "phone_charging"));
        add(services, "hot_water", 0.8, random);
        add(services, "microwave", 0.5, random);
        add(services, "toilet", 0.7, random);
        add(services, "air_conditioning", 0.7, random);
        add(services, "battery_swap", kind == StationKind.RIDER ? 0.6 : 0.2, random);
        add(services, "ebike_charging", kind == StationKind.RIDER ? 0.6 : 0.3, random);
        add(services, "repair_tools", 0.4, random);
        add(services, "first_aid", 0.8, random);
        add(services, "umbrella_loan", 0.5, random);
        add(services, "wifi", 0.7, random);
        add(services, "lockers", kind == StationKind.DRIVER_HOME ? 0.6 : 0.15, random);
        add(services, "discounted_meals", kind == StationKind.DRIVER_HOME ? 0.5 : 0.2, random);
        add(services, "policy_consultation", kind == StationKind.WARM_NEW ? 0.6 : 0.1, random);
        return services;
    }

    private static void add(Set<String> services, String code, double chance, Random random) {
        if (random.nextDouble() < chance) {
            services.add(code);
        }
    }

    private static WeeklyHours hours(StationKind kind, Random random) {
        double roll = random.nextDouble();
        if (roll < (kind == StationKind.RIDER ? 0.45 : 0.2)) {
            return WeeklyHours.aroundTheClock();
        }
        List<String> lines;
        if (roll < 0.45) {
            lines = List.of("Daily 08:00-22:00");
        } else if (roll < 0.65) {
            lines = List.of("Mon-Fri 09:00-21:00", "Sat,Sun 10:00-20:00");
        } else if (roll < 0.85) {
            lines = List.of("Daily 07:00-23:00");
        } else {
            // late lunch and supper shifts: open past midnight
            lines = List.of("Daily 10:00-24:00", "Daily 00:00-02:00");
        }
        return WeeklyHours.parse(lines).hours();
    }

    /** Two weeks of check-ins, busiest at lunch and supper, when riders wait for orders. */
    private static void visits(jakarta.persistence.EntityManager em, List<Long> stations, Random random) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        int[] hourWeights = { 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 7, 12, 14, 9, 6, 5, 6, 10, 13, 11, 8, 5, 3, 2 };
        int sum = 0;
        for (int w : hourWeights) {
            sum += w;
        }
        WorkerKind[] kinds = { WorkerKind.FOOD_DELIVERY, WorkerKind.FOOD_DELIVERY, WorkerKind.FOOD_DELIVERY, WorkerKind.COURIER,
            WorkerKind.COURIER, WorkerKind.RIDE_HAILING, WorkerKind.TRUCK, WorkerKind.OTHER };
        String[] used = { "drinking_water", "phone_charging", "rest_seats", "hot_water", "toilet", "battery_swap" };
        for (int v = 0; v < 3000; v++) {
            long station = stations.get(random.nextInt(Math.min(stations.size(), 120)));
            int pick = random.nextInt(sum);
            int hour = 0;
            while (pick >= hourWeights[hour]) {
                pick -= hourWeights[hour++];
            }
            OffsetDateTime at = today.minusDays(1 + random.nextInt(14)).atTime(hour, random.nextInt(60)).atZone(zone).toOffsetDateTime();
            byte[] visitor = new byte[16];
            random.nextBytes(visitor);
            Set<String> services = new LinkedHashSet<>();
            services.add(used[random.nextInt(3)]);
            if (random.nextBoolean()) {
                services.add(used[random.nextInt(used.length)]);
            }
            Set<String> offered = Set.copyOf(em.find(Station.class, station).snapshot().services());
            services.retainAll(offered);
            em.persist(new Visit(station, at, kinds[random.nextInt(kinds.length)], HexFormat.of().formatHex(visitor), services));
        }
    }

    /** Rider activity in Chengdu: hot spots at business districts and food streets, weighted by orders. */
    private static void heatMap(jakarta.persistence.EntityManager em, Random random, OffsetDateTime now) {
        double[][] hotSpots = { { 30.657, 104.081, 3 }, { 30.642, 104.045, 2 }, { 30.573, 104.064, 3 }, { 30.540, 104.070, 2 },
            { 30.610, 104.110, 1 }, { 30.700, 104.050, 1 }, { 30.520, 104.000, 1 } };
        int n = 5000;
        double[] lat = new double[n];
        double[] lon = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            double[] spot = hotSpots[random.nextInt(hotSpots.length)];
            lat[i] = spot[0] + random.nextGaussian() * 0.02;
            lon[i] = spot[1] + random.nextGaussian() * 0.02;
            weight[i] = 1 + random.nextInt((int) spot[2] * 3);
        }
        DemandPoints points = new DemandPoints(lat, lon, weight);
        DemandSet set = new DemandSet("成都骑手热力图（示例）", now, n, points.totalWeight());
        em.persist(set);
        em.flush();
        List<byte[]> chunks = points.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            em.persist(new DemandChunk(set.getId(), i, chunks.get(i)));
        }
    }
}
