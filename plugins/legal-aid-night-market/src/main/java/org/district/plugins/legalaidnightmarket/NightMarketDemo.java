package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.district.platform.api.module.DemoData;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.plugins.lawyerroster.api.LawyerRoster;
import org.district.plugins.lawyerroster.api.LawyerSummary;
import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.RotaSession;
import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.district.plugins.legalaidnightmarket.Catalogue.Category;
import org.district.plugins.legalaidnightmarket.Catalogue.Outcome;
import org.district.plugins.legalaidnightmarket.Catalogue.Visitor;
import org.district.plugins.legalaidnightmarket.DutyAssignment.Source;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Yibin's Dongjie night market and Chengdu's Yulin night market, each with its stall schedule for
 * last month, this month and next month. Duties come from the roster's rota when the roster has
 * lawyers; without them (its demo data may not be loaded yet) the sessions simply have no duty.
 * Evenings already past are closed, with the consultations of a busy stall; one was cancelled for
 * a storm. The same every time for the same month.
 */
@Component
public class NightMarketDemo implements DemoData {

    private static final String BY = "demo";

    private static final Map<Category, String[]> SUMMARIES = Map.of(
            Category.PAYMENT_DISPUTE, new String[] { "摊主与供货商就一批货款结算金额有争议", "顾客称已扫码付款，摊主称未到账" },
            Category.LOAN_DISPUTE, new String[] { "借给朋友两万元未写借条，询问如何主张", "借款到期未还，咨询诉讼时效" },
            Category.NEIGHBOUR_FRICTION, new String[] { "相邻摊位占道经营引发口角", "夜市油烟和噪音影响楼上居民休息" },
            Category.CONSUMER, new String[] { "所购商品有质量问题，商家拒绝退货", "预付卡消费后商家关门" },
            Category.LABOUR, new String[] { "外卖骑手被平台扣款，咨询劳动关系认定", "帮工收摊时受伤，询问赔偿责任" },
            Category.FAMILY, new String[] { "离婚后子女抚养费迟迟不付", "兄弟姐妹之间赡养费用分担" },
            Category.TENANCY, new String[] { "摊位租金合同未到期被要求涨价", "退租后押金不退" },
            Category.OTHER, new String[] { "咨询个体工商户登记手续", "电动车被盗后保险理赔" });

    @Reference
    private ModuleDatabase database;

    @Reference
    private LawyerRoster roster;

