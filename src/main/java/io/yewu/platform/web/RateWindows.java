package io.yewu.platform.web;

import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Quotas counted per minute and per day (Asia/Shanghai days) in a database table, so every node of a cluster
 * counts against the same quota: the caller counts one use in each window (an upsert that restarts the count when
 * the window moved on) and this refuses the request with 429 and {@code Retry-After} once a window is used up.
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
     * Counts one use in each window ({@code count} returns the uses so far, this one included) and refuses with
     * 429 {@code code} (its message gets the seconds to wait) when a window's limit is passed.
     */
    public static void take(Instant now, List<Window> windows, String code, ToIntFunction<Window> count) {
        for (Window w : windows) {
            if (count.applyAsInt(w) > w.limit()) {
                long retryAfter = Math.max(1, Duration.between(now, w.start().plus(w.length())).toSeconds());
                throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, code, List.of(), retryAfter)
                        .with(ProblemException.RETRY_AFTER, retryAfter);
            }
        }
    }
}
