package io.yewu.service.internal.policy;

import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.internal.ServiceSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** SVC-6 for text messages: quiet hours hold a message until call hours; failures retry with a growing pause. */
class SmsPolicyTest {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SH).toInstant();
    }

    private static SettingsSnapshot hours(String from, String until) {
        return SettingsSnapshot.defaults().with(ServiceSettings.CALLS_FROM, LocalTime.parse(from))
                .with(ServiceSettings.CALLS_UNTIL, LocalTime.parse(until));
    }

    @ParameterizedTest(name = "SVC-6 SMS: queued {0}, call hours {1}–{2} -> sent {3}")
    @CsvSource({
            "2026-11-30T10:00, 09:00, 20:00, 2026-11-30T10:00",
            "2026-11-30T09:00, 09:00, 20:00, 2026-11-30T09:00",
            "2026-11-30T08:59, 09:00, 20:00, 2026-11-30T09:00",
            "2026-11-30T00:10, 09:00, 20:00, 2026-11-30T09:00",
            "2026-11-30T20:00, 09:00, 20:00, 2026-12-01T09:00",
            "2026-11-30T23:30, 09:00, 20:00, 2026-12-01T09:00",
            "2026-12-31T21:00, 09:00, 20:00, 2027-01-01T09:00",
            "2026-11-30T07:30, 08:00, 18:00, 2026-11-30T08:00",
    })
    void SVC6_smsHeldForQuietHours(String queued, String from, String until, String expected) {
        var d = SmsPolicy.sendAt(at(queued), hours(from, until));
        assertThat(d.outcome()).isEqualTo(at(expected));
        assertThat(d.ruleIds()).containsExactly("SVC-6");
    }

    @ParameterizedTest(name = "SVC-6 SMS: failure {0} at {1} (max {2}) -> retry at {3}")
    @CsvSource(nullValues = "-", value = {
            "1, 2026-11-30T10:00:00, 5, 2026-11-30T10:00:30",
            "2, 2026-11-30T10:00:00, 5, 2026-11-30T10:01:00",
            "4, 2026-11-30T10:00:00, 5, 2026-11-30T10:04:00",
            "5, 2026-11-30T10:00:00, 5, -",
            "9, 2026-11-30T10:00:00, 10, 2026-11-30T11:00:00",
            "1, 2026-11-30T19:59:50, 5, 2026-12-01T09:00:00",
            "1, 2026-11-30T10:00:00, 1, -",
    })
    void SVC6_smsRetriedThenGivenUp(int tries, String failedAt, long max, String expected) {
        var d = SmsPolicy.retry(tries, at(failedAt), hours("09:00", "20:00").with(ServiceSettings.SMS_MAX_TRIES, max));
        assertThat(d.outcome()).isEqualTo(expected == null ? java.util.Optional.empty() : java.util.Optional.of(at(expected)));
        assertThat(d.ruleIds()).containsExactly("SVC-6");
    }
}
