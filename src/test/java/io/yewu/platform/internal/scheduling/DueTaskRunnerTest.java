package io.yewu.platform.internal.scheduling;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The failure log counts attempts against the limit, and never past it ("attempt 6 of 5"). */
class DueTaskRunnerTest {

    @ParameterizedTest(name = "attempt {0} with at most {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "1|5|attempt 1 of 5",
            "5|5|attempt 5 of 5",
            "6|5|attempt 6, one more after 5 granted by a retry",
            "7|5|attempt 7, one more after 5 granted by a retry"})
    void attemptText(int attempts, int maxAttempts, String text) {
        assertThat(DueTaskRunner.attemptText(attempts, maxAttempts)).isEqualTo(text);
    }
}
