package io.yewu.customer.internal;

import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.RateWindows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The duplicate check must not be an oracle (CUS-6, CUS-16): each user gets so many checks per minute and per day
 * (settings), counted in the database so that every node counts against the same quota. Beyond it the answer is
 * 429 with {@code Retry-After}.
 */
@Component
class DuplicateCheckQuota {

    private final JdbcClient jdbc;
    private final Settings settings;
    private final Clock clock;

    DuplicateCheckQuota(JdbcClient jdbc, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one check, or refuses it with 429 when a window's quota is used up. */
    void take(YewuPrincipal user) {
        Instant now = clock.instant();
        SettingsSnapshot s = settings.snapshotAt(now);
        RateWindows.take(now, RateWindows.minuteAndDay(now, s.get(CustomerSettings.DUPLICATE_CHECKS_PER_MINUTE),
                s.get(CustomerSettings.DUPLICATE_CHECKS_PER_DAY)), "too-many-requests", w -> jdbc.sql("""
                        INSERT INTO duplicate_check_quota AS q (company_id, user_id, window_kind, window_start, used)
                        VALUES (:c, :u, :k, :start, 1)
                        ON CONFLICT (company_id, user_id, window_kind) DO UPDATE
                        SET used = CASE WHEN q.window_start = EXCLUDED.window_start THEN q.used + 1 ELSE 1 END,
                            window_start = EXCLUDED.window_start
                        RETURNING used""")
                .param("c", user.companyId()).param("u", user.id()).param("k", w.kind())
                .param("start", w.start().atOffset(ZoneOffset.UTC)).query(Integer.class).single());
    }
}
