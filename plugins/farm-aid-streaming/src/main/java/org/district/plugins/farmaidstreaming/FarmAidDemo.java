package org.district.plugins.farmaidstreaming;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.district.platform.api.module.DemoData;
import org.district.platform.api.persistence.ModuleDatabase;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Taizhou Jiaojiang's programme (云耕计划) as it published it: 62 volunteer streamers, a dozen of
 * them pioneers, trained for free; twelve villages and co-operatives from Dachen island to the
 * Xiachen garment workshops with their products; a year of evening live sessions with their
 * results; and impact rows that add up to 470 villagers employed near home, about 30,000 yuan more
 * per person per year. Generated from a fixed seed relative to the current month, in one
 * transaction; a database that already has streamers is left as it is.
 */
@Component
public class FarmAidDemo implements DemoData {

    /** The published figures the demo reproduces. */
    static final int STREAMERS = 62;
    static final int VILLAGERS_EMPLOYED = 470;
    static final BigDecimal INCOME_CHANGE = new BigDecimal("30000.00");

    private record VillageSeed(String name, VillageKind kind, String node, String contact, String phone, ProductSeed... products) {
    }

    private record ProductSeed(String name, ProductCategory category, String unit, String price, int stock, Integer seasonStart, Integer seasonEnd) {
    }

    private static final String JIAOJIANG = "台州市/椒江区/";

