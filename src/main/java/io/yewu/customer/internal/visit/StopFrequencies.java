package io.yewu.customer.internal.visit;

import io.yewu.platform.web.ProblemException.FieldProblem;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a stop's frequency fields and turns them into a {@link VisitFrequency}. */
final class StopFrequencies {

    private StopFrequencies() {}

    static List<FieldProblem> problems(String at, RouteInput.Stop s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (s.frequency() == VisitFrequency.Kind.WEEKLY) {
            if (s.weekdays() == null || s.weekdays().isEmpty()) {
                problems.add(new FieldProblem(at + "weekdays", "required"));
            } else if (s.weekdays().stream().anyMatch(d -> d == null || d < 1 || d > 7)) {
                problems.add(new FieldProblem(at + "weekdays", "route-weekday"));
            }
            if (s.everyWeeks() != null && (s.everyWeeks() < 1 || s.everyWeeks() > 52)) {
                problems.add(new FieldProblem(at + "everyWeeks", "route-every-weeks"));
            }
        } else if (s.monthDay() == null || s.monthDay() < 1 || s.monthDay() > 31) {
            problems.add(new FieldProblem(at + "monthDay", "route-month-day"));
        }
        return problems;
    }

    /** Only after {@link #problems} found none. */
    static VisitFrequency of(RouteInput.Stop s, LocalDate today) {
        LocalDate startsOn = s.startsOn() == null ? today : s.startsOn();
        if (s.frequency() == VisitFrequency.Kind.MONTHLY) {
            return new VisitFrequency(VisitFrequency.Kind.MONTHLY, Set.of(), 1, s.monthDay(), startsOn);
        }
        Set<DayOfWeek> days = s.weekdays().stream().map(DayOfWeek::of).collect(Collectors.toSet());
        return new VisitFrequency(VisitFrequency.Kind.WEEKLY, days, s.everyWeeks() == null ? 1 : s.everyWeeks(), null, startsOn);
    }
}
