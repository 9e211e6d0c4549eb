package io.yewu.service.internal.policy;

import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.internal.ServiceSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** SVC-10: the shift on at an instant, and the roster day it belongs to. */
class ShiftPolicyTest {

    @ParameterizedTest(name = "SVC-10: {0} with day {1} / night {2} -> {4} shift of {3}")
    @CsvSource({
            "2026-11-30T08:00, 08:00, 20:00, 2026-11-30, DAY",
            "2026-11-30T13:15, 08:00, 20:00, 2026-11-30, DAY",
            "2026-11-30T19:59, 08:00, 20:00, 2026-11-30, DAY",
            "2026-11-30T20:00, 08:00, 20:00, 2026-11-30, NIGHT",
            "2026-11-30T23:59, 08:00, 20:00, 2026-11-30, NIGHT",
            "2026-12-01T00:00, 08:00, 20:00, 2026-11-30, NIGHT",
            "2026-12-01T07:59, 08:00, 20:00, 2026-11-30, NIGHT",
            "2027-01-01T03:00, 08:00, 20:00, 2026-12-31, NIGHT",
            "2026-11-30T08:30, 09:00, 18:00, 2026-11-29, NIGHT",
            "2026-11-30T18:00, 09:00, 18:00, 2026-11-30, NIGHT",
    })
    void SVC10_theShiftOnNow(String at, String dayStart, String nightStart, String rosterDay, ShiftPolicy.Shift shift) {
        SettingsSnapshot s = SettingsSnapshot.defaults().with(ServiceSettings.DAY_SHIFT_START, LocalTime.parse(dayStart))
                .with(ServiceSettings.NIGHT_SHIFT_START, LocalTime.parse(nightStart));
        var d = ShiftPolicy.onShift(LocalDateTime.parse(at).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), s);
        assertThat(d.outcome()).isEqualTo(new ShiftPolicy.Current(LocalDate.parse(rosterDay), shift));
        assertThat(d.ruleIds()).containsExactly("SVC-10");
    }

    @ParameterizedTest(name = "SVC-10 roll call: at {0}, day {1} / night {2}, {3} min before -> {5} shift of {4}, roll call {6}")
    @CsvSource({
            "2026-11-30T07:00, 08:00, 20:00, 10, 2026-11-30, DAY,   2026-11-30T07:50",
            "2026-11-30T08:30, 08:00, 20:00, 10, 2026-11-30, DAY,   2026-11-30T07:50",
            "2026-11-30T09:01, 08:00, 20:00, 10, 2026-11-30, NIGHT, 2026-11-30T19:50",
            "2026-11-30T19:55, 08:00, 20:00, 10, 2026-11-30, NIGHT, 2026-11-30T19:50",
            "2026-11-30T21:30, 08:00, 20:00, 15, 2026-12-01, DAY,   2026-12-01T07:45",
            "2026-12-01T00:30, 08:00, 20:00, 0,  2026-12-01, DAY,   2026-12-01T08:00",
            "2026-12-31T22:00, 09:00, 18:00, 30, 2027-01-01, DAY,   2027-01-01T08:30",
    })
    void SVC10_theShiftToRollCall(String at, String dayStart, String nightStart, long before, String rosterDay,
                                  ShiftPolicy.Shift shift, String rollCallAt) {
        SettingsSnapshot s = SettingsSnapshot.defaults().with(ServiceSettings.DAY_SHIFT_START, LocalTime.parse(dayStart))
                .with(ServiceSettings.NIGHT_SHIFT_START, LocalTime.parse(nightStart)).with(ServiceSettings.ROLL_CALL_BEFORE, before);
        var d = ShiftPolicy.rollCall(LocalDateTime.parse(at).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), s);
        assertThat(d.outcome().rosterDay()).isEqualTo(LocalDate.parse(rosterDay));
        assertThat(d.outcome().shift()).isEqualTo(shift);
        assertThat(d.outcome().rollCallAt()).isEqualTo(LocalDateTime.parse(rollCallAt));
        assertThat(d.ruleIds()).containsExactly("SVC-10");
        assertThat(d.hits().getFirst().zh()).contains(String.valueOf(before));
    }
}