    private static final VillageSeed[] VILLAGES = {
        new VillageSeed("大陈岛黄鱼养殖专业合作社", VillageKind.COOPERATIVE, JIAOJIANG + "大陈镇", "陈海东", "13957600101",
                new ProductSeed("大陈黄鱼（冰鲜）", ProductCategory.PRODUCE, "条", "88.00", 2000, null, null),
                new ProductSeed("黄鱼鲞礼盒", ProductCategory.PROCESSED_FOOD, "盒", "168.00", 800, null, null)),
        new VillageSeed("三甲海产品专业合作社", VillageKind.COOPERATIVE, JIAOJIANG + "三甲街道", "林国平", "13957600102",
                new ProductSeed("三甲虾干", ProductCategory.PROCESSED_FOOD, "袋", "59.90", 1500, null, null),
                new ProductSeed("椒江鳗鲞", ProductCategory.PROCESSED_FOOD, "条", "128.00", 600, 11, 2),
                new ProductSeed("头水紫菜", ProductCategory.PROCESSED_FOOD, "袋", "29.90", 3000, null, null)),
        new VillageSeed("章安西兰花种植专业合作社", VillageKind.COOPERATIVE, JIAOJIANG + "章安街道", "王建军", "13957600103",
                new ProductSeed("章安西兰花", ProductCategory.PRODUCE, "箱", "39.90", 2500, 11, 4)),
        new VillageSeed("洪家街道后洪村", VillageKind.VILLAGE, JIAOJIANG + "洪家街道/后洪村", "洪秀兰", "13957600104",
                new ProductSeed("后洪葡萄", ProductCategory.PRODUCE, "箱", "69.00", 1200, 7, 9),
                new ProductSeed("大棚草莓", ProductCategory.PRODUCE, "盒", "49.00", 1000, 12, 4)),
        new VillageSeed("前所蜜橘专业合作社", VillageKind.COOPERATIVE, JIAOJIANG + "前所街道", "郑立新", "13957600105",
                new ProductSeed("前所蜜橘", ProductCategory.PRODUCE, "箱", "45.00", 3000, 10, 1),
                new ProductSeed("橘子罐头", ProductCategory.PROCESSED_FOOD, "箱", "39.00", 1500, null, null)),
        new VillageSeed("下陈服装加工专业合作社", VillageKind.COOPERATIVE, JIAOJIANG + "下陈街道", "徐美芳", "13957600106",
                new ProductSeed("儿童棉服", ProductCategory.CLOTHING, "件", "129.00", 900, 10, 2),
                new ProductSeed("针织开衫", ProductCategory.CLOTHING, "件", "89.00", 1100, null, null),
                new ProductSeed("防晒冰丝外套", ProductCategory.CLOTHING, "件", "69.00", 1300, 5, 8)),
        new VillageSeed("葭沚家居日用品合作社", VillageKind.COOPERATIVE, JIAOJIANG + "葭沚街道", "周志强", "13957600107",
                new ProductSeed("家用收纳箱三件套", ProductCategory.HOUSEHOLD_GOODS, "套", "59.00", 2000, null, null),
                new ProductSeed("不锈钢保温杯", ProductCategory.HOUSEHOLD_GOODS, "个", "45.00", 2500, null, null)),
        new VillageSeed("白云街道白云山村", VillageKind.VILLAGE, JIAOJIANG + "白云街道/白云山村", "黄丽娟", "13957600108",
                new ProductSeed("手工竹编果篮", ProductCategory.CRAFTS, "个", "58.00", 400, null, null),
                new ProductSeed("草编坐垫", ProductCategory.CRAFTS, "个", "35.00", 600, null, null)),
        new VillageSeed("海门老街糕点合作社", VillageKind.COOPERATIVE, JIAOJIANG + "海门街道", "蒋文华", "13957600109",
                new ProductSeed("海门麦饼", ProductCategory.PROCESSED_FOOD, "袋", "32.00", 2000, null, null),
                new ProductSeed("糯米糖糕礼盒", ProductCategory.PROCESSED_FOOD, "盒", "68.00", 800, 12, 2)),
        new VillageSeed("章安街道回浦村", VillageKind.VILLAGE, JIAOJIANG + "章安街道/回浦村", "叶春燕", "13957600110",
                new ProductSeed("东魁杨梅", ProductCategory.PRODUCE, "筐", "158.00", 700, 6, 7),
                new ProductSeed("杨梅酒", ProductCategory.PROCESSED_FOOD, "瓶", "98.00", 500, null, null)),
        new VillageSeed("前所街道下洋顾村", VillageKind.VILLAGE, JIAOJIANG + "前所街道/下洋顾村", "顾建国", "13957600111",
                new ProductSeed("樱桃番茄", ProductCategory.PRODUCE, "箱", "36.00", 1800, 1, 6),
                new ProductSeed("手工布鞋", ProductCategory.CLOTHING, "双", "79.00", 500, null, null)),
        new VillageSeed("三甲街道东山村", VillageKind.VILLAGE, JIAOJIANG + "三甲街道/东山村", "杨海燕", "13957600112",
                new ProductSeed("东山文蛤", ProductCategory.PRODUCE, "斤", "28.00", 2500, 4, 10),
                new ProductSeed("贝壳风铃", ProductCategory.CRAFTS, "个", "42.00", 300, null, null)),
    };

    private static final String[] HANDLE_PLACES = { "椒江", "台州", "海门", "大陈", "三甲", "章安", "葭沚", "白云", "洪家", "下陈", "前所" };
    private static final String[] HANDLE_PEOPLE = { "小鲜", "阿妹", "渔娘", "果农", "好物", "阿哥", "姐姐" };
    private static final String[] SURNAMES = { "王", "李", "张", "陈", "林", "黄", "郑", "徐", "周", "蒋", "叶", "杨", "吴", "潘", "金", "应" };
    private static final String[] GIVEN = { "丽", "芳", "海燕", "建华", "晓东", "雪梅", "志强", "春燕", "国平", "佳琪", "子豪", "静", "浩然", "思远",
        "美玲", "文杰", "秀英", "一鸣" };
    private static final String[][] AVAILABILITY = {
        { "Fri-Sun 19:00-22:30" }, { "Daily 20:00-22:30" }, { "Sat,Sun 09:00-11:30", "Sat,Sun 19:00-22:00" }, { "Mon-Fri 19:30-22:00" },
        { "Fri 19:00-23:00", "Sat 14:00-22:00" }, { "Sat,Sun 19:00-22:30", "Wed 20:00-22:00" } };
    private static final String[] CANCEL_REASONS = { "台风预警，改期", "平台维护，改期", "村里停电，改期", "货品未到仓，改期" };

