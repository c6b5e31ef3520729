package org.district.benchmarks.jmh;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.RotaSession;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.district.plugins.lawyerroster.rota.Candidate;
import org.district.plugins.lawyerroster.rota.RotaPlanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The lawyer roster's duty rota ({@link RotaPlanner#plan}) for a month of night markets: 200 stall
 * sessions and 300 volunteer lawyers with their specialties, weekly availability and duties served,
 * generated from a fixed seed, at most three duties per lawyer a month.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RotaPlannerBenchmark {

    private static final YearMonth MONTH = YearMonth.of(2026, 12);
    private static final int SESSIONS = 200;
    private static final int LAWYERS = 300;
    private static final int MAX_PER_MONTH = 3;
    private static final String[] MARKETS = {
        "Riverside night market", "Old Town night market", "East Gate food street", "Harbour night bazaar",
        "University Road market", "Station Square stalls", "Lantern Lane market", "North Bridge fair" };
    /** Night-market questions are mostly about sales, money owed and work; the rest are rarer. */
    private static final Specialty[] COMMON_NEEDS = {
        Specialty.CONSUMER, Specialty.CONSUMER, Specialty.CONSUMER, Specialty.CONTRACT, Specialty.CONTRACT,
        Specialty.DEBT, Specialty.DEBT, Specialty.LABOUR, Specialty.LABOUR, Specialty.TENANCY, Specialty.FAMILY, Specialty.TRAFFIC };

    private List<RotaSession> sessions;
    private List<Candidate> candidates;

    @Setup
    public void generate() {
        Random random = new Random(20261201L);
        sessions = sessions(random);
        candidates = candidates(random);
    }

    @Benchmark
    public Rota planMonth() {
        return RotaPlanner.plan(sessions, candidates, MAX_PER_MONTH);
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
}
