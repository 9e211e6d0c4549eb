package io.yewu.platform.internal.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code maxFailures} failed logins for one name within the window, further
 * attempts are refused until the window passes. Kept in PostgreSQL so every node counts the same attempts.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final int maxFailures;
    private final int windowMinutes;

    LoginThrottle(JdbcClient jdbc, @Value("${yewu.login.max-failures:5}") int maxFailures,
                  @Value("${yewu.login.window-minutes:15}") int windowMinutes) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.windowMinutes = windowMinutes;
    }

    int windowMinutes() {
        return windowMinutes;
    }

    boolean isThrottled(String username) {
        // failures since the last success within the window
        Integer failures = jdbc.sql("""
                SELECT count(*) FROM login_attempt
                WHERE lower(username) = lower(:u) AND NOT success AND at > now() - make_interval(mins => :w)
                  AND at > coalesce((SELECT max(at) FROM login_attempt WHERE lower(username) = lower(:u) AND success), '-infinity')
                """).param("u", username).param("w", windowMinutes).query(Integer.class).single();
        return failures >= maxFailures;
    }

    void record(String username, String ip, boolean success) {
        jdbc.sql("INSERT INTO login_attempt (username, ip, success) VALUES (:u, :ip, :s)")
                .param("u", username).param("ip", ip).param("s", success).update();
    }
}