    @Reference
    private ModuleDatabase database;

    @Override
    public void load() {
        database.execute(em -> {
            if (em.createQuery("select count(s) from Streamer s", Long.class).getSingleResult() > 0) {
                return;
            }
            write(em, new Random(20261205L), Params.today());
        });
    }

    private static void write(EntityManager em, Random random, LocalDate today) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        YearMonth current = YearMonth.from(today);

        List<Village> villages = new ArrayList<>();
        List<List<Product>> products = new ArrayList<>();
        for (VillageSeed seed : VILLAGES) {
            Village village = new Village(new Village.Details(seed.name(), seed.kind(), seed.node(), seed.contact(), seed.phone(), true));
            em.persist(village);
            villages.add(village);
            List<Product> own = new ArrayList<>();
            for (ProductSeed p : seed.products()) {
                Product product = new Product(village, new Product.Details(p.name(), p.category(), p.unit(), new BigDecimal(p.price()), p.stock(),
                        p.seasonStart() == null ? null : Month.of(p.seasonStart()), p.seasonEnd() == null ? null : Month.of(p.seasonEnd()), true));
                em.persist(product);
                own.add(product);
            }
            products.add(own);
        }

        List<Streamer> streamers = new ArrayList<>();
        Set<String> handles = new HashSet<>();
        for (int i = 0; i < STREAMERS; i++) {
            String handle;
            do {
                handle = HANDLE_PLACES[random.nextInt(HANDLE_PLACES.length)] + HANDLE_PEOPLE[random.nextInt(HANDLE_PEOPLE.length)]
                        + (random.nextInt(3) == 0 ? "" : Integer.toString(1 + random.nextInt(99)));
            } while (!handles.add(handle));
            boolean pioneer = i < 12;
            List<StreamerAccount> accounts = new ArrayList<>();
            Set<Platform> platforms = new LinkedHashSet<>();
            platforms.add(random.nextInt(10) < 6 ? Platform.DOUYIN : Platform.KUAISHOU);
            for (int extra = random.nextInt(pioneer ? 3 : 2); extra > 0; extra--) {
                platforms.add(Platform.values()[random.nextInt(4)]);
            }
            for (Platform platform : platforms) {
                double exponent = pioneer ? 4.7 + random.nextDouble() * 1.4 : 2.9 + random.nextDouble() * 2.3;
                accounts.add(new StreamerAccount(platform, accountId(platform, random), Math.round(Math.pow(10, exponent))));
            }
            Set<ProductCategory> categories = EnumSet.noneOf(ProductCategory.class);
            categories.add(random.nextInt(10) < 6 ? ProductCategory.PRODUCE : ProductCategory.values()[random.nextInt(ProductCategory.values().length)]);
            if (random.nextBoolean()) {
                categories.add(ProductCategory.values()[random.nextInt(ProductCategory.values().length)]);
            }
            List<WeeklyWindow> availability = new ArrayList<>();
            if (random.nextInt(12) != 0) {
                for (String line : AVAILABILITY[random.nextInt(AVAILABILITY.length)]) {
                    availability.addAll(WeeklyWindow.parse(line));
                }
            }
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
            Streamer streamer = new Streamer(new Streamer.Details(handle, name, phone, pioneer, i != STREAMERS - 1, accounts, categories,
                    availability), now);
            em.persist(streamer);
            streamers.add(streamer);
        }

