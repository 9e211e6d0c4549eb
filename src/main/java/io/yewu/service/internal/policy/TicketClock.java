package io.yewu.service.internal.policy;

import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.internal.ServiceSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

/**
 * How ticket time is counted (SVC-3, SVC-4): clock hours (the spec's decision), or only office hours on working
 * days when the setting {@code service.timers.working-hours} is on. Pure; Asia/Shanghai.
 */
public record TicketClock(boolean workingHours, Predicate<LocalDate> workingDay, LocalTime start, LocalTime end) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static TicketClock clockHours() {
        return new TicketClock(false, d -> true, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    public static TicketClock of(SettingsSnapshot settings, WorkCalendar calendar) {
        if (!settings.get(ServiceSettings.WORKING_HOURS)) return clockHours();
        return new TicketClock(true, calendar::isWorkingDay, settings.get(ServiceSettings.OFFICE_START),
                settings.get(ServiceSettings.OFFICE_END));
    }

    /** {@code from} plus {@code amount} of counted time. */
    public Instant plus(Instant from, Duration amount) {
        if (!workingHours) return from.plus(amount);
        if (!end.isAfter(start)) throw new IllegalStateException("office hours end before they start");
        ZonedDateTime t = from.atZone(ZONE);
        Duration left = amount;
        for (int guard = 0; guard < 20_000; guard++) {
            LocalDate day = t.toLocalDate();
            ZonedDateTime open = day.atTime(start).atZone(ZONE);
            ZonedDateTime close = day.atTime(end).atZone(ZONE);
            if (!workingDay.test(day) || !t.isBefore(close)) {
                t = day.plusDays(1).atTime(start).atZone(ZONE);
                continue;
            }
            if (t.isBefore(open)) t = open;
            Duration available = Duration.between(t, close);
            if (left.compareTo(available) <= 0) return t.plus(left).toInstant();
            left = left.minus(available);
            t = day.plusDays(1).atTime(start).atZone(ZONE);
        }
        throw new IllegalStateException("no working time found");
    }

    /** Counted time from {@code a} to {@code b} (zero when b is not after a). */
    public Duration between(Instant a, Instant b) {
        if (!b.isAfter(a)) return Duration.ZERO;
        if (!workingHours) return Duration.between(a, b);
        Duration total = Duration.ZERO;
        ZonedDateTime from = a.atZone(ZONE);
        ZonedDateTime to = b.atZone(ZONE);
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            if (!workingDay.test(day)) continue;
            ZonedDateTime open = day.atTime(start).atZone(ZONE);
            ZonedDateTime close = day.atTime(end).atZone(ZONE);
            ZonedDateTime s = from.isAfter(open) ? from : open;
            ZonedDateTime e = to.isBefore(close) ? to : close;
            if (e.isAfter(s)) total = total.plus(Duration.between(s, e));
        }
        return total;
    }

    public String basis() {
        return workingHours ? "WORKING" : "CLOCK";
    }
}
