package io.yewu.customer.internal;

import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The duplicate check must not be an oracle (CUS-6, CUS-16): each user gets so many checks per minute and per day
 * (settings), counted in the database so that every node counts against the same quota. Beyond it the answer is
 * 429 with {@code Retry-After}.
 * <p>
 * One statement, committed on its own: the minute's count, then — only when the minute still had room — the day's,
 * so a check refused by the minute does not use up the day. It commits without waiting for the WAL flush
 * (decision 0041): a crash of PostgreSQL may forget the last fraction of a second of counts, never a customer's data.
 * One round trip per check instead of four (decision 0050).
 */
@Component
class DuplicateCheckQuota {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** One window's count for the user, from the rows of {@code %3$s}: a new window starts again at 1. */
    private static final String COUNT = """
            INSERT INTO duplicate_check_quota AS q (company_id, user_id, window_kind, window_start, used)
            SELECT :c, :u, '%1$s', :%2$s, 1 FROM %3$s
            ON CONFLICT (company_id, user_id, window_kind) DO UPDATE
            SET used = CASE WHEN q.window_start = EXCLUDED.window_start THEN q.used + 1 ELSE 1 END,
                window_start = EXCLUDED.window_start
            RETURNING used""";

    /*
     * set_config(..., true) lasts until the end of the statement's own (implicit) transaction, whose commit reads it.
     * The day's row is counted FROM minute WHERE the minute had room; a data-modifying WITH part runs exactly once.
     */
    private static final String TAKE = "WITH no_flush AS (SELECT set_config('synchronous_commit', 'off', true)),\n"
            + "minute AS (" + COUNT.formatted("MINUTE", "minute", "no_flush") + "),\n"
            + "day AS (" + COUNT.formatted("DAY", "day", "minute WHERE minute.used <= :per_minute") + ")\n"
            + "SELECT (SELECT used FROM minute) AS minute_used, (SELECT used FROM day) AS day_used";

    private final JdbcClient jdbc;
    private final Settings settings;
    private final Clock clock;

    DuplicateCheckQuota(JdbcClient jdbc, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    private record Used(int minuteUsed, Integer dayUsed) {}

    /** Counts one check, or refuses it with 429 when a window's quota is used up. */
    void take(YewuPrincipal user) {
        Instant now = clock.instant();
        SettingsSnapshot s = settings.snapshotAt(now);
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant day = now.atZone(SHANGHAI).truncatedTo(ChronoUnit.DAYS).toInstant();
        long perMinute = s.get(CustomerSettings.DUPLICATE_CHECKS_PER_MINUTE);
        long perDay = s.get(CustomerSettings.DUPLICATE_CHECKS_PER_DAY);
        Used used = jdbc.sql(TAKE).param("c", user.companyId()).param("u", user.id())
                .param("minute", minute.atOffset(ZoneOffset.UTC)).param("day", day.atOffset(ZoneOffset.UTC))
                .param("per_minute", perMinute)
                .query(Used.class).single();
        Instant windowEnd = used.minuteUsed() > perMinute ? minute.plus(Duration.ofMinutes(1))
                : used.dayUsed() > perDay ? day.plus(Duration.ofDays(1)) : null;
        if (windowEnd != null) {
            long retryAfter = Math.max(1, Duration.between(now, windowEnd).toSeconds());
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", List.of(), retryAfter)
                    .with(ProblemException.RETRY_AFTER, retryAfter);
        }
    }
}
