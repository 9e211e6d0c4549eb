package io.yewu.platform.internal.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Slows password guessing without handing anyone a way to lock a user out. Failures are counted per login name
 * <em>and</em> client address: after {@code maxFailures} failed logins for one name from one address within the
 * window (since the last success from there), that pair waits until the window passes — the same user logs in
 * from any other address as usual. A gentler limit per address ({@code maxFailuresPerAddress}, over all names)
 * stops one address from guessing through many names. Kept in PostgreSQL so every node counts the same attempts.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final int windowMinutes;

    LoginThrottle(JdbcClient jdbc, @Value("${yewu.login.max-failures:5}") int maxFailures,
                  @Value("${yewu.login.max-failures-per-address:50}") int maxFailuresPerAddress,
                  @Value("${yewu.login.window-minutes:15}") int windowMinutes) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.windowMinutes = windowMinutes;
    }

    /**
     * Empty when a login for this name from this address may be tried now; otherwise how long until it may: until
     * enough of the counted failures have left the window.
     */
    Optional<Duration> retryAfter(String username, String address) {
        // the n-th most recent failure of the pair (since its last success) and of the address; when it leaves the
        // window, the count drops below the limit
        Double pairWait = jdbc.sql("""
                SELECT extract(epoch FROM at + make_interval(mins => :w) - now()) FROM login_attempt
                WHERE lower(username) = lower(:u) AND ip = :ip AND NOT success AND at > now() - make_interval(mins => :w)
                  AND at > coalesce((SELECT max(at) FROM login_attempt
                                     WHERE lower(username) = lower(:u) AND ip = :ip AND success), '-infinity')
                ORDER BY at DESC OFFSET :n - 1 LIMIT 1""")
                .param("u", username).param("ip", address).param("w", windowMinutes).param("n", maxFailures)
                .query(Double.class).optional().orElse(null);
        Double addressWait = jdbc.sql("""
                SELECT extract(epoch FROM at + make_interval(mins => :w) - now()) FROM login_attempt
                WHERE ip = :ip AND NOT success AND at > now() - make_interval(mins => :w)
                ORDER BY at DESC OFFSET :n - 1 LIMIT 1""")
                .param("ip", address).param("w", windowMinutes).param("n", maxFailuresPerAddress)
                .query(Double.class).optional().orElse(null);
        double wait = Math.max(pairWait == null ? 0 : pairWait, addressWait == null ? 0 : addressWait);
        return wait > 0 ? Optional.of(Duration.ofSeconds((long) Math.ceil(wait))) : Optional.empty();
    }

    void record(String username, String ip, boolean success) {
        jdbc.sql("INSERT INTO login_attempt (username, ip, success) VALUES (:u, :ip, :s)")
                .param("u", username).param("ip", ip).param("s", success).update();
    }
}
