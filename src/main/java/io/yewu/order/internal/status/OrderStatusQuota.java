package io.yewu.order.internal.status;

import io.yewu.platform.web.RateWindows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * ORD-8b: the public status page must not be an oracle for order numbers or phones. Look-ups are counted per
 * client address and per order number, per minute and per day, in the database (as the duplicate-check quota
 * does), so every node counts against the same quota. Beyond it the answer is 429 with {@code Retry-After}. The
 * limits are deployment properties ({@code yewu.order-status.*}): the caller has no company whose settings apply.
 */
@Component
class OrderStatusQuota {

    enum KeyKind { ADDRESS, NUMBER }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long addressPerMinute;
    private final long addressPerDay;
    private final long numberPerMinute;
    private final long numberPerDay;

    OrderStatusQuota(JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                     @Value("${yewu.order-status.address-per-minute:10}") long addressPerMinute,
                     @Value("${yewu.order-status.address-per-day:200}") long addressPerDay,
                     @Value("${yewu.order-status.number-per-minute:5}") long numberPerMinute,
                     @Value("${yewu.order-status.number-per-day:30}") long numberPerDay) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.addressPerMinute = addressPerMinute;
        this.addressPerDay = addressPerDay;
        this.numberPerMinute = numberPerMinute;
        this.numberPerDay = numberPerDay;
    }

    /**
     * Counts one look-up from {@code address} for {@code number} in all four windows, in one transaction (one
     * commit), or refuses it with 429 once a window is used up; the count stands either way, so refused tries
     * count too.
     */
    void take(String address, String number) {
        Instant now = clock.instant();
        Optional<RateWindows.Window> exceeded = tx.execute(status ->
                count(KeyKind.ADDRESS, address, RateWindows.minuteAndDay(now, addressPerMinute, addressPerDay))
                        .or(() -> count(KeyKind.NUMBER, number, RateWindows.minuteAndDay(now, numberPerMinute, numberPerDay))));
        if (exceeded != null && exceeded.isPresent()) throw RateWindows.tooMany(now, exceeded.get(), "order-status-too-many");
    }

    private Optional<RateWindows.Window> count(KeyKind keyKind, String key, List<RateWindows.Window> windows) {
        return RateWindows.firstExceeded(windows, w -> jdbc.sql("""
                        INSERT INTO order_status_quota AS q (key_kind, key, window_kind, window_start, used)
                        VALUES (:kk, :key, :k, :start, 1)
                        ON CONFLICT (key_kind, key, window_kind) DO UPDATE
                        SET used = CASE WHEN q.window_start = EXCLUDED.window_start THEN q.used + 1 ELSE 1 END,
                            window_start = EXCLUDED.window_start
                        RETURNING used""")
                .param("kk", keyKind.name()).param("key", key).param("k", w.kind())
                .param("start", w.start().atOffset(ZoneOffset.UTC)).query(Integer.class).single());
    }
}
