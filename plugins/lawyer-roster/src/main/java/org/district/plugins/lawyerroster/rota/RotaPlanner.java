package org.district.plugins.lawyerroster.rota;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.RotaSession;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;

/**
 * Plans a fair duty rota: one lawyer per session, as many sessions filled as possible, and the
 * duties spread as evenly as the lawyers' availability allows.
 *
 * <p>The plan is built in three steps. The most constrained sessions are handed out first, each to
 * the eligible lawyer with the fewest duties. Sessions left over are then filled along augmenting
 * chains (a lawyer who is blocked takes the session and passes one of their duties to someone else
 * who can take it, and so on), or by a lawyer giving up one long duty for two shorter ones. Finally
 * duties are shifted along similar chains from more loaded to less loaded lawyers while that evens
 * out the load, and the last two steps repeat while they fill more sessions. Every step is bounded
 * and works on inputs put into a canonical order (sessions by start then key, lawyers by id), so the
 * same input in any list order gives the same rota.
 */
public final class RotaPlanner {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private RotaPlanner() {
    }

    /**
     * The rota for the sessions among the candidates, no lawyer taking more than
     * {@code maxPerLawyerPerMonth} duties in any month (duties already served count).
     *
     * @throws IllegalArgumentException when a list is missing, a session is malformed (naming its
     *         key), two sessions share a key, a lawyer is listed twice, or the maximum is below 1
     */
    public static Rota plan(List<RotaSession> sessions, List<Candidate> candidates, int maxPerLawyerPerMonth) {
        if (sessions == null || candidates == null) {
            throw new IllegalArgumentException("the sessions and the candidates must be given (either list may be empty)");
        }
        if (maxPerLawyerPerMonth < 1) {
            throw new IllegalArgumentException("the maximum of duties per lawyer per month must be at least 1, was " + maxPerLawyerPerMonth);
        }
        Plan plan = new Plan(canonicalSessions(sessions), canonicalCandidates(candidates), maxPerLawyerPerMonth);
        plan.assignGreedily();
        plan.fillMore();
        // Each further round fills at least one more session or stops, so sessions + 1 rounds suffice.
        for (int round = 0; round <= plan.sessionCount; round++) {
            plan.balance();
            if (plan.fillMore() == 0) {
                break;
            }
        }
        return plan.rota();
    }

    private static List<RotaSession> canonicalSessions(List<RotaSession> sessions) {
        for (RotaSession session : sessions) {
            if (session == null) {
                throw new IllegalArgumentException("the list of sessions contains an empty entry");
            }
            if (session.key() == null || session.key().isBlank()) {
                throw new IllegalArgumentException("a session starting at " + session.start() + " has no key");
            }
            if (session.start() == null || session.end() == null) {
                throw new IllegalArgumentException("session '" + session.key() + "' needs both a start and an end");
            }
        }
        List<RotaSession> ordered = new ArrayList<>(sessions);
        // Checking in canonical order makes the reported fault independent of the caller's order too.
        ordered.sort(Comparator.comparing(RotaSession::start).thenComparing(RotaSession::key));
        Set<String> keys = new HashSet<>();
        for (RotaSession session : ordered) {
            String key = session.key();
            if (!session.end().isAfter(session.start())) {
                throw new IllegalArgumentException("session '" + key + "' must end after it starts, but runs from "
                        + session.start() + " to " + session.end());
            }
            if (!session.end().toLocalDate().equals(session.start().toLocalDate()) && !endsAtMidnight(session)) {
                throw new IllegalArgumentException("session '" + key + "' crosses midnight (" + session.start() + " to "
                        + session.end() + "); a session must end on the day it starts, at the latest at midnight");
            }
            if (!keys.add(key)) {
                throw new IllegalArgumentException("session key '" + key + "' is used by more than one session");
            }
        }
        return ordered;
    }

