package io.yewu.service.internal.policy;

import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.TicketType;
import io.yewu.service.internal.ServiceSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The service desk's rules, table by table (SVC-3, SVC-4, SVC-6, SVC-7, SVC-8). */
class ServicePoliciesTest {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    private static final SettingsSnapshot DEFAULTS = SettingsSnapshot.defaults();

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SH).toInstant();
    }

    /** Weekdays 08:30–17:30, Saturday and Sunday off. */
    private static TicketClock working() {
        return new TicketClock(true, d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY,
                LocalTime.of(8, 30), LocalTime.of(17, 30));
    }

    @ParameterizedTest(name = "SVC-3: {0} received {1}, answered now {2}, promised {3}, limit {4} h -> {5}")
    @CsvSource(nullValues = "-", value = {
            "INQUIRY,   2026-11-30T10:00, true,  -,                24, FIRST_CONTACT",
            "INQUIRY,   2026-11-30T10:00, false, -,                24, MISSING",
            "INQUIRY,   2026-11-30T10:00, false, 2026-11-30T10:00, 24, NOT_AFTER_RECEIPT",
            "INQUIRY,   2026-11-30T10:00, false, 2026-11-30T09:00, 24, NOT_AFTER_RECEIPT",
            "INQUIRY,   2026-11-30T10:00, false, 2026-12-01T10:00, 24, ACCEPTED",
            "INQUIRY,   2026-11-30T10:00, false, 2026-12-01T10:01, 24, BEYOND_LIMIT",
            "COMPLAINT, 2026-11-30T10:00, false, 2026-11-30T14:00, 4,  ACCEPTED",
            "COMPLAINT, 2026-11-30T10:00, false, 2026-11-30T14:30, 4,  BEYOND_LIMIT",
    })
    void promiseWithinTheTypesLimit(TicketType type, String received, boolean now, String promised, long limitHours,
                                    PromisePolicy.Verdict expected) {
        SettingsSnapshot s = DEFAULTS.with(ServiceSettings.REPLY_LIMIT.get(type), Duration.ofHours(limitHours));
        var d = PromisePolicy.decide(type, at(received), now, promised == null ? null : at(promised), TicketClock.clockHours(), s);
        assertThat(d.outcome()).isEqualTo(expected);
        assertThat(d.ruleIds()).containsExactly("SVC-3");
    }

    @ParameterizedTest(name = "SVC-3: working hours, received {0}, promised {1}, limit 8 h -> {2}")
    @CsvSource({
            // Friday 16:00 + 8 working hours = Monday 15:00 (1.5 h Friday, 6.5 h Monday from 08:30)
            "2026-11-27T16:00, 2026-11-30T15:00, ACCEPTED",
            "2026-11-27T16:00, 2026-11-30T15:01, BEYOND_LIMIT",
            // received before opening: counting starts at 08:30
            "2026-11-30T07:00, 2026-11-30T16:30, ACCEPTED",
            "2026-11-30T07:00, 2026-11-30T16:31, BEYOND_LIMIT",
    })
    void promiseInWorkingHours(String received, String promised, PromisePolicy.Verdict expected) {
        SettingsSnapshot s = DEFAULTS.with(ServiceSettings.REPLY_LIMIT.get(TicketType.INQUIRY), Duration.ofHours(8));
        assertThat(PromisePolicy.decide(TicketType.INQUIRY, at(received), false, at(promised), working(), s).outcome()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SVC-4: received {0}, promised {1}, reminder {2} %, director after {3} h -> remind {4}, director {5}")
    @CsvSource({
            "2026-11-30T10:00, 2026-11-30T14:00, 75, 24, 2026-11-30T13:00, 2026-12-01T14:00",
            "2026-11-30T10:00, 2026-12-01T10:00, 75, 24, 2026-12-01T04:00, 2026-12-02T10:00",
            "2026-11-30T10:00, 2026-11-30T20:00, 50, 2,  2026-11-30T15:00, 2026-11-30T22:00",
    })
    void timersInClockHours(String received, String promised, long percent, long directorHours, String remind, String director) {
        SettingsSnapshot s = DEFAULTS.with(ServiceSettings.REMINDER_PERCENT, percent)
                .with(ServiceSettings.DIRECTOR_AFTER, Duration.ofHours(directorHours));
        var d = TimerPolicy.timers(at(received), at(promised), TicketClock.clockHours(), s);
        assertThat(d.outcome().remindAt()).isEqualTo(at(remind));
        assertThat(d.outcome().overdueAt()).isEqualTo(at(promised));
        assertThat(d.outcome().directorAt()).isEqualTo(at(director));
        assertThat(d.ruleIds()).containsExactly("SVC-4", "SVC-4", "SVC-4");
    }

    @Test
    @DisplayName("SVC-4: in working hours the reminder and the director's time skip nights and weekends")
    void timersInWorkingHours() {
        // Friday 16:00 → Monday 12:00: 1.5 h + 3.5 h = 5 h; 75 % = 3.75 h → Monday 10:45; director 24 working h after Monday 12:00
        var d = TimerPolicy.timers(at("2026-11-27T16:00"), at("2026-11-30T12:00"), working(), DEFAULTS);
        assertThat(d.outcome().remindAt()).isEqualTo(at("2026-11-30T10:45"));
        // Monday 5.5 h left, Tuesday 9, Wednesday 9 = 23.5, Thursday 0.5 → Thursday 09:00
        assertThat(d.outcome().directorAt()).isEqualTo(at("2026-12-03T09:00"));
    }

    @Test
    @DisplayName("SVC-4: timers read the settings version they were given (the one in force at receipt)")
    void timersKeepTheirSettingsVersion() {
        SettingsSnapshot v7 = new SettingsSnapshot(7, java.util.Map.of());
        assertThat(TimerPolicy.timers(at("2026-11-30T10:00"), at("2026-11-30T14:00"), TicketClock.clockHours(), v7).settingsVersion()).isEqualTo(7);
    }

    @ParameterizedTest(name = "SVC-4: timer {0} at level {1}, {2}, marketing level {3} -> {4}")
    @CsvSource({
            "REMIND,   NONE,             INQUIRY,   false, NONE",
            "OVERDUE,  NONE,             INQUIRY,   false, SHIFT_LEAD",
            "OVERDUE,  SERVICE_DIRECTOR, INQUIRY,   false, SERVICE_DIRECTOR",
            "DIRECTOR, SHIFT_LEAD,       INQUIRY,   false, SERVICE_DIRECTOR",
            "DIRECTOR, SHIFT_LEAD,       COMPLAINT, false, SERVICE_DIRECTOR",
            "DIRECTOR, SHIFT_LEAD,       COMPLAINT, true,  MARKETING_DIRECTOR",
            "DIRECTOR, SHIFT_LEAD,       INQUIRY,   true,  SERVICE_DIRECTOR",
    })
    void escalationOnTimers(EscalationPolicy.Timer timer, EscalationPolicy.Level current, TicketType type, boolean marketing,
                            EscalationPolicy.Level expected) {
        assertThat(EscalationPolicy.onTimer(timer, current, type, marketing, 0).outcome()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SVC-4: an agent escalates at once from {0} ({1}, marketing level {2}) -> {3}")
    @CsvSource({
            "NONE,             INQUIRY,   false, SHIFT_LEAD",
            "SHIFT_LEAD,       INQUIRY,   false, SERVICE_DIRECTOR",
            "SERVICE_DIRECTOR, INQUIRY,   false, SERVICE_DIRECTOR",
            "SERVICE_DIRECTOR, COMPLAINT, true,  MARKETING_DIRECTOR",
    })
    void immediateEscalation(EscalationPolicy.Level current, TicketType type, boolean marketing, EscalationPolicy.Level expected) {
        assertThat(EscalationPolicy.immediate(current, type, marketing, 0).outcome()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SVC-6: {0} owned by {1}, resolved by {2} -> visit {3}")
    @CsvSource({
            "COMPLAINT, 1, 1, COMPLAINT",
            "COMPLAINT, 1, 2, COMPLAINT",
            "INQUIRY,   1, 2, RESOLVED_BY_OTHER",
            "INQUIRY,   1, 1, NONE",
            "SUGGESTION, 1, 1, NONE",
    })
    void returnVisitDue(TicketType type, long owner, long resolver, String expected) {
        var d = ReturnVisitPolicy.onResolution(type, owner, resolver, at("2026-11-30T10:00"), DEFAULTS);
        assertThat(d.outcome().map(v -> v.reason().name()).orElse("NONE")).isEqualTo(expected);
        d.outcome().ifPresent(v -> assertThat(v.dueAt()).isEqualTo(at("2026-12-03T10:00")));
    }

    @ParameterizedTest(name = "SVC-6: a call at {0} -> allowed {1}")
    @CsvSource({"08:59, false", "09:00, true", "13:00, true", "19:59, true", "20:00, false", "23:30, false"})
    void quietHours(String time, boolean allowed) {
        assertThat(ReturnVisitPolicy.mayCall(at("2026-11-30T" + time), DEFAULTS).outcome()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "SVC-7/8: close {0}, satisfaction {1}, failed attempts {2}, wrong number seen {3}, max {4} -> {5}")
    @CsvSource(nullValues = "-", value = {
            "SOLVED,        5, 0, false, 3, CLOSE",
            "SOLVED,        -, 0, false, 3, NEEDS_SATISFACTION",
            "SOLVED,        6, 0, false, 3, NEEDS_SATISFACTION",
            "NOT_SOLVED,    2, 0, false, 3, REOPEN",
            "NOT_SOLVED,    -, 0, false, 3, NEEDS_SATISFACTION",
            "UNREACHABLE,   -, 2, false, 3, TOO_FEW_ATTEMPTS",
            "UNREACHABLE,   -, 3, false, 3, CLOSE",
            "UNREACHABLE,   -, 4, false, 5, TOO_FEW_ATTEMPTS",
            "UNREACHABLE,   -, 5, false, 5, CLOSE",
            "WRONG_CONTACT, -, 0, false, 3, NO_WRONG_NUMBER",
            "WRONG_CONTACT, -, 1, true,  3, CLOSE",
    })
    void closingAVisit(ReturnVisitPolicy.Result result, Integer satisfaction, int failed, boolean wrong, long max,
                       ReturnVisitPolicy.CloseVerdict expected) {
        SettingsSnapshot s = DEFAULTS.with(ServiceSettings.MAX_ATTEMPTS, max);
        assertThat(ReturnVisitPolicy.close(result, satisfaction, failed, wrong, s).outcome()).isEqualTo(expected);
    }
}
