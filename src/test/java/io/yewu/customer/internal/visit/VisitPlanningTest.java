package io.yewu.customer.internal.visit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** CUS-14: which stops fall on a day, and the day's plan from the routes. */
class VisitPlanningTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 4); // a Wednesday, week of Monday 11-02

    private static VisitFrequency weekly(int every, DayOfWeek... days) {
        return new VisitFrequency(VisitFrequency.Kind.WEEKLY, Set.of(days), every, null, START);
    }

    @ParameterizedTest(name = "CUS-14: weekly Mon+Thu every {0} week(s), {1} -> {2}")
    @CsvSource({
            "1, 2026-11-02, false", // Monday before startsOn
            "1, 2026-11-05, true",  // Thursday of the start week
            "1, 2026-11-09, true",
            "1, 2026-11-10, false", // Tuesday
            "2, 2026-11-09, false", // odd week of a fortnightly cycle
            "2, 2026-11-16, true",
            "2, 2026-11-19, true",
            "3, 2026-11-23, true",
            "3, 2026-11-16, false"})
    void CUS14_weeklyEveryNWeeksCountsFromTheStartWeek(int every, LocalDate date, boolean due) {
        assertThat(weekly(every, DayOfWeek.MONDAY, DayOfWeek.THURSDAY).isDueOn(date)).isEqualTo(due);
    }

    @ParameterizedTest(name = "CUS-14: monthly day {0}, {1} -> {2}")
    @CsvSource({"15, 2026-11-15, true", "15, 2026-11-16, false", "31, 2026-11-30, true", "31, 2026-12-31, true",
            "31, 2026-12-30, false", "30, 2027-02-28, true", "1, 2026-11-01, false"})
    void CUS14_monthlyDayIsClampedToTheMonthsLastDay(int day, LocalDate date, boolean due) {
        assertThat(new VisitFrequency(VisitFrequency.Kind.MONTHLY, Set.of(), 1, day, START).isDueOn(date)).isEqualTo(due);
    }

    @Test
    void CUS14_planSkipsNonWorkingDaysAndClosedCustomersAndKeepsRouteOrder() {
        LocalDate thursday = LocalDate.of(2026, 11, 5);
        VisitFrequency thu = weekly(1, DayOfWeek.THURSDAY);
        List<DayPlanner.Stop> stops = List.of(
                new DayPlanner.Stop(2, "B线", 1, 30, false, thu),
                new DayPlanner.Stop(1, "A线", 2, 20, false, thu),
                new DayPlanner.Stop(1, "A线", 1, 10, false, thu),
                new DayPlanner.Stop(1, "A线", 3, 40, true, thu),                    // closed: leaves the plan
                new DayPlanner.Stop(1, "A线", 4, 50, false, weekly(1, DayOfWeek.MONDAY)),
                new DayPlanner.Stop(2, "B线", 2, 10, false, thu));                  // same customer, planned once
        DayPlanner planner = new DayPlanner();
        assertThat(planner.plan(thursday, true, stops)).extracting(DayPlanner.Stop::customerId).containsExactly(10L, 20L, 30L);
        assertThat(planner.plan(thursday, false, stops)).isEmpty();
    }

    @Test
    void CUS14_isoWeeksParseAndPrint() {
        assertThat(VisitPlans.monday("2026-W48")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(VisitPlans.isoWeek(LocalDate.of(2026, 11, 23))).isEqualTo("2026-W48");
        assertThat(VisitPlans.isoWeek(LocalDate.of(2026, 12, 28))).isEqualTo("2026-W53");
        assertThat(VisitPlans.monday("2027-W01")).isEqualTo(LocalDate.of(2027, 1, 4));
    }
}
