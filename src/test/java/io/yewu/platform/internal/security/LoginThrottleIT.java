package io.yewu.platform.internal.security;

import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lock-out cannot be turned against a user: failures count per name and address, so guessing from one address
 * never locks the same user out from another; one address guessing through many names hits the gentler limit.
 */
class LoginThrottleIT extends IntegrationTest {

    @Autowired
    LoginThrottle throttle;

    @Test
    void failuresFromOneAddressDoNotLockTheSameUserOutFromAnother() {
        String user = "admin-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfter(user, "203.0.113.7")).as("attempt " + i).isEmpty();
            throttle.record(user, "203.0.113.7", false);
        }
        assertThat(throttle.retryAfter(user, "203.0.113.7")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15)));
        assertThat(throttle.retryAfter(user.toUpperCase(), "203.0.113.7")).as("names are case-insensitive").isPresent();
        assertThat(throttle.retryAfter(user, "198.51.100.20")).as("the user's own office").isEmpty();
        throttle.record(user, "198.51.100.20", true);
        assertThat(throttle.retryAfter(user, "203.0.113.7")).as("a success elsewhere frees no attacker").isPresent();
    }

    @Test
    void aSuccessFromTheSameAddressResetsThePairsCount() {
        String user = "typo-" + System.nanoTime();
        for (int i = 0; i < 4; i++) throttle.record(user, "192.0.2.44", false);
        throttle.record(user, "192.0.2.44", true);
        for (int i = 0; i < 4; i++) throttle.record(user, "192.0.2.44", false);
        assertThat(throttle.retryAfter(user, "192.0.2.44")).isEmpty();
    }

    @Test
    void oneAddressGuessingThroughManyNamesHitsTheAddressLimit() {
        String address = "192.0.2." + (100 + System.nanoTime() % 100);
        for (int i = 0; i < 50; i++) {
            String name = "spray-" + i + "-" + System.nanoTime();
            assertThat(throttle.retryAfter(name, address)).as("failure " + i).isEmpty();
            throttle.record(name, address, false);
        }
        assertThat(throttle.retryAfter("someone-new", address)).isPresent();
        assertThat(throttle.retryAfter("someone-new", "192.0.2.1")).isEmpty();
    }
}
