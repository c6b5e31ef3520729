package org.district.plugins.lawyerroster;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.district.platform.api.module.DemoData;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.plugins.lawyerroster.Lawyer.LawyerDetails;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Forty volunteer lawyers of six firms in Yibin and Chengdu, with evening and weekend
 * availability as night-market duty needs it, and last month's duties. The same every time.
 */
@Component
public class RosterDemo implements DemoData {

    private static final String[][] FIRMS = {
        { "四川蜀南律师事务所", "宜宾市/翠屏区", "宜宾市翠屏区南岸东区长江大道 12 号", "511500" },
        { "四川金沙江律师事务所", "宜宾市/叙州区", "宜宾市叙州区南岸西区金沙江大道 88 号", "511500" },
        { "四川川南明法律师事务所", "宜宾市/翠屏区", "宜宾市翠屏区人民路 45 号", "511500" },
        { "四川锦城律师事务所", "成都市/锦江区", "成都市锦江区红星路三段 1 号", "510100" },
        { "四川武侯律师事务所", "成都市/武侯区", "成都市武侯区人民南路四段 19 号", "510100" },
        { "四川天府高新律师事务所", "成都市/高新区", "成都市高新区天府大道中段 666 号", "510100" },
    };
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀兰霞平刚桂英华建国志红";
    private static final Specialty[] COMMON = { Specialty.CONTRACT, Specialty.DEBT, Specialty.LABOUR, Specialty.FAMILY,
        Specialty.CONSUMER, Specialty.TENANCY, Specialty.TRAFFIC, Specialty.PROPERTY, Specialty.CRIMINAL, Specialty.ADMINISTRATIVE };

    @Reference
    private ModuleDatabase database;

    @Override
    public void load() {
        Random random = new Random(20261122L);
        database.execute(em -> {
            List<LawFirm> firms = new ArrayList<>();
            for (String[] firm : FIRMS) {
                LawFirm saved = new LawFirm(firm[0], "3" + firm[3] + "2010" + (10000 + firms.size()), firm[2], firm[1]);
                em.persist(saved);
                firms.add(saved);
            }
            LocalDate lastMonth = LocalDate.now().minusMonths(1).withDayOfMonth(1);
            for (int i = 0; i < 40; i++) {
                LawFirm firm = firms.get(i % firms.size());
                String region = FIRMS[i % FIRMS.length][3];
                String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + (random.nextBoolean() ? "" : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
                String licence = "1" + region + (2008 + random.nextInt(15)) + (random.nextInt(2)) + String.format("%05d", 10 + i * 37);
                String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
                Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
                // Payment and loan disputes are what night markets bring most: most lawyers cover one of them.
                specialties.add(random.nextInt(3) == 0 ? Specialty.DEBT : Specialty.CONTRACT);
                for (int k = random.nextInt(3); k > 0; k--) {
                    specialties.add(COMMON[random.nextInt(COMMON.length)]);
                }
                List<String> languages = new ArrayList<>(List.of("普通话", "四川话"));
                if (region.equals("511500") && random.nextBoolean()) {
                    languages.add("宜宾话");
                }
                if (random.nextInt(5) == 0) {
                    languages.add("英语");
                }
                List<WeeklyWindow> windows = new ArrayList<>();
                DayOfWeek first = DayOfWeek.of(1 + random.nextInt(5));
                windows.add(new WeeklyWindow(first, LocalTime.of(18, 30), LocalTime.of(22, 0)));
                if (random.nextBoolean()) {
                    windows.add(new WeeklyWindow(DayOfWeek.SATURDAY, LocalTime.of(14, 0), LocalTime.of(22, 0)));
                }
                if (random.nextInt(3) == 0 && first != DayOfWeek.FRIDAY) {
                    windows.add(new WeeklyWindow(DayOfWeek.FRIDAY, LocalTime.of(18, 0), LocalTime.of(22, 30)));
                }
                Lawyer lawyer = new Lawyer(licence, new LawyerDetails(name, firm, specialties, languages, phone, windows, i != 39));
                em.persist(lawyer);
                LocalDate evening = lastMonth.with(TemporalAdjusters.firstInMonth(first)).plusWeeks(random.nextInt(3));
                for (int d = random.nextInt(3); d > 0; d--, evening = evening.plusWeeks(1)) {
                    em.persist(new Duty(lawyer, evening.atTime(19, 0), evening.atTime(21, 30),
                            region.equals("511500") ? "宜宾东街夜市法律服务点" : "成都玉林夜市法律服务点"));
                }
            }
        });
    }
}