        training(em, random, today, streamers);
        sessions(em, random, today, streamers, villages, products);
        impact(em, random, current, villages);
    }

    private static String accountId(Platform platform, Random random) {
        return switch (platform) {
            case DOUYIN -> "dy" + (100_000_000L + random.nextInt(900_000_000));
            case KUAISHOU -> "ks" + (10_000_000L + random.nextInt(90_000_000));
            case WECHAT_CHANNELS -> "sph" + Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF));
            case TAOBAO_LIVE -> "tb" + (1_000_000L + random.nextInt(9_000_000));
            case OTHER -> "id" + random.nextInt(1_000_000);
        };
    }

    /** Three free courses; most streamers completed the first, the pioneers the second; a class of the third is still to come. */
    private static void training(EntityManager em, Random random, LocalDate today, List<Streamer> streamers) {
        Course basics = new Course(new Course.Details("椒江区公益直播带货培训班", "椒江区新就业群体党委、区人力社保局", 24,
                "直播平台规则、农产品上行、直播话术与合规，免费参加，结业发证", true));
        Course video = new Course(new Course.Details("农产品短视频拍摄与选品", "椒江区电子商务公共服务中心", 12, "手机拍摄、剪辑、选品与定价", true));
        Course compliance = new Course(new Course.Details("直播电商合规与售后", "椒江区市场监督管理局", 6, "广告法、消费者权益保护与售后处理", true));
        em.persist(basics);
        em.persist(video);
        em.persist(compliance);
        List<CourseSession> basicClasses = new ArrayList<>();
        for (int months : new int[] { 11, 8, 5 }) {
            LocalDateTime start = today.minusMonths(months).withDayOfMonth(10).atTime(9, 0);
            CourseSession session = new CourseSession(basics, new CourseSession.Details(start, start.plusDays(2).withHour(17), "椒江区新就业群体服务中心", 30));
            em.persist(session);
            basicClasses.add(session);
        }
        LocalDateTime videoStart = today.minusMonths(6).withDayOfMonth(20).atTime(14, 0);
        CourseSession videoClass = new CourseSession(video, new CourseSession.Details(videoStart, videoStart.plusHours(4), "椒江区电商产业园", 20));
        em.persist(videoClass);
        LocalDateTime nextStart = today.plusDays(10).atTime(14, 0);
        CourseSession nextClass = new CourseSession(compliance, new CourseSession.Details(nextStart, nextStart.plusHours(3), "椒江区市场监管局三楼会议室", 40));
        em.persist(nextClass);

        int certificate = 0;
        for (int i = 0; i < streamers.size(); i++) {
            Streamer streamer = streamers.get(i);
            if (i >= 56) {
                continue; // the newest volunteers have not taken a course yet
            }
            CourseSession session = basicClasses.get(i % basicClasses.size());
            Enrolment enrolment = new Enrolment(session, streamer, session.getStartsAt().toLocalDate().minusDays(7));
            if (i < 52) {
                enrolment.complete(session.getEndsAt().toLocalDate(), i < 40 ? String.format("JJZB-%d-%03d", session.getStartsAt().getYear(), ++certificate) : null);
            } else {
                enrolment.withdraw();
            }
            em.persist(enrolment);
            if (streamer.isPioneer()) {
                Enrolment more = new Enrolment(videoClass, streamer, videoStart.toLocalDate().minusDays(5));
                more.complete(videoStart.toLocalDate(), null);
                em.persist(more);
            }
            if (i % 4 == 0 && streamer.isActive()) {
                em.persist(new Enrolment(nextClass, streamer, today));
            }
        }
    }

    /** Evening sessions over the last year, most on Friday to Sunday, each for one village; a few cancelled; two weeks to come. */
    private static void sessions(EntityManager em, Random random, LocalDate today, List<Streamer> streamers, List<Village> villages,
            List<List<Product>> products) {
        LocalDate first = today.minusMonths(11).withDayOfMonth(1);
        Set<String> taken = new HashSet<>();
        int cancelled = 0;
        for (LocalDate day = first; day.isBefore(today.plusDays(15)); day = day.plusDays(1)) {
            int count = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 2
                    : day.getDayOfWeek() == DayOfWeek.FRIDAY ? 1 : random.nextInt(3) == 0 ? 1 : 0;
            for (int n = 0; n < count; n++) {
                LocalDateTime at = day.atTime(n == 0 ? 19 : 20, n == 0 ? 30 : 45);
                Streamer streamer = pick(random, streamers, at, taken);
                if (streamer == null) {
                    continue;
                }
                int v = random.nextInt(villages.size());
                List<Product> own = products.get(v);
                List<Product> featured = new ArrayList<>();
                for (Product p : own) {
                    if (p.inSeason(at.getMonth()) && (featured.isEmpty() || random.nextBoolean())) {
                        featured.add(p);
                    }
                }
                if (featured.isEmpty()) {
                    featured.add(own.get(0).inSeason(at.getMonth()) || own.size() == 1 ? own.get(0) : own.get(1));
                }
                List<StreamerAccount> accounts = streamer.accounts();
                StreamerAccount account = accounts.get(random.nextInt(accounts.size()));
                LiveSession session = new LiveSession(new LiveSession.Plan(streamer, account.getPlatform(), villages.get(v), at, 120,
                        villages.get(v).getName().replaceAll("(专业)?合作社$", "") + "助农专场", featured));
                em.persist(session);
                if (!at.toLocalDate().isBefore(today)) {
                    continue; // still to come
                }
                if (random.nextInt(40) == 0 && cancelled < 6) {
                    session.cancel(CANCEL_REASONS[cancelled++ % CANCEL_REASONS.length]);
                    continue;
                }
                for (Product product : featured) {
                    long reach = Math.min(account.getFollowers(), 400_000);
                    int units = (int) (8 + reach / 1_500 * (0.5 + random.nextDouble()) + random.nextInt(30));
                    BigDecimal discount = BigDecimal.valueOf(85 + random.nextInt(16)).movePointLeft(2);
                    BigDecimal value = product.getPrice().multiply(BigDecimal.valueOf(units)).multiply(discount).setScale(2, RoundingMode.HALF_UP);
                    int orders = Math.max(1, units / (1 + random.nextInt(2)));
                    int returns = orders * random.nextInt(5) / 100;
                    em.persist(new SessionResult(session, product, units, value, orders, returns));
                }
                session.resultsRecorded(at.plusMinutes(150).atZone(Params.ZONE).toOffsetDateTime(), "demo");
            }
        }
    }

    /** An active streamer free at the time, pioneers twice as likely; null when the draw finds none. */
    private static Streamer pick(Random random, List<Streamer> streamers, LocalDateTime at, Set<String> taken) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Streamer s = streamers.get(random.nextInt(2) == 0 ? random.nextInt(12) : random.nextInt(streamers.size()));
            if (s.isActive() && taken.add(s.getHandle() + "@" + at.toLocalDate())) {
                return s;
            }
        }
        return null;
    }

    /**
     * Impact rows over the last twelve months, in pairs that share a number of villagers and differ
     * by the same amount either side of 30,000 yuan: the villagers add up to 470 and their income
     * change averages exactly 30,000 yuan per person per year.
     */
    private static void impact(EntityManager em, Random random, YearMonth current, List<Village> villages) {
        int pairs = 24;
        int[] employed = new int[pairs];
        int left = VILLAGERS_EMPLOYED / 2;
        for (int i = 0; i < pairs; i++) {
            employed[i] = i == pairs - 1 ? left : Math.min(left - (pairs - 1 - i), 4 + random.nextInt(12));
            left -= employed[i];
        }
        List<int[]> cells = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            for (int v = 0; v < villages.size(); v++) {
                cells.add(new int[] { m, v });
            }
        }
        Collections.shuffle(cells, random);
        for (int i = 0; i < pairs; i++) {
            BigDecimal delta = BigDecimal.valueOf(500L * random.nextInt(7));
            for (int side = 0; side < 2; side++) {
                int[] cell = cells.get(2 * i + side);
                VillageImpact row = new VillageImpact(villages.get(cell[1]), current.minusMonths(cell[0]));
                row.apply(employed[i], side == 0 ? INCOME_CHANGE.add(delta) : INCOME_CHANGE.subtract(delta),
                        side == 0 ? "合作社直播带动就近务工" : "村民参与分拣、打包、发货");
                em.persist(row);
            }
        }
    }
}
