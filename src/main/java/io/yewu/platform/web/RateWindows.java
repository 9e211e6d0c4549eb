package io.yewu.platform.web;

import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Quotas counted per minute and per day (Asia/Shanghai days) in a database table, so every node of a cluster
 * counts against the same quota: the caller counts one use in each window (an upsert that restarts the count when
 * the window moved on), preferably all windows in one transaction, and refuses the request with 429 and
 * {@code Retry-After} once a window is used up ({@link #tooMany}) — after that transaction committed the count.
 */
public final class RateWindows {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private RateWindows() {}

    /** @param kind MINUTE or DAY, as the quota tables store it */
    public record Window(String kind, Instant start, Duration length, long limit) {}

    /** The minute and the day that contain {@code now}. */
    public static List<Window> minuteAndDay(Instant now, long perMinute, long perDay) {
        return List.of(new Window("MINUTE", now.truncatedTo(ChronoUnit.MINUTES), Duration.ofMinutes(1), perMinute),
                new Window("DAY", now.atZone(SHANGHAI).truncatedTo(ChronoUnit.DAYS).toInstant(), Duration.ofDays(1), perDay));
    }

    /**
     * Counts one use in each window in turn ({@code count} returns the uses so far, this one included) and stops
     * at the first window whose limit is passed.
     */
    public static Optional<Window> firstExceeded(List<Window> windows, ToIntFunction<Window> count) {
        for (Window w : windows) {
            if (count.applyAsInt(w) > w.limit()) return Optional.of(w);
        }
        return Optional.empty();
    }

    /** 429 {@code code} with {@code Retry-After}: the seconds until {@code exceeded} ends (its message gets them too). */
    public static ProblemException tooMany(Instant now, Window exceeded, String code) {
        long retryAfter = Math.max(1, Duration.between(now, exceeded.start().plus(exceeded.length())).toSeconds());
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, code, List.of(), retryAfter)
                .with(ProblemException.RETRY_AFTER, retryAfter);
    }
}
