package org.district.plugins.lawyerroster.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.Rota.Assignment;
import org.district.plugins.lawyerroster.api.Rota.Unfilled;
import org.district.plugins.lawyerroster.api.RotaSession;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.junit.jupiter.api.Test;

class RotaPlannerTest {

    /** December 2026: the 4th is a Friday, the 5th a Saturday. */
    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);
    private static final LocalDate SATURDAY = FRIDAY.plusDays(1);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private static final Set<Specialty> NONE = Set.of();
    private static final Set<Specialty> CONSUMER = Set.of(Specialty.CONSUMER);
    private static final Set<Specialty> CONTRACT = Set.of(Specialty.CONTRACT);
    private static final Set<Specialty> DEBT = Set.of(Specialty.DEBT);

    @Test
    void handMadeLayoutGivesTheExpectedRota() {
        Candidate alice = lawyer(1, "Alice", Set.of(Specialty.CONTRACT, Specialty.CONSUMER), "Fri 18:00-23:00", "Sat 18:00-23:00");
        Candidate bo = lawyer(2, "Bo", CONSUMER, "Fri 18:00-22:00");
        Candidate chen = lawyer(3, "Chen", Set.of(Specialty.DEBT, Specialty.CONTRACT), "Sat 17:00-24:00");
        List<RotaSession> sessions = List.of(
                session("sat-open", SATURDAY, "20:00", "22:00", NONE),
                session("fri-consumer", FRIDAY, "19:00", "21:00", CONSUMER),
                session("sat-debt", SATURDAY, "19:00", "21:00", DEBT),
                session("fri-contract", FRIDAY, "19:30", "21:30", CONTRACT));

        Rota rota = RotaPlanner.plan(sessions, List.of(chen, alice, bo), 4);

        // Only Alice can do the Friday contract session and only Chen the Saturday debt one, so those go
        // first; Bo takes the clashing Friday consumer session; Chen is busy at 20:00 on Saturday, Alice is not.
        assertEquals(List.of(
                new Assignment("fri-consumer", 2, "Bo"),
                new Assignment("fri-contract", 1, "Alice"),
                new Assignment("sat-debt", 3, "Chen"),
                new Assignment("sat-open", 1, "Alice")), rota.assignments());
        assertEquals(List.of(), rota.unfilled());
    }

    @Test
    void onlyLawyersAvailableAtThatTimeAreAssigned() {
        Candidate fridays = lawyer(1, "Fridays", NONE, "Fri 18:00-22:00");
        Candidate saturdays = lawyer(2, "Saturdays", NONE, "Sat 18:00-22:00");
        List<RotaSession> sessions = List.of(
                session("fri", FRIDAY, "18:00", "22:00", NONE),
                session("sat", SATURDAY, "19:00", "21:00", NONE),
                session("fri-late", FRIDAY.plusWeeks(1), "21:00", "23:00", NONE));

        Rota rota = RotaPlanner.plan(sessions, List.of(fridays, saturdays), 5);

        assertEquals(Map.of("fri", 1L, "sat", 2L), lawyerBySession(rota));
        assertEquals(List.of(new Unfilled("fri-late", "no lawyer is available Fri 21:00-23:00")), rota.unfilled());
    }

    @Test
    void aLawyerNeedsEveryRequiredSpecialty() {
        Candidate contractOnly = lawyer(1, "Contract only", CONTRACT, "Fri 18:00-22:00");
        Candidate debtOnly = lawyer(2, "Debt only", DEBT, "Fri 18:00-22:00");
        Candidate both = lawyer(3, "Both", EnumSet.of(Specialty.CONTRACT, Specialty.DEBT, Specialty.FAMILY), "Fri 18:00-22:00");
        RotaSession session = session("loan-contracts", FRIDAY, "19:00", "21:00", Set.of(Specialty.CONTRACT, Specialty.DEBT));

        assertEquals(Map.of("loan-contracts", 3L), lawyerBySession(RotaPlanner.plan(List.of(session), List.of(contractOnly, debtOnly, both), 2)));

        Rota without = RotaPlanner.plan(List.of(session), List.of(contractOnly, debtOnly), 2);
        assertEquals(List.of(new Unfilled("loan-contracts", "no active lawyer has all of the specialties contract, debt")), without.unfilled());
    }

    @Test
    void noLawyerIsOnDutyTwiceAtOverlappingTimesButBackToBackIsFine() {
        Candidate only = lawyer(1, "Only", NONE, "Fri 17:00-24:00");
        List<RotaSession> sessions = List.of(
                session("early", FRIDAY, "18:00", "20:00", NONE),
                session("clash", FRIDAY, "19:30", "21:00", NONE),
                session("after", FRIDAY, "20:00", "22:00", NONE),
                session("last", FRIDAY, "22:00", "24:00", NONE));

        Rota rota = RotaPlanner.plan(sessions, List.of(only), 10);

        assertEquals(Map.of("early", 1L, "after", 1L, "last", 1L), lawyerBySession(rota));
        assertEquals(List.of(new Unfilled("clash", "every lawyer available then is already on duty at another session at that time")),
                rota.unfilled());
    }

    @Test
    void theMonthlyMaximumCountsDutiesAlreadyServedInThatMonthOnly() {
        Candidate busyDecember = new Candidate(1, "Busy December", NONE, windows("Fri 18:00-22:00"),
                Map.of(DECEMBER, 1, DECEMBER.minusMonths(1), 7));
        List<RotaSession> sessions = List.of(
                session("nov-27", LocalDate.of(2026, 11, 27), "19:00", "21:00", NONE),
                session("dec-04", FRIDAY, "19:00", "21:00", NONE),
                session("dec-11", FRIDAY.plusWeeks(1), "19:00", "21:00", NONE),
                session("dec-18", FRIDAY.plusWeeks(2), "19:00", "21:00", NONE));

        Rota rota = RotaPlanner.plan(sessions, List.of(busyDecember), 2);

        // November's seven duties exceed the maximum already, December has room for one more.
        assertEquals(Map.of("dec-04", 1L), lawyerBySession(rota));
        String full = "every lawyer available then has reached the maximum of 2 duties in ";
        assertEquals(List.of(
                new Unfilled("nov-27", full + "2026-11"),
                new Unfilled("dec-11", full + "2026-12"),
                new Unfilled("dec-18", full + "2026-12")), rota.unfilled());
    }

    @Test
    void theMaximumIsPerMonth() {
        Candidate only = lawyer(1, "Only", NONE, "Fri 18:00-22:00", "Thu 18:00-22:00");
        List<RotaSession> sessions = List.of(
                session("nov", LocalDate.of(2026, 11, 27), "19:00", "21:00", NONE),
                session("dec", FRIDAY, "19:00", "21:00", NONE),
                session("dec-thu", FRIDAY.plusDays(6), "19:00", "21:00", NONE));

        Rota rota = RotaPlanner.plan(sessions, List.of(only), 1);

        assertEquals(Map.of("nov", 1L, "dec", 1L), lawyerBySession(rota));
        assertEquals(List.of(new Unfilled("dec-thu", "every lawyer available then has reached the maximum of 1 duties in 2026-12")), rota.unfilled());
    }

    @Test
    void fourLawyersAvailableForEightSessionsServeTwoEach() {
        List<Candidate> lawyers = new ArrayList<>();
        for (int id = 1; id <= 4; id++) {
            lawyers.add(lawyer(id, "Lawyer " + id, NONE, "Fri 18:00-22:00", "Sat 18:00-22:00"));
        }
        List<RotaSession> sessions = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            sessions.add(session("fri-" + week, FRIDAY.plusWeeks(week), "19:00", "21:00", NONE));
            sessions.add(session("sat-" + week, SATURDAY.plusWeeks(week), "19:00", "21:00", NONE));
        }

        Rota rota = RotaPlanner.plan(sessions, lawyers, 5);

        assertEquals(8, rota.assignments().size());
        assertEquals(Map.of(1L, 2L, 2L, 2L, 3L, 2L, 4L, 2L), dutiesPerLawyer(rota));
    }

    @Test
    void dutiesAlreadyServedCountTowardsFairness() {
        Candidate veteran = new Candidate(1, "Veteran", NONE, windows("Fri 18:00-22:00"), Map.of(DECEMBER, 2));
        Candidate second = lawyer(2, "Second", NONE, "Fri 18:00-22:00");
        Candidate third = lawyer(3, "Third", NONE, "Fri 18:00-22:00");
        List<RotaSession> sessions = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            sessions.add(session("fri-" + week, FRIDAY.plusWeeks(week), "19:00", "21:00", NONE));
        }

        Rota rota = RotaPlanner.plan(sessions, List.of(veteran, second, third), 5);

        assertEquals(Map.of(2L, 2L, 3L, 2L), dutiesPerLawyer(rota));
    }

    @Test
    void dutiesAreShiftedAlongAChainWhenNoDirectMoveEvensThemOut() {
        // Ben and Cai share the early-week sessions, which come first; Ann then takes all three late-week
        // ones. Cai cannot help Ann directly: Ben has to take a late-week session and pass one to Cai.
        Candidate ann = lawyer(1, "Ann", NONE, "Thu 18:00-22:00", "Fri 18:00-22:00", "Sat 18:00-22:00");
        Candidate ben = lawyer(2, "Ben", NONE, "Mon 18:00-22:00", "Tue 18:00-22:00", "Wed 18:00-22:00",
                "Thu 18:00-22:00", "Fri 18:00-22:00", "Sat 18:00-22:00");
        Candidate cai = lawyer(3, "Cai", NONE, "Mon 18:00-22:00", "Tue 18:00-22:00", "Wed 18:00-22:00");
        LocalDate monday = LocalDate.of(2026, 12, 7);
        List<RotaSession> sessions = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            sessions.add(session("day-" + day, monday.plusDays(day), "19:00", "21:00", NONE));
        }

        Rota rota = RotaPlanner.plan(sessions, List.of(ann, ben, cai), 5);

        assertEquals(6, rota.assignments().size());
        assertEquals(Map.of(1L, 2L, 2L, 2L, 3L, 2L), dutiesPerLawyer(rota));
    }

    @Test
    void aSessionIsFilledByPassingAnotherDutyOn() {
        // Fay alone handles the debt session, so she goes first; Dan then gets the early session by id and
        // is busy for the late one. Filling it means Dan hands the early session to Eve.
        Candidate dan = lawyer(1, "Dan", NONE, "Fri 18:00-23:00");
        Candidate eve = lawyer(2, "Eve", NONE, "Fri 18:00-21:00");
        Candidate fay = lawyer(3, "Fay", DEBT, "Fri 20:00-23:00");
        List<RotaSession> sessions = List.of(
                session("early", FRIDAY, "19:00", "21:00", NONE),
                session("late", FRIDAY, "20:00", "22:00", NONE),
                session("debt", FRIDAY, "21:00", "23:00", DEBT));

        Rota rota = RotaPlanner.plan(sessions, List.of(dan, eve, fay), 5);

        assertEquals(Map.of("early", 2L, "late", 1L, "debt", 3L), lawyerBySession(rota));
    }

    @Test
    void unfilledWhenNoLawyerWithTheSpecialtiesIsAvailableThen() {
        Candidate saturdays = lawyer(1, "Saturdays", DEBT, "Sat 18:00-22:00");
        Candidate fridays = lawyer(2, "Fridays without debt", CONTRACT, "Fri 18:00-22:00");
        List<RotaSession> sessions = List.of(
                session("fri-debt", FRIDAY, "19:00", "21:00", DEBT),
                session("sat-late", SATURDAY, "22:00", "24:00", DEBT));

        Rota rota = RotaPlanner.plan(sessions, List.of(saturdays, fridays), 3);

        assertEquals(List.of(
                new Unfilled("fri-debt", "no lawyer with those specialties is available Fri 19:00-21:00"),
                new Unfilled("sat-late", "no lawyer with those specialties is available Sat 22:00-24:00")), rota.unfilled());
    }

    @Test
    void unfilledWhenEveryoneAvailableIsBusyOrAtTheMaximum() {
        Candidate first = lawyer(1, "First", NONE, "Fri 18:00-22:00");
        Candidate second = new Candidate(2, "Second", NONE, windows("Fri 18:00-22:00"), Map.of(DECEMBER, 2));
        List<RotaSession> sessions = List.of(
                session("taken", FRIDAY, "19:00", "21:00", NONE),
                session("clash", FRIDAY, "20:00", "22:00", NONE));

        Rota rota = RotaPlanner.plan(sessions, List.of(first, second), 2);

        // First is on duty at the clashing time; Second has served both duties December allows.
        assertEquals(Map.of("taken", 1L), lawyerBySession(rota));
        assertEquals(List.of(new Unfilled("clash", "every lawyer available then is either already on duty at another session at that time"
                + " or has reached the maximum of 2 duties in 2026-12")), rota.unfilled());
    }

    @Test
    void unfilledWhenThereAreNoLawyersAtAll() {
        Rota rota = RotaPlanner.plan(List.of(session("open", FRIDAY, "19:00", "21:00", NONE),
                session("needs-debt", FRIDAY, "19:00", "21:00", Set.of(Specialty.DEBT))), List.of(), 1);

        assertEquals(List.of(
                new Unfilled("needs-debt", "no active lawyer has all of the specialties debt"),
                new Unfilled("open", "no lawyer is available Fri 19:00-21:00")), rota.unfilled());
    }

    @Test
    void theSameInputInAnyOrderGivesTheSameRota() {
        Random random = new Random(42);
        List<Candidate> lawyers = new ArrayList<>();
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        Specialty[] catalogue = {Specialty.CONTRACT, Specialty.DEBT, Specialty.CONSUMER, Specialty.LABOUR};
        for (int id = 1; id <= 40; id++) {
            Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
            for (Specialty specialty : catalogue) {
                if (random.nextInt(3) == 0) {
                    specialties.add(specialty);
                }
            }
            int from = 16 + random.nextInt(4);
            lawyers.add(new Candidate(id * 11L, "Lawyer " + id, specialties,
                    windows(days[random.nextInt(7)] + " " + from + ":00-" + (from + 4) + ":00", days[random.nextInt(7)] + " 18:00-24:00"),
                    random.nextBoolean() ? Map.of(DECEMBER, random.nextInt(3)) : Map.of()));
        }
        List<RotaSession> sessions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalDate date = DECEMBER.atDay(1 + random.nextInt(31));
            int hour = 17 + random.nextInt(4);
            Set<Specialty> needs = random.nextBoolean() ? NONE : Set.of(catalogue[random.nextInt(catalogue.length)]);
            sessions.add(session("s" + i, date, hour + ":00", (hour + 2) + ":30", needs));
        }

        Rota expected = RotaPlanner.plan(sessions, lawyers, 2);
        assertTrue(expected.assignments().size() > 30, "the layout should fill a good part of the sessions");
        for (int round = 0; round < 10; round++) {
            List<RotaSession> shuffledSessions = new ArrayList<>(sessions);
            List<Candidate> shuffledLawyers = new ArrayList<>(lawyers);
            Collections.shuffle(shuffledSessions, random);
            Collections.shuffle(shuffledLawyers, random);
            assertEquals(expected, RotaPlanner.plan(shuffledSessions, shuffledLawyers, 2));
        }
    }

    @Test
    void assignmentsAndUnfilledSessionsComeInOrderOfStartThenKey() {
        Candidate only = lawyer(1, "Only", NONE, "Fri 18:00-22:00");
        List<RotaSession> sessions = List.of(
                session("b", FRIDAY, "19:00", "20:00", NONE),
                session("a", FRIDAY, "19:00", "20:00", NONE),
                session("c", FRIDAY, "18:00", "19:00", NONE),
                session("e", SATURDAY, "19:00", "20:00", NONE),
                session("d", SATURDAY, "19:00", "20:00", NONE));

        Rota rota = RotaPlanner.plan(sessions, List.of(only), 5);

        assertEquals(List.of("c", "a"), rota.assignments().stream().map(Assignment::sessionKey).toList());
        assertEquals(List.of("b", "d", "e"), rota.unfilled().stream().map(Unfilled::sessionKey).toList());
    }

    @Test
    void rejectsASessionThatDoesNotEndAfterItStarts() {
        Candidate only = lawyer(1, "Only", NONE, "Fri 18:00-22:00");
        IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class,
                () -> RotaPlanner.plan(List.of(session("backwards", FRIDAY, "21:00", "19:00", NONE)), List.of(only), 1));
        assertTrue(backwards.getMessage().contains("'backwards'") && backwards.getMessage().contains("must end after it starts"), backwards.getMessage());

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> RotaPlanner.plan(List.of(session("empty", FRIDAY, "19:00", "19:00", NONE)), List.of(only), 1));
        assertTrue(empty.getMessage().contains("'empty'") && empty.getMessage().contains("must end after it starts"), empty.getMessage());
    }

    @Test
    void rejectsASessionThatCrossesMidnightButAcceptsOneEndingAtMidnight() {
        RotaSession overnight = new RotaSession("overnight", FRIDAY.atTime(22, 0), SATURDAY.atTime(1, 0), "Harbour", NONE);
        IllegalArgumentException fault = assertThrows(IllegalArgumentException.class,
                () -> RotaPlanner.plan(List.of(overnight), List.of(), 1));
        assertTrue(fault.getMessage().contains("'overnight'") && fault.getMessage().contains("crosses midnight"), fault.getMessage());

        RotaSession untilMidnight = new RotaSession("until-midnight", FRIDAY.atTime(22, 0), SATURDAY.atStartOfDay(), "Harbour", NONE);
        Rota rota = RotaPlanner.plan(List.of(untilMidnight), List.of(lawyer(1, "Night owl", NONE, "Fri 20:00-24:00")), 1);
        assertEquals(List.of(new Assignment("until-midnight", 1, "Night owl")), rota.assignments());
    }

    @Test
    void rejectsDuplicateSessionKeys() {
        IllegalArgumentException fault = assertThrows(IllegalArgumentException.class, () -> RotaPlanner.plan(List.of(
                session("market", FRIDAY, "19:00", "21:00", NONE),
                session("market", SATURDAY, "19:00", "21:00", NONE)), List.of(), 1));
        assertTrue(fault.getMessage().contains("'market'") && fault.getMessage().contains("more than one session"), fault.getMessage());
    }

    @Test
    void rejectsAMaximumBelowOne() {
        IllegalArgumentException fault = assertThrows(IllegalArgumentException.class,
                () -> RotaPlanner.plan(List.of(session("market", FRIDAY, "19:00", "21:00", NONE)), List.of(), 0));
        assertTrue(fault.getMessage().contains("at least 1, was 0"), fault.getMessage());
    }

    @Test
    void rejectsMissingListsAndDuplicateLawyers() {
        assertThrows(IllegalArgumentException.class, () -> RotaPlanner.plan(null, List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> RotaPlanner.plan(List.of(), null, 1));
        assertThrows(IllegalArgumentException.class, () -> RotaPlanner.plan(Arrays.asList((RotaSession) null), List.of(), 1));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> RotaPlanner.plan(List.of(),
                List.of(lawyer(7, "Once", NONE, "Fri 18:00-22:00"), lawyer(7, "Twice", NONE, "Sat 18:00-22:00")), 1));
        assertTrue(twice.getMessage().contains("lawyer 7"), twice.getMessage());
    }

    @Test
    void candidatesAreCopiedDefensively() {
        Set<Specialty> specialties = EnumSet.of(Specialty.DEBT);
        List<WeeklyWindow> availability = new ArrayList<>(windows("Fri 18:00-22:00"));
        Map<YearMonth, Integer> served = new TreeMap<>(Map.of(DECEMBER, 1));
        Candidate candidate = new Candidate(1, "Copied", specialties, availability, served);

        specialties.add(Specialty.FAMILY);
        availability.clear();
        served.put(DECEMBER, 9);

        assertEquals(Set.of(Specialty.DEBT), candidate.specialties());
        assertEquals(windows("Fri 18:00-22:00"), candidate.availability());
        assertEquals(Map.of(DECEMBER, 1), candidate.dutiesServed());
        assertThrows(UnsupportedOperationException.class, () -> candidate.specialties().add(Specialty.LABOUR));
        assertThrows(IllegalArgumentException.class, () -> new Candidate(2, "Negative", NONE, List.of(), Map.of(DECEMBER, -1)));
    }

    // ---- helpers

    private static Candidate lawyer(long id, String name, Set<Specialty> specialties, String... windows) {
        return new Candidate(id, name, specialties, windows(windows), Map.of());
    }

    private static List<WeeklyWindow> windows(String... texts) {
        return Arrays.stream(texts).map(WeeklyWindow::parse).toList();
    }

    /** A session on the date; an end of 24:00 means midnight at the end of that day. */
    private static RotaSession session(String key, LocalDate date, String from, String to, Set<Specialty> needs) {
        LocalDateTime start = date.atTime(LocalTime.parse(pad(from)));
        LocalDateTime end = to.equals("24:00") ? date.plusDays(1).atStartOfDay() : date.atTime(LocalTime.parse(pad(to)));
        return new RotaSession(key, start, end, "Night market", needs);
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    private static Map<String, Long> lawyerBySession(Rota rota) {
        return rota.assignments().stream().collect(Collectors.toMap(Assignment::sessionKey, Assignment::lawyerId));
    }

    private static Map<Long, Long> dutiesPerLawyer(Rota rota) {
        return rota.assignments().stream().collect(Collectors.groupingBy(Assignment::lawyerId, Collectors.counting()));
    }
}
