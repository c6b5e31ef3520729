package org.district.plugins.lawyerroster.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.Rota.Assignment;
import org.district.plugins.lawyerroster.api.Rota.Unfilled;
import org.district.plugins.lawyerroster.api.RotaSession;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Rules every rota must keep, over random months of evening sessions and random rosters. */
class RotaPlannerProperties {

    private static final YearMonth MONTH = YearMonth.of(2026, 12);
    /** Few specialties, so that sessions and lawyers often match and often just miss. */
    private static final Specialty[] SPECIALTIES = {Specialty.CONTRACT, Specialty.DEBT, Specialty.CONSUMER, Specialty.LABOUR};

    /** One planning problem; the lists are in generated order, which the planner must not depend on. */
    record Layout(List<RotaSession> sessions, List<Candidate> candidates, int maxPerMonth) {

        Rota plan() {
            return RotaPlanner.plan(sessions, candidates, maxPerMonth);
        }

        Map<String, RotaSession> sessionsByKey() {
            return sessions.stream().collect(Collectors.toMap(RotaSession::key, Function.identity()));
        }

        Map<Long, Candidate> candidatesById() {
            return candidates.stream().collect(Collectors.toMap(Candidate::lawyerId, Function.identity()));
        }
    }

    @Property(tries = 200)
    void assignedLawyersAreAvailableAndHaveEveryRequiredSpecialty(@ForAll("layouts") Layout layout) {
        Rota rota = layout.plan();
        Map<String, RotaSession> sessions = layout.sessionsByKey();
        Map<Long, Candidate> lawyers = layout.candidatesById();
        for (Assignment assignment : rota.assignments()) {
            RotaSession session = sessions.get(assignment.sessionKey());
            Candidate lawyer = lawyers.get(assignment.lawyerId());
            assertTrue(available(lawyer, session), () -> lawyer + " is not available for " + session);
            assertTrue(lawyer.specialties().containsAll(session.requiredSpecialties()), () -> lawyer + " lacks a specialty for " + session);
            assertEquals(lawyer.name(), assignment.lawyerName());
        }
    }

