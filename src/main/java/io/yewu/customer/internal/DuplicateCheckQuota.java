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
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The duplicate check must not be an oracle (CUS-6, CUS-16): each user gets so many checks per minute and per day
 * (settings), counted in the database so that every node counts against the same quota. Beyond it the answer is
 * 429 with {@code Retry-After}.
 */
@Component
class DuplicateCheckQuota {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final Settings settings;
    private final Clock clock;

    DuplicateCheckQuota(JdbcClient jdbc, Settings settings, Clock clock,
                        org.springframework.transaction.support.TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one check, or refuses it with 429 when a window's quota is used up. */
    void take(YewuPrincipal user) {
        Instant now = clock.instant();
        SettingsSnapshot s = settings.snapshotAt(now);
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant day = now.atZone(SHANGHAI).truncatedTo(ChronoUnit.DAYS).toInstant();
        record Window(String kind, Instant start, Duration length, long limit) {}
        List<Window> windows = List.of(new Window("MINUTE", minute, Duration.ofMinutes(1), s.get(CustomerSettings.DUPLICATE_CHECKS_PER_MINUTE)),
                new Window("DAY", day, Duration.ofDays(1), s.get(CustomerSettings.DUPLICATE_CHECKS_PER_DAY)));
        // both windows in one transaction, one commit per check; a window used up stops the count there, as before.
        // The commit does not wait for the WAL flush (decision 0041): a crash of PostgreSQL may forget the last
        // fraction of a second of counts, never a customer's data, and the check no longer costs a disk flush.
        Window exceeded = tx.execute(status -> {
            jdbc.sql("SELECT set_config('synchronous_commit', 'off', true)").query().listOfRows();
            for (Window w : windows) {
                int used = jdbc.sql("""
                        INSERT INTO duplicate_check_quota AS q (company_id, user_id, window_kind, window_start, used)
                        VALUES (:c, :u, :k, :start, 1)
                        ON CONFLICT (company_id, user_id, window_kind) DO UPDATE
                        SET used = CASE WHEN q.window_start = EXCLUDED.window_start THEN q.used + 1 ELSE 1 END,
                            window_start = EXCLUDED.window_start
                        RETURNING used""")
                        .param("c", user.companyId()).param("u", user.id()).param("k", w.kind())
                        .param("start", w.start().atOffset(java.time.ZoneOffset.UTC)).query(Integer.class).single();
                if (used > w.limit()) return w;
            }
            return null;
        });
        if (exceeded != null) {
            long retryAfter = Math.max(1, Duration.between(now, exceeded.start().plus(exceeded.length())).toSeconds());
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", List.of(), retryAfter)
                    .with(ProblemException.RETRY_AFTER, retryAfter);
        }
    }
}
