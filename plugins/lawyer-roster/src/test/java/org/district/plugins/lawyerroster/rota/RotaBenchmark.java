package org.district.plugins.lawyerroster.rota;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.RotaSession;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;

/**
 * Times {@link RotaPlanner#plan} on a month of night markets: 200 stall sessions and 300 volunteer
 * lawyers, generated from a fixed seed so runs compare. Run its {@code main} from the test
 * classpath; it is not a test.
 */
public final class RotaBenchmark {

    private static final YearMonth MONTH = YearMonth.of(2026, 12);
    private static final int SESSIONS = 200;
    private static final int LAWYERS = 300;
    private static final int MAX_PER_MONTH = 3;
    private static final int WARM_UP_RUNS = 20;
    private static final int MEASURED_RUNS = 30;

    private static final String[] MARKETS = {
        "Riverside night market", "Old Town night market", "East Gate food street", "Harbour night bazaar",
        "University Road market", "Station Square stalls", "Lantern Lane market", "North Bridge fair"};
    /** Night-market questions are mostly about sales, money owed and work; the rest are rarer. */
    private static final Specialty[] COMMON_NEEDS = {
        Specialty.CONSUMER, Specialty.CONSUMER, Specialty.CONSUMER, Specialty.CONTRACT, Specialty.CONTRACT,
        Specialty.DEBT, Specialty.DEBT, Specialty.LABOUR, Specialty.LABOUR, Specialty.TENANCY, Specialty.FAMILY, Specialty.TRAFFIC};

    private RotaBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(20261201L);
        List<RotaSession> sessions = sessions(random);
        List<Candidate> candidates = candidates(random);

        for (int run = 0; run < WARM_UP_RUNS; run++) {
            RotaPlanner.plan(sessions, candidates, MAX_PER_MONTH);
        }
        double[] millis = new double[MEASURED_RUNS];
        Rota rota = null;
        for (int run = 0; run < MEASURED_RUNS; run++) {
            long started = System.nanoTime();
            rota = RotaPlanner.plan(sessions, candidates, MAX_PER_MONTH);
            millis[run] = (System.nanoTime() - started) / 1_000_000.0;
        }
        Arrays.sort(millis);

        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
        System.out.printf(Locale.ROOT, "input: %d sessions in %s, %d lawyers, at most %d duties per lawyer per month%n",
                sessions.size(), MONTH, candidates.size(), MAX_PER_MONTH);
        System.out.printf(Locale.ROOT, "plan(): median %.2f ms, p90 %.2f ms, min %.2f ms, max %.2f ms over %d runs after %d warm-up runs%n",
                percentile(millis, 50), percentile(millis, 90), millis[0], millis[millis.length - 1], MEASURED_RUNS, WARM_UP_RUNS);
        System.out.printf(Locale.ROOT, "result: %d filled, %d unfilled%n", rota.assignments().size(), rota.unfilled().size());
        Map<String, Integer> reasons = new TreeMap<>();
        rota.unfilled().forEach(unfilled -> reasons.merge(unfilled.reason(), 1, Integer::sum));
        reasons.forEach((reason, count) -> System.out.printf(Locale.ROOT, "  unfilled %dx: %s%n", count, reason));
        System.out.printf(Locale.ROOT, "fairness: duties in %s (served before + this rota) range %s among lawyers who could serve%n",
                MONTH, dutyRange(rota, sessions, candidates));
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static List<RotaSession> sessions(Random random) {
        List<RotaSession> sessions = new ArrayList<>();
        int days = MONTH.lengthOfMonth();
        for (int i = 0; i < SESSIONS; i++) {
            LocalDate date = MONTH.atDay(1 + random.nextInt(days));
            boolean weekend = date.getDayOfWeek() == DayOfWeek.FRIDAY || date.getDayOfWeek() == DayOfWeek.SATURDAY;
            int startHour = weekend ? 17 + random.nextInt(5) : 18 + random.nextInt(3);
            int minutes = 120 + 60 * random.nextInt(2);
            LocalDateTime start = date.atTime(startHour, random.nextBoolean() ? 0 : 30);
            LocalDateTime end = start.plusMinutes(minutes);
            if (end.isAfter(date.plusDays(1).atStartOfDay())) {
                end = date.plusDays(1).atStartOfDay();
            }
            Set<Specialty> needs = EnumSet.noneOf(Specialty.class);
            double draw = random.nextDouble();
            int needed = draw < 0.4 ? 0 : draw < 0.85 ? 1 : 2;
            while (needs.size() < needed) {
                needs.add(COMMON_NEEDS[random.nextInt(COMMON_NEEDS.length)]);
            }
            String market = MARKETS[random.nextInt(MARKETS.length)];
            String key = String.format(Locale.ROOT, "%s-%s-%02d", date, market.toLowerCase(Locale.ROOT).replace(' ', '-'), i);
            sessions.add(new RotaSession(key, start, end, market, needs));
        }
        return sessions;
    }

    private static List<Candidate> candidates(Random random) {
        List<Candidate> candidates = new ArrayList<>();
        Specialty[] all = Specialty.values();
        for (int i = 0; i < LAWYERS; i++) {
            Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
            int count = 1 + random.nextInt(4);
            while (specialties.size() < count) {
                // Half the picks follow what markets need, half the whole catalogue, as in a real roster.
                specialties.add(random.nextBoolean() ? COMMON_NEEDS[random.nextInt(COMMON_NEEDS.length)] : all[random.nextInt(all.length)]);
            }
            List<WeeklyWindow> windows = new ArrayList<>();
            int windowCount = 1 + random.nextInt(4);
            for (int w = 0; w < windowCount; w++) {
                DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
                int from = 16 + random.nextInt(5);
                int to = Math.min(24, from + 3 + random.nextInt(4));
                windows.add(new WeeklyWindow(day, LocalTime.of(from, 0), to == 24 ? LocalTime.MAX : LocalTime.of(to, 0)));
            }
            Map<YearMonth, Integer> served = new HashMap<>();
            if (random.nextDouble() < 0.3) {
                served.put(MONTH, 1 + random.nextInt(2));
            }
            if (random.nextDouble() < 0.5) {
                served.put(MONTH.minusMonths(1), random.nextInt(4));
            }
            candidates.add(new Candidate(1000 + i, "Lawyer " + (1000 + i), specialties, windows, served));
        }
        return candidates;
    }

    private static String dutyRange(Rota rota, List<RotaSession> sessions, List<Candidate> candidates) {
        Map<Long, Integer> rotaDuties = new HashMap<>();
        rota.assignments().forEach(assignment -> rotaDuties.merge(assignment.lawyerId(), 1, Integer::sum));
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        for (Candidate candidate : candidates) {
            boolean couldServe = sessions.stream().anyMatch(session -> candidate.specialties().containsAll(session.requiredSpecialties())
                    && candidate.availability().stream().anyMatch(window -> window.covers(session.start(), session.end())));
            if (couldServe) {
                int duties = candidate.dutiesServed().getOrDefault(MONTH, 0) + rotaDuties.getOrDefault(candidate.lawyerId(), 0);
                lowest = Math.min(lowest, duties);
                highest = Math.max(highest, duties);
            }
        }
        return lowest + ".." + highest;
    }
}
