package io.yewu.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Working-day arithmetic over one company's calendar (PLT-4): Monday–Friday unless an exception day says
 * otherwise. Immutable; a year without a published schedule simply has no exceptions, so it counts Monday–Friday,
 * and {@link #isPublished} tells the caller so.
 */
public final class WorkCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<LocalDate, CalendarDay> exceptions;
    private final Set<Integer> publishedYears;

    public WorkCalendar(Collection<CalendarDay> exceptions, Set<Integer> publishedYears) {
        this.exceptions = exceptions.stream().collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity()));
        this.publishedYears = Set.copyOf(publishedYears);
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay exception = exceptions.get(date);
        if (exception != null) return !exception.off();
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** The holiday or make-up workday on {@code date}, if it is one. */
    public Optional<CalendarDay> exception(LocalDate date) {
        return Optional.ofNullable(exceptions.get(date));
    }

    /** Whether the official schedule of {@code year} has been entered; if not, the year counts Monday–Friday. */
    public boolean isPublished(int year) {
        return publishedYears.contains(year);
    }

    /**
     * The {@code n}-th working day after {@code date} (before it for negative {@code n}); {@code date} itself
     * need not be a working day. {@code n = 0} answers {@code date} unchanged.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        int step = Integer.signum(n);
        LocalDate d = date;
        for (int left = Math.abs(n); left > 0; ) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) left--;
        }
        return d;
    }

    /** {@code date} if it is a working day, else the next working day. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) d = d.plusDays(1);
        return d;
    }

    /** The first instant at or after {@code from} that falls on a working day at {@code at} o'clock, in Asia/Shanghai. */
    public ZonedDateTime nextWorkingDayAt(ZonedDateTime from, LocalTime at) {
        ZonedDateTime local = from.withZoneSameInstant(ZONE);
        LocalDate day = workingDayOnOrAfter(local.toLocalDate());
        ZonedDateTime candidate = day.atTime(at).atZone(ZONE);
        return candidate.isBefore(local) ? addWorkingDays(day, 1).atTime(at).atZone(ZONE) : candidate;
    }

    public int workingDaysInMonth(YearMonth month) {
        return workingDaysBetween(month.atDay(1).minusDays(1), month.atEndOfMonth());
    }

    /**
     * The working days after {@code from} up to and including {@code to}, so that
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}; negative when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) return -workingDaysBetween(to, from);
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) count++;
        }
        return count;
    }
}