    private static List<Candidate> canonicalCandidates(List<Candidate> candidates) {
        for (Candidate candidate : candidates) {
            if (candidate == null) {
                throw new IllegalArgumentException("the list of candidates contains an empty entry");
            }
        }
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparingLong(Candidate::lawyerId));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).lawyerId() == ordered.get(i - 1).lawyerId()) {
                throw new IllegalArgumentException("lawyer " + ordered.get(i).lawyerId() + " is listed more than once among the candidates");
            }
        }
        return ordered;
    }

    private static boolean endsAtMidnight(RotaSession session) {
        return session.end().equals(session.start().toLocalDate().plusDays(1).atStartOfDay());
    }

    private static int specialtyMask(Set<Specialty> specialties) {
        int mask = 0;
        for (Specialty specialty : specialties) {
            mask |= 1 << specialty.ordinal();
        }
        return mask;
    }

    /** What {@link WeeklyWindow#covers} depends on for a session that stays within its day. */
    private record Slot(DayOfWeek day, LocalTime from, LocalTime to, boolean toMidnight) {

        static Slot of(RotaSession session) {
            return new Slot(session.start().getDayOfWeek(), session.start().toLocalTime(), session.end().toLocalTime(), endsAtMidnight(session));
        }
    }

    /**
     * The working state of one planning run. Sessions and lawyers are addressed by their index in
     * canonical order, so every loop over them visits them in a fixed order.
     */
    private static final class Plan {

        private final RotaSession[] sessions;
        private final Candidate[] lawyers;
        private final int sessionCount;
        private final int lawyerCount;
        private final int maxPerMonth;

        private final int[] startRank;
        private final int[] endRank;
        private final YearMonth[] months;
        private final int[] monthOf;
        /** Per session: the lawyers with the specialties and the availability, ascending. */
        private final int[][] eligible;
        /** Per lawyer: the sessions they are eligible for, ascending. */
        private final int[][] eligibleSessions;
        /** Sessions by how few lawyers could take them, then start, then key. */
        private final int[] mostConstrainedFirst;

        private final int[] holder;
        private final int[][] held;
        private final int[] heldCount;
        /** Per lawyer and month: duties served before plus duties given in this rota. */
        private final int[][] monthDuties;
        private final int[] rotaDuties;
        /** What fairness evens out: duties served in the rota's months plus duties in this rota. */
        private final int[] load;

        Plan(List<RotaSession> sessionList, List<Candidate> candidateList, int maxPerMonth) {
            this.sessions = sessionList.toArray(RotaSession[]::new);
            this.lawyers = candidateList.toArray(Candidate[]::new);
            this.sessionCount = sessions.length;
            this.lawyerCount = lawyers.length;
            this.maxPerMonth = maxPerMonth;

            // Ranks of the instants make overlap tests two integer comparisons.
            TreeSet<LocalDateTime> instants = new TreeSet<>();
            for (RotaSession session : sessions) {
                instants.add(session.start());
                instants.add(session.end());
            }
            List<LocalDateTime> instantOrder = new ArrayList<>(instants);
            startRank = new int[sessionCount];
            endRank = new int[sessionCount];
            TreeSet<YearMonth> monthSet = new TreeSet<>();
            for (int s = 0; s < sessionCount; s++) {
                startRank[s] = Collections.binarySearch(instantOrder, sessions[s].start());
                endRank[s] = Collections.binarySearch(instantOrder, sessions[s].end());
                monthSet.add(YearMonth.from(sessions[s].start()));
            }
            months = monthSet.toArray(YearMonth[]::new);
            monthOf = new int[sessionCount];
            for (int s = 0; s < sessionCount; s++) {
                monthOf[s] = Arrays.binarySearch(months, YearMonth.from(sessions[s].start()));
            }

            int[] lawyerMask = new int[lawyerCount];
            for (int l = 0; l < lawyerCount; l++) {
                lawyerMask[l] = specialtyMask(lawyers[l].specialties());
            }
            // Many sessions share a weekday and hours; asking each lawyer's windows once per such slot keeps this cheap.
            Map<Slot, boolean[]> availableBySlot = new HashMap<>();
            eligible = new int[sessionCount][];
            int[] eligibleCountOfLawyer = new int[lawyerCount];
            int[] buffer = new int[lawyerCount];
            for (int s = 0; s < sessionCount; s++) {
                RotaSession session = sessions[s];
                boolean[] available = availableBySlot.computeIfAbsent(Slot.of(session), slot -> availability(session));
                int required = specialtyMask(session.requiredSpecialties());
                int found = 0;
                for (int l = 0; l < lawyerCount; l++) {
                    if ((required & ~lawyerMask[l]) == 0 && available[l]) {
                        buffer[found++] = l;
                        eligibleCountOfLawyer[l]++;
                    }
                }
                eligible[s] = Arrays.copyOf(buffer, found);
            }
            eligibleSessions = new int[lawyerCount][];
            for (int l = 0; l < lawyerCount; l++) {
                eligibleSessions[l] = new int[eligibleCountOfLawyer[l]];
            }
            int[] filledUpTo = new int[lawyerCount];
            for (int s = 0; s < sessionCount; s++) {
                for (int l : eligible[s]) {
                    eligibleSessions[l][filledUpTo[l]++] = s;
                }
            }
            mostConstrainedFirst = IntStream.range(0, sessionCount).boxed()
                    .sorted(Comparator.<Integer>comparingInt(s -> eligible[s].length).thenComparingInt(s -> s))
                    .mapToInt(Integer::intValue).toArray();

            holder = new int[sessionCount];
            Arrays.fill(holder, -1);
            held = new int[lawyerCount][];
            heldCount = new int[lawyerCount];
            monthDuties = new int[lawyerCount][months.length];
            rotaDuties = new int[lawyerCount];
            load = new int[lawyerCount];
            for (int l = 0; l < lawyerCount; l++) {
                held[l] = new int[4];
                for (int m = 0; m < months.length; m++) {
                    int served = lawyers[l].dutiesServed().getOrDefault(months[m], 0);
                    monthDuties[l][m] = served;
                    load[l] += served;
                }
            }
        }

        private boolean[] availability(RotaSession session) {
            boolean[] available = new boolean[lawyerCount];
            for (int l = 0; l < lawyerCount; l++) {
                for (WeeklyWindow window : lawyers[l].availability()) {
                    if (window.covers(session.start(), session.end())) {
                        available[l] = true;
                        break;
                    }
                }
            }
            return available;
        }

        // ---- state changes

        private void assign(int session, int lawyer) {
            holder[session] = lawyer;
            int[] list = held[lawyer];
            int count = heldCount[lawyer];
            if (count == list.length) {
                list = Arrays.copyOf(list, count * 2);
                held[lawyer] = list;
            }
            int at = count;
            while (at > 0 && list[at - 1] > session) {
                list[at] = list[at - 1];
                at--;
            }
            list[at] = session;
            heldCount[lawyer] = count + 1;
            monthDuties[lawyer][monthOf[session]]++;
            rotaDuties[lawyer]++;
            load[lawyer]++;
        }

        private void unassign(int session) {
            int lawyer = holder[session];
            holder[session] = -1;
            int[] list = held[lawyer];
            int count = heldCount[lawyer];
            int at = 0;
            while (list[at] != session) {
                at++;
            }
            System.arraycopy(list, at + 1, list, at, count - at - 1);
            heldCount[lawyer] = count - 1;
            monthDuties[lawyer][monthOf[session]]--;
            rotaDuties[lawyer]--;
            load[lawyer]--;
        }

        /** Moves each session to its new lawyer; all are released first so no move sees another half done. */
        private void move(int[] movedSessions, int[] newLawyers, int count) {
            for (int i = 0; i < count; i++) {
                if (holder[movedSessions[i]] >= 0) {
                    unassign(movedSessions[i]);
                }
            }
            for (int i = 0; i < count; i++) {
                assign(movedSessions[i], newLawyers[i]);
            }
        }

        // ---- rules

        private boolean overlaps(int a, int b) {
            return startRank[a] < endRank[b] && startRank[b] < endRank[a];
        }

        private boolean busyDuring(int lawyer, int session, int ignoring) {
            int[] list = held[lawyer];
            for (int i = 0; i < heldCount[lawyer]; i++) {
                int other = list[i];
                if (other != ignoring && overlaps(session, other)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether an eligible lawyer could take the session now, if they gave up {@code ignoring}
         * (a session they hold, or -1 for none) at the same time.
         */
        private boolean canTake(int lawyer, int session, int ignoring) {
            int month = monthOf[session];
            int duties = monthDuties[lawyer][month];
            if (ignoring >= 0 && monthOf[ignoring] == month) {
                duties--;
            }
            return duties < maxPerMonth && !busyDuring(lawyer, session, ignoring);
        }

        /** Fewest duties in the session's month, then fewest in this rota; lower id wins ties by scan order. */
        private boolean fairerChoice(int lawyer, int best, int month) {
            if (monthDuties[lawyer][month] != monthDuties[best][month]) {
                return monthDuties[lawyer][month] < monthDuties[best][month];
            }
            return rotaDuties[lawyer] < rotaDuties[best];
        }

        // ---- step 1: most constrained sessions first, each to the least loaded eligible lawyer

        void assignGreedily() {
            for (int session : mostConstrainedFirst) {
                int month = monthOf[session];
                int best = -1;
                for (int lawyer : eligible[session]) {
                    if (canTake(lawyer, session, -1) && (best < 0 || fairerChoice(lawyer, best, month))) {
                        best = lawyer;
                    }
                }
                if (best >= 0) {
                    assign(session, best);
                }
            }
        }

        // ---- step 2: fill what is left

        /** Tries to fill the unfilled sessions; returns how many more sessions are filled than before. */
        int fillMore() {
            int gained = 0;
            for (int session : mostConstrainedFirst) {
                if (holder[session] < 0 && eligible[session].length > 0 && augment(session)) {
                    gained++;
                }
            }
            return gained + swapOneForTwo();
        }

        /**
         * A long session can block two shorter ones that one lawyer could serve back to back, which no
         * chain of one-for-one hand-overs undoes: let that lawyer take the two and give up the one,
         * then look for someone else for the one.
         */
        private int swapOneForTwo() {
            int gained = 0;
            for (int lawyer = 0; lawyer < lawyerCount; lawyer++) {
                int[] open = new int[eligibleSessions[lawyer].length];
                for (int i = 0; i < heldCount[lawyer]; i++) {
                    int own = held[lawyer][i];
                    int count = 0;
                    for (int session : eligibleSessions[lawyer]) {
                        if (holder[session] < 0 && canTake(lawyer, session, own)) {
                            open[count++] = session;
                        }
                    }
                    int[] pair = compatiblePair(lawyer, own, open, count);
                    if (pair != null) {
                        unassign(own);
                        assign(pair[0], lawyer);
                        assign(pair[1], lawyer);
                        gained += augment(own) ? 2 : 1;
                        // The lawyer's duties changed under this loop; later rounds look at them afresh.
                        break;
                    }
                }
            }
            return gained;
        }

        /** Two of the open sessions the lawyer could serve together in place of {@code own}, or null. */
        private int[] compatiblePair(int lawyer, int own, int[] open, int count) {
            for (int i = 0; i < count; i++) {
                for (int j = i + 1; j < count; j++) {
                    int first = open[i];
                    int second = open[j];
                    if (overlaps(first, second)) {
                        continue;
                    }
                    // Each fits alone; together they must also stay within the month's maximum.
                    if (monthOf[first] == monthOf[second]) {
                        int month = monthOf[first];
                        int duties = monthDuties[lawyer][month] - (monthOf[own] == month ? 1 : 0) + 2;
                        if (duties > maxPerMonth) {
                            continue;
                        }
                    }
                    return new int[] {first, second};
                }
            }
            return null;
        }

        /**
         * A breadth-first search over sessions that need a (new) lawyer, starting at the unfilled
         * one. From a session, a lawyer who is free takes it and the chain is applied; a blocked
         * lawyer may take it by giving up one of their own sessions, which then needs a lawyer in
         * turn. Each session and each lawyer enters the search at most once, which bounds the work
         * and keeps every lawyer on a chain distinct, so each link stays valid when all are applied.
         */
        private boolean augment(int unfilled) {
            int[] parent = new int[sessionCount];
            int[] passedOnBy = new int[sessionCount];
            boolean[] seen = new boolean[sessionCount];
            boolean[] tried = new boolean[lawyerCount];
            int[] queue = new int[sessionCount];
            int head = 0;
            int tail = 0;
            queue[tail++] = unfilled;
            seen[unfilled] = true;
            while (head < tail) {
                int session = queue[head++];
                int month = monthOf[session];
                int free = -1;
                for (int lawyer : eligible[session]) {
                    if (canTake(lawyer, session, -1) && !onChain(lawyer, session, unfilled, parent, passedOnBy)
                            && (free < 0 || fairerChoice(lawyer, free, month))) {
                        free = lawyer;
                    }
                }
                if (free >= 0) {
                    applyChain(session, free, unfilled, parent, passedOnBy);
                    return true;
                }
                for (int lawyer : eligible[session]) {
                    if (tried[lawyer] || lawyer == holder[session]) {
                        continue;
                    }
                    tried[lawyer] = true;
                    for (int i = 0; i < heldCount[lawyer]; i++) {
                        int own = held[lawyer][i];
                        if (!seen[own] && canTake(lawyer, session, own)) {
                            seen[own] = true;
                            parent[own] = session;
                            passedOnBy[own] = lawyer;
                            queue[tail++] = own;
                        }
                    }
                }
            }
            return false;
        }

        private static boolean onChain(int lawyer, int session, int root, int[] parent, int[] passedOnBy) {
            for (int at = session; at != root; at = parent[at]) {
                if (passedOnBy[at] == lawyer) {
                    return true;
                }
            }
            return false;
        }

        private void applyChain(int last, int freeLawyer, int root, int[] parent, int[] passedOnBy) {
            int[] movedSessions = new int[sessionCount];
            int[] newLawyers = new int[sessionCount];
            int count = 0;
            movedSessions[count] = last;
            newLawyers[count++] = freeLawyer;
            for (int at = last; at != root; at = parent[at]) {
                movedSessions[count] = parent[at];
                newLawyers[count++] = passedOnBy[at];
            }
            move(movedSessions, newLawyers, count);
        }

        // ---- step 3: even out the load

        /**
         * Shifts single duties along chains from a lawyer to one carrying at least two fewer. Each
         * shift lowers the sum of squared loads by at least two, so this ends on its own; the budget
         * only caps the work on pathological inputs.
         */
        void balance() {
            int budget = 16 * sessionCount + 64;
            boolean shifted = true;
            while (shifted && budget-- > 0) {
                shifted = shiftOneDuty();
            }
        }

        private boolean shiftOneDuty() {
            TreeSet<Integer> levels = new TreeSet<>();
            for (int l = 0; l < lawyerCount; l++) {
                if (eligibleSessions[l].length > 0) {
                    levels.add(load[l]);
                }
            }
            if (levels.isEmpty()) {
                return false;
            }
            int highest = levels.last();
            for (int level : levels) {
                if (level + 2 > highest) {
                    break;
                }
                if (shiftTowards(level)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A breadth-first search backwards from the lawyers at {@code level}: who holds a session that
         * one of them could take. The first holder found with a load of at least {@code level + 2}
         * gives up a duty, and each lawyer on the chain passes one on towards the lighter end.
         */
        private boolean shiftTowards(int level) {
            int[] receiver = new int[lawyerCount];
            int[] handedOver = new int[lawyerCount];
            boolean[] seen = new boolean[lawyerCount];
            int[] queue = new int[lawyerCount];
            int head = 0;
            int tail = 0;
            for (int l = 0; l < lawyerCount; l++) {
                if (eligibleSessions[l].length > 0 && load[l] == level) {
                    seen[l] = true;
                    receiver[l] = -1;
                    queue[tail++] = l;
                }
            }
            while (head < tail) {
                int taker = queue[head++];
                for (int session : eligibleSessions[taker]) {
                    int giver = holder[session];
                    if (giver < 0 || seen[giver] || !canTake(taker, session, -1)) {
                        continue;
                    }
                    seen[giver] = true;
                    receiver[giver] = taker;
                    handedOver[giver] = session;
                    if (load[giver] >= level + 2) {
                        int[] movedSessions = new int[lawyerCount];
                        int[] newLawyers = new int[lawyerCount];
                        int count = 0;
                        for (int at = giver; receiver[at] >= 0; at = receiver[at]) {
                            movedSessions[count] = handedOver[at];
                            newLawyers[count++] = receiver[at];
                        }
                        move(movedSessions, newLawyers, count);
                        return true;
                    }
                    queue[tail++] = giver;
                }
            }
            return false;
        }

        // ---- result

        Rota rota() {
            List<Rota.Assignment> assignments = new ArrayList<>();
            List<Rota.Unfilled> unfilled = new ArrayList<>();
            for (int s = 0; s < sessionCount; s++) {
                if (holder[s] >= 0) {
                    Candidate lawyer = lawyers[holder[s]];
                    assignments.add(new Rota.Assignment(sessions[s].key(), lawyer.lawyerId(), lawyer.name()));
                } else {
                    unfilled.add(new Rota.Unfilled(sessions[s].key(), reason(s)));
                }
            }
            return new Rota(assignments, unfilled);
        }

        private String reason(int s) {
            RotaSession session = sessions[s];
            Set<Specialty> required = session.requiredSpecialties();
            if (!required.isEmpty()) {
                int mask = specialtyMask(required);
                boolean anyHasAll = false;
                for (Candidate lawyer : lawyers) {
                    if ((mask & ~specialtyMask(lawyer.specialties())) == 0) {
                        anyHasAll = true;
                        break;
                    }
                }
                if (!anyHasAll) {
                    return "no active lawyer has all of the specialties "
                            + required.stream().map(Specialty::code).sorted().collect(Collectors.joining(", "));
                }
            }
            if (eligible[s].length == 0) {
                return (required.isEmpty() ? "no lawyer" : "no lawyer with those specialties") + " is available " + describeTime(session);
            }
            boolean allBusy = true;
            boolean allFull = true;
            for (int lawyer : eligible[s]) {
                allBusy &= busyDuring(lawyer, s, -1);
                allFull &= monthDuties[lawyer][monthOf[s]] >= maxPerMonth;
            }
            String busy = "already on duty at another session at that time";
            String full = "reached the maximum of " + maxPerMonth + " duties in " + months[monthOf[s]];
            if (allBusy) {
                return "every lawyer available then is " + busy;
            }
            if (allFull) {
                return "every lawyer available then has " + full;
            }
            return "every lawyer available then is either " + busy + " or has " + full;
        }

        private static String describeTime(RotaSession session) {
            String day = session.start().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            String end = endsAtMidnight(session) ? "24:00" : CLOCK.format(session.end());
            return day + " " + CLOCK.format(session.start()) + "-" + end;
        }
    }
}
