package org.district.plugins.farmaidstreaming.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.district.plugins.farmaidstreaming.Platform;
import org.district.plugins.farmaidstreaming.ProductCategory;
import org.district.plugins.farmaidstreaming.WeeklyWindow;

/**
 * Which streamers to ask to sell a product, and why. Each streamer earns points, each with the
 * reason a coordinator reads:
 * <ul>
 * <li>selling the product's category before: 10, plus 2 a session (at most 10), plus 1 per 100
 * units (at most 15); or 10 for only saying they sell it well (5 more when they say so and have
 * sold it);</li>
 * <li>their largest audience: 5 from 1,000 followers, 10 from 10,000, 15 from 100,000, 20 from 1,000,000;</li>
 * <li>training: 10 for completed live-commerce training, 5 more for a certificate;</li>
 * <li>5 for a pioneer streamer;</li>
 * <li>20 when their weekly availability covers the requested time.</li>
 * </ul>
 * Left out, each with the reason: streamers with no account to stream from, those already in
 * another session then, and those whose availability does not cover the time. A streamer who gave
 * no availability stays in, without those points, with a reason saying so. The order is the score,
 * then units of the category sold, then followers, then the streamer's id: the same every time.
 */
public final class StreamerMatching {

    private StreamerMatching() {
    }

    /** What a streamer sold of one category: in how many sessions, how many units. */
    public record Track(long sessions, long units) {
        public static final Track NONE = new Track(0, 0);
    }

    /** A streamer as matching sees them. {@code busyWith} describes another session they are in at the time, or is null. */
    public record Candidate(long id, String handle, boolean pioneer, Set<ProductCategory> categories, Map<Platform, Long> followers,
            List<WeeklyWindow> availability, int coursesCompleted, boolean certified, Track track, String busyWith) {
    }

    /** The product's category, and the time wanted ({@code at} may be null: availability is then not asked). */
    public record Request(ProductCategory category, LocalDateTime at, int minutes) {
    }

    public record Suggestion(long streamerId, String handle, boolean pioneer, int score, List<String> reasons) {
    }

    public record Exclusion(long streamerId, String handle, String reason) {
    }

    public record Result(List<Suggestion> suggestions, List<Exclusion> excluded) {
    }

    public static Result suggest(Request request, List<Candidate> candidates, int limit) {
        record Scored(Suggestion suggestion, long units, long followers) {
        }
        List<Scored> scored = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (Candidate c : candidates.stream().sorted(Comparator.comparingLong(Candidate::id)).toList()) {
            if (c.followers().isEmpty()) {
                excluded.add(new Exclusion(c.id(), c.handle(), "has no live-streaming account on record"));
                continue;
            }
            if (c.busyWith() != null) {
                excluded.add(new Exclusion(c.id(), c.handle(), "already " + c.busyWith()));
                continue;
            }
            List<String> reasons = new ArrayList<>();
            int score = 0;
            if (request.at() != null) {
                LocalDateTime end = request.at().plusMinutes(request.minutes());
                if (c.availability().isEmpty()) {
                    reasons.add("has given no weekly availability: confirm " + day(request.at()) + " " + time(request.at()) + " with them");
                } else if (WeeklyWindow.cover(c.availability(), request.at(), end)) {
                    score += 20;
                    reasons.add("available " + day(request.at()) + " " + partOfDay(request.at()) + " (" + covering(c.availability(), request.at()) + ")");
                } else {
                    excluded.add(new Exclusion(c.id(), c.handle(), "not available " + day(request.at()) + " " + time(request.at()) + "-"
                            + time(end) + " (available " + String.join(", ", WeeklyWindow.format(c.availability())) + ")"));
                    continue;
                }
            }
            String category = request.category().words();
            Track track = c.track() == null ? Track.NONE : c.track();
            boolean says = c.categories().contains(request.category());
            if (track.sessions() > 0) {
                score += 10 + (int) Math.min(10, 2 * track.sessions()) + (int) Math.min(15, track.units() / 100);
                reasons.add(0, "sold " + grouped(track.units()) + " units of " + category + " in " + track.sessions() + " session"
                        + (track.sessions() == 1 ? "" : "s"));
                if (says) {
                    score += 5;
                    reasons.add(1, "lists " + category + " among what they sell well");
                }
            } else if (says) {
                score += 10;
                reasons.add(0, "says they sell " + category + " well (no sessions of it on record yet)");
            } else {
                reasons.add(0, "has not sold " + category + " before");
            }
            Map.Entry<Platform, Long> largest = c.followers().entrySet().stream()
                    .max(Map.Entry.<Platform, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).get();
            long followers = largest.getValue();
            score += followers >= 1_000_000 ? 20 : followers >= 100_000 ? 15 : followers >= 10_000 ? 10 : followers >= 1_000 ? 5 : 0;
            reasons.add(compact(followers) + " followers on " + largest.getKey().english());
            if (c.coursesCompleted() > 0) {
                score += 10;
                reasons.add("completed live-commerce training" + (c.coursesCompleted() > 1 ? " (" + c.coursesCompleted() + " courses)" : ""));
            } else {
                reasons.add("has not completed live-commerce training yet");
            }
            if (c.certified()) {
                score += 5;
                reasons.add("holds a live-commerce certificate");
            }
            if (c.pioneer()) {
                score += 5;
                reasons.add("pioneer streamer");
            }
            scored.add(new Scored(new Suggestion(c.id(), c.handle(), c.pioneer(), score, List.copyOf(reasons)), track.units(), followers));
        }
        List<Suggestion> suggestions = scored.stream()
                .sorted(Comparator.comparingInt((Scored s) -> s.suggestion().score()).reversed()
                        .thenComparing(Comparator.comparingLong(Scored::units).reversed())
                        .thenComparing(Comparator.comparingLong(Scored::followers).reversed())
                        .thenComparingLong(s -> s.suggestion().streamerId()))
                .limit(limit).map(Scored::suggestion).toList();
        return new Result(suggestions, List.copyOf(excluded));
    }

    /** A follower count as people say it: 950, 8.5k, 128k, 1.3M. */
    public static String compact(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 10_000) {
            return trim(BigDecimal.valueOf(n).divide(BigDecimal.valueOf(1_000), 1, RoundingMode.HALF_UP)) + "k";
        }
        if (n < 999_500) {
            return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(1_000), 0, RoundingMode.HALF_UP) + "k";
        }
        return trim(BigDecimal.valueOf(n).divide(BigDecimal.valueOf(1_000_000), 1, RoundingMode.HALF_UP)) + "M";
    }

    private static String trim(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String grouped(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }

    private static String day(LocalDateTime at) {
        return at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String time(LocalDateTime at) {
        return String.format("%02d:%02d", at.getHour(), at.getMinute());
    }

    private static String partOfDay(LocalDateTime at) {
        return at.getHour() < 12 ? "mornings" : at.getHour() < 18 ? "afternoons" : "evenings";
    }

    /** The window that covers the start of the time. */
    private static String covering(List<WeeklyWindow> windows, LocalDateTime at) {
        int minute = at.getHour() * 60 + at.getMinute();
        return windows.stream().filter(w -> w.day() == at.getDayOfWeek() && w.start() <= minute && minute < w.end())
                .map(WeeklyWindow::toString).findFirst().orElse("");
    }
}