    @Property(tries = 200)
    void noLawyerIsOnDutyTwiceAtOverlappingTimes(@ForAll("layouts") Layout layout) {
        Rota rota = layout.plan();
        Map<String, RotaSession> sessions = layout.sessionsByKey();
        Map<Long, List<RotaSession>> duties = dutiesByLawyer(rota, sessions);
        duties.forEach((lawyerId, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    RotaSession a = list.get(i);
                    RotaSession b = list.get(j);
                    assertFalse(overlap(a, b), () -> "lawyer " + lawyerId + " is on duty at " + a + " and " + b);
                }
            }
        });
    }

    @Property(tries = 200)
    void theMonthlyMaximumIsNeverExceeded(@ForAll("layouts") Layout layout) {
        Rota rota = layout.plan();
        Map<String, RotaSession> sessions = layout.sessionsByKey();
        Map<Long, Candidate> lawyers = layout.candidatesById();
        dutiesByLawyer(rota, sessions).forEach((lawyerId, list) -> {
            Map<YearMonth, Long> perMonth = list.stream().collect(Collectors.groupingBy(session -> YearMonth.from(session.start()), Collectors.counting()));
            perMonth.forEach((month, count) -> {
                int served = lawyers.get(lawyerId).dutiesServed().getOrDefault(month, 0);
                assertTrue(served + count <= layout.maxPerMonth(),
                        () -> "lawyer " + lawyerId + " has " + served + " + " + count + " duties in " + month + ", over " + layout.maxPerMonth());
            });
        });
    }

    @Property(tries = 200)
    void everySessionIsEitherAssignedOrUnfilledExactlyOnce(@ForAll("layouts") Layout layout) {
        Rota rota = layout.plan();
        List<String> reported = new ArrayList<>();
        rota.assignments().forEach(assignment -> reported.add(assignment.sessionKey()));
        rota.unfilled().forEach(unfilled -> reported.add(unfilled.sessionKey()));
        Collections.sort(reported);
        List<String> expected = layout.sessions().stream().map(RotaSession::key).sorted().toList();
        assertEquals(expected, reported);
        rota.unfilled().forEach(unfilled -> assertFalse(unfilled.reason().isBlank()));
    }

    @Property(tries = 200)
    void theSameInputShuffledGivesTheSameRota(@ForAll("layouts") Layout layout, @ForAll long seed) {
        Random random = new Random(seed);
        List<RotaSession> sessions = new ArrayList<>(layout.sessions());
        List<Candidate> candidates = new ArrayList<>(layout.candidates());
        Collections.shuffle(sessions, random);
        Collections.shuffle(candidates, random);
        assertEquals(layout.plan(), RotaPlanner.plan(sessions, candidates, layout.maxPerMonth()));
    }

    @Property(tries = 200)
    void noUnfilledSessionHasALawyerWhoCouldStillTakeIt(@ForAll("layouts") Layout layout) {
        Rota rota = layout.plan();
        Map<String, RotaSession> sessions = layout.sessionsByKey();
        Map<Long, List<RotaSession>> duties = dutiesByLawyer(rota, sessions);
        for (Unfilled unfilled : rota.unfilled()) {
            RotaSession session = sessions.get(unfilled.sessionKey());
            YearMonth month = YearMonth.from(session.start());
            for (Candidate lawyer : layout.candidates()) {
                List<RotaSession> own = duties.getOrDefault(lawyer.lawyerId(), List.of());
                long inMonth = own.stream().filter(duty -> YearMonth.from(duty.start()).equals(month)).count();
                boolean couldTake = available(lawyer, session)
                        && lawyer.specialties().containsAll(session.requiredSpecialties())
                        && own.stream().noneMatch(duty -> overlap(duty, session))
                        && lawyer.dutiesServed().getOrDefault(month, 0) + inMonth < layout.maxPerMonth();
                assertFalse(couldTake, () -> "lawyer " + lawyer.lawyerId() + " could still take " + session.key() + ": " + unfilled.reason());
            }
        }
    }

    @Property(tries = 200)
    void theRotaListsSessionsByStartThenKey(@ForAll("layouts") Layout layout) {
        Rota rota = layout.plan();
        Map<String, RotaSession> sessions = layout.sessionsByKey();
        Comparator<String> byStartThenKey = Comparator.<String, LocalDateTime>comparing(key -> sessions.get(key).start()).thenComparing(key -> key);
        List<String> assigned = rota.assignments().stream().map(Assignment::sessionKey).toList();
        List<String> unfilled = rota.unfilled().stream().map(Unfilled::sessionKey).toList();
        assertEquals(assigned.stream().sorted(byStartThenKey).toList(), assigned);
        assertEquals(unfilled.stream().sorted(byStartThenKey).toList(), unfilled);
    }

    // ---- generators

    @Provide
    Arbitrary<Layout> layouts() {
        Arbitrary<List<RotaSession>> sessions = session().list().ofMaxSize(24).map(RotaPlannerProperties::withKeys);
        Arbitrary<List<Candidate>> candidates = candidate().list().ofMaxSize(12).map(RotaPlannerProperties::withIds);
        return Combinators.combine(sessions, candidates, Arbitraries.integers().between(1, 3)).as(Layout::new);
    }

    /** An evening session in the month, starting on the hour or half hour, at most until midnight. */
    private Arbitrary<RotaSession> session() {
        return Combinators.combine(
                Arbitraries.integers().between(1, MONTH.lengthOfMonth()),
                Arbitraries.integers().between(32, 46),
                Arbitraries.integers().between(1, 6),
                specialties(2)).as((day, startHalfHour, halfHours, needs) -> {
                    LocalDateTime start = MONTH.atDay(day).atStartOfDay().plusMinutes(30L * startHalfHour);
                    LocalDateTime midnight = MONTH.atDay(day).plusDays(1).atStartOfDay();
                    LocalDateTime end = start.plusMinutes(30L * halfHours);
                    return new RotaSession("unnamed", start, end.isAfter(midnight) ? midnight : end, "Night market", needs);
                });
    }

    private Arbitrary<Candidate> candidate() {
        Arbitrary<WeeklyWindow> window = Combinators.combine(
                Arbitraries.of(DayOfWeek.class),
                Arbitraries.integers().between(15, 22),
                Arbitraries.integers().between(1, 6)).as((day, from, hours) -> new WeeklyWindow(day, LocalTime.of(from, 0),
                        from + hours >= 24 ? LocalTime.MAX : LocalTime.of(from + hours, 0)));
        Arbitrary<Map<YearMonth, Integer>> served = Arbitraries.integers().between(0, 2)
                .map(count -> count == 0 ? Map.<YearMonth, Integer>of() : Map.of(MONTH, count, MONTH.minusMonths(1), 5));
        return Combinators.combine(specialties(3), window.list().ofMinSize(1).ofMaxSize(3), served)
                .as((specialties, windows, duties) -> new Candidate(0, "unnamed", specialties, windows, duties));
    }

    private static Arbitrary<Set<Specialty>> specialties(int most) {
        return Arbitraries.of(SPECIALTIES).set().ofMaxSize(most);
    }

    private static List<RotaSession> withKeys(List<RotaSession> sessions) {
        List<RotaSession> keyed = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            RotaSession session = sessions.get(i);
            keyed.add(new RotaSession("stall-" + i, session.start(), session.end(), session.place(), session.requiredSpecialties()));
        }
        return keyed;
    }

    private static List<Candidate> withIds(List<Candidate> candidates) {
        List<Candidate> numbered = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            // Ids out of step with list positions, so that nothing can lean on the generated order.
            long id = 100 + (i * 37L) % 101;
            numbered.add(new Candidate(id, "Lawyer " + id, candidate.specialties(), candidate.availability(), candidate.dutiesServed()));
        }
        return numbered;
    }

    // ---- rules as the properties state them, independent of the planner's own code

    private static boolean available(Candidate lawyer, RotaSession session) {
        return lawyer.availability().stream().anyMatch(window -> window.covers(session.start(), session.end()));
    }

    private static boolean overlap(RotaSession a, RotaSession b) {
        return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }

    private static Map<Long, List<RotaSession>> dutiesByLawyer(Rota rota, Map<String, RotaSession> sessions) {
        Map<Long, List<RotaSession>> duties = new HashMap<>();
        rota.assignments().forEach(assignment -> duties.computeIfAbsent(assignment.lawyerId(), id -> new ArrayList<>())
                .add(sessions.get(assignment.sessionKey())));
        return duties;
    }
}