    @Override
    public void load() {
        Random random = new Random(20261204L);
        ZoneId zone = NightMarket.DEFAULT_ZONE;
        LocalDate today = LocalDate.now(zone);
        YearMonth current = YearMonth.from(today);
        List<YearMonth> months = List.of(current.minusMonths(1), current, current.plusMonths(1));

        Market.Details dongjie = new Market.Details("宜宾东街夜市", "翠屏区东街夜市北入口法律服务点", "宜宾市/翠屏区", zone,
                List.of(WeeklyWindow.parse("Fri 19:00-21:30"), WeeklyWindow.parse("Sat 19:00-21:30")), Set.of());
        Market.Details yulin = new Market.Details("成都玉林夜市", "武侯区玉林西路夜市口法律服务点", "成都市/武侯区", zone,
                List.of(WeeklyWindow.parse("Wed 19:00-21:30"), WeeklyWindow.parse("Sat 19:00-21:30")), Set.of());

        // Plan the evenings first, so the roster can staff both markets at once: one lawyer is never at two stalls.
        record Evening(int market, StallSchedule.Evening when) {
        }
        List<Evening> evenings = new ArrayList<>();
        List<Market.Details> markets = List.of(dongjie, yulin);
        for (int m = 0; m < markets.size(); m++) {
            for (YearMonth month : months) {
                for (StallSchedule.Evening when : StallSchedule.evenings(markets.get(m).hours(), month, month.atDay(1))) {
                    evenings.add(new Evening(m, when));
                }
            }
        }
        // A storm warning closed Dongjie on one past Saturday.
        int storm = -1;
        for (int i = 0; i < evenings.size() && storm < 0; i++) {
            if (evenings.get(i).market() == 0 && evenings.get(i).when().date().isBefore(today.minusDays(7))
                    && evenings.get(i).when().date().getDayOfWeek() == java.time.DayOfWeek.SATURDAY) {
                storm = i;
            }
        }
        List<RotaSession> toStaff = new ArrayList<>();
        for (int i = 0; i < evenings.size(); i++) {
            StallSchedule.Evening when = evenings.get(i).when();
            toStaff.add(new RotaSession("evening-" + i, when.date().atTime(when.start()), when.date().atTime(when.end()),
                    markets.get(evenings.get(i).market()).name(), Set.of()));
        }
        Map<Integer, LawyerSummary> onDuty = rota(toStaff, storm);

        int stormEvening = storm;
        database.execute(em -> {
            List<Market> saved = new ArrayList<>();
            for (Market.Details details : markets) {
                Market market = new Market(details);
                em.persist(market);
                saved.add(market);
            }
            for (int i = 0; i < evenings.size(); i++) {
                Evening evening = evenings.get(i);
                Market market = saved.get(evening.market());
                StallSchedule.Evening when = evening.when();
                MarketSession session = new MarketSession(market, when.date(), when.start(), when.end(),
                        when.date().getDayOfMonth() <= 7 && when.date().getDayOfWeek() == java.time.DayOfWeek.SATURDAY ? "以案说法·法治小剧场" : null);
                em.persist(session);
                LawyerSummary lawyer = onDuty.get(i);
                if (lawyer != null) {
                    em.persist(new DutyAssignment(session, lawyer, Source.ROTA, null, BY));
                }
                if (i == stormEvening) {
                    session.cancel("暴雨预警，夜市暂停营业");
                    continue;
                }
                if (!when.date().isBefore(today)) {
                    continue;
                }
                session.close();
                int visitors = 2 + random.nextInt(7);
                for (int v = 0; v < visitors; v++) {
                    Category category = category(random);
                    Outcome outcome = outcome(random);
                    String[] summaries = SUMMARIES.get(category);
                    String contact = random.nextInt(6) == 0 ? "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)) : null;
                    LocalDate due = outcome == Outcome.FOLLOW_UP || (outcome.name().startsWith("REFERRED") && random.nextBoolean())
                            ? when.date().plusDays(7 + random.nextInt(8)) : null;
                    Consultation consultation = new Consultation(session, lawyer == null ? null : lawyer.id(),
                            new Consultation.Details(category, visitor(random), summaries[random.nextInt(summaries.length)], outcome, contact, due),
                            when.date().atTime(when.start().plusMinutes(10L + v * 15L)).atZone(zone).toOffsetDateTime(), BY);
                    // Most follow-ups that fell due were made; a few are overdue, as in any real month.
                    if (due != null && due.isBefore(today) && random.nextInt(4) != 0) {
                        consultation.recordFollowUp(due, outcome == Outcome.FOLLOW_UP ? "已电话回访，双方已按调解协议履行" : "已协助当事人提交申请材料");
                    }
                    em.persist(consultation);
                }
            }
        });
    }

    /** The roster's rota for the evenings (the stormy one left out); a roster without lawyers leaves every evening unfilled. */
    private Map<Integer, LawyerSummary> rota(List<RotaSession> sessions, int storm) {
        Map<Integer, LawyerSummary> onDuty = new HashMap<>();
        List<RotaSession> wanted = new ArrayList<>(sessions);
        if (storm >= 0) {
            wanted.remove(storm);
        }
        Rota rota = roster.rota(wanted, DutyRota.DEFAULT_MAX_PER_MONTH);
        Map<Long, Optional<LawyerSummary>> lawyers = new HashMap<>();
        for (Rota.Assignment assignment : rota.assignments()) {
            lawyers.computeIfAbsent(assignment.lawyerId(), roster::lawyer).ifPresent(lawyer ->
                    onDuty.put(Integer.parseInt(assignment.sessionKey().substring("evening-".length())), lawyer));
        }
        return onDuty;
    }

    private static Category category(Random random) {
        int roll = random.nextInt(100);
        return roll < 30 ? Category.PAYMENT_DISPUTE : roll < 50 ? Category.LOAN_DISPUTE : roll < 64 ? Category.NEIGHBOUR_FRICTION
                : roll < 78 ? Category.CONSUMER : roll < 86 ? Category.LABOUR : roll < 91 ? Category.FAMILY : roll < 97 ? Category.TENANCY
                : Category.OTHER;
    }

    private static Outcome outcome(Random random) {
        int roll = random.nextInt(100);
        return roll < 52 ? Outcome.ANSWERED : roll < 72 ? Outcome.SETTLED : roll < 80 ? Outcome.REFERRED_LEGAL_AID_CENTRE
                : roll < 86 ? Outcome.REFERRED_MEDIATION_COMMITTEE : roll < 90 ? Outcome.REFERRED_COURT : Outcome.FOLLOW_UP;
    }

    private static Visitor visitor(Random random) {
        int roll = random.nextInt(100);
        return roll < 40 ? Visitor.STALL_HOLDER : roll < 65 ? Visitor.RESIDENT : roll < 85 ? Visitor.CUSTOMER : Visitor.WORKER;
    }

}
