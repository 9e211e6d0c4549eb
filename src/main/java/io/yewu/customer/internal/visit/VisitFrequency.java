package io.yewu.customer.internal.visit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * How often a route stop is visited (CUS-14), deliberately small: {@code WEEKLY} on some weekdays every
 * {@code everyWeeks} weeks, counted from the week (Monday to Sunday) of {@code startsOn}; or {@code MONTHLY} on
 * {@code monthDay}, which in a shorter month means its last day. Nothing is due before {@code startsOn}.
 * Whether the day is a working day is the planner's question, not this one's.
 */
public record VisitFrequency(Kind kind, Set<DayOfWeek> weekdays, int everyWeeks, Integer monthDay, LocalDate startsOn) {

    public enum Kind { WEEKLY, MONTHLY }

    public VisitFrequency {
        weekdays = Set.copyOf(weekdays);
    }

    public boolean isDueOn(LocalDate date) {
        if (date.isBefore(startsOn)) return false;
        return switch (kind) {
            case WEEKLY -> weekdays.contains(date.getDayOfWeek()) && weeksSinceStart(date) % everyWeeks == 0;
            case MONTHLY -> date.getDayOfMonth() == Math.min(monthDay, YearMonth.from(date).lengthOfMonth());
        };
    }

    private long weeksSinceStart(LocalDate date) {
        LocalDate firstMonday = startsOn.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return ChronoUnit.WEEKS.between(firstMonday, monday);
    }
}
