package io.yewu.order.internal.policy;

import io.yewu.order.internal.policy.DeliveryPromisePolicy.Line;
import io.yewu.platform.calendar.CalendarDay;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.pricing.ProductKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPromisePolicyTest {

    /** 2026 中秋 and 国庆 with their make-up workdays (PLT-4). */
    private static final WorkCalendar CALENDAR = calendar();
    private final DeliveryPromisePolicy policy = new DeliveryPromisePolicy();

    private static WorkCalendar calendar() {
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-09-25"); !d.isAfter(LocalDate.parse("2026-09-27")); d = d.plusDays(1)) days.add(new CalendarDay(d, true, "中秋节"));
        for (LocalDate d = LocalDate.parse("2026-10-01"); !d.isAfter(LocalDate.parse("2026-10-07")); d = d.plusDays(1)) days.add(new CalendarDay(d, true, "国庆节"));
        days.add(new CalendarDay(LocalDate.parse("2026-09-20"), false, "调休"));
        days.add(new CalendarDay(LocalDate.parse("2026-10-10"), false, "调休"));
        return new WorkCalendar(days, java.util.Set.of(2026));
    }

    @ParameterizedTest(name = "ORD-7: standard lines released on {0}, promise {1} working days -> ship by {2}")
    @CsvSource({"2026-11-24, 4, 2026-11-30", "2026-09-30, 4, 2026-10-12", "2026-10-09, 4, 2026-10-14",
            "2026-11-28, 4, 2026-12-03", "2026-11-24, 3, 2026-11-27"})
    void ORD7_standardLinesShipWithinWorkingDays(LocalDate released, long days, LocalDate shipBy) {
        var rules = OrderRules.from(SettingsSnapshot.defaults().with(OrderSettings.PROMISE_WORKING_DAYS, days));
        var d = policy.shipBy(released, List.of(new Line(ProductKind.STANDARD, null)), CALENDAR, rules);
        assertThat(d.outcome()).contains(shipBy);
        assertThat(d.ruleIds()).containsExactly("ORD-7");
    }

    @ParameterizedTest(name = "ORD-7: released 2026-11-24, custom line committed for {0}, with standard {1} -> ship by {2}")
    @CsvSource({"2026-12-10, true, 2026-12-10", "2026-11-26, true, 2026-11-30", "2026-11-26, false, 2026-11-26", "'', true, ''"})
    void ORD7_customLinesShipOnTheProductionDate(String production, boolean withStandard, String expected) {
        List<Line> lines = new ArrayList<>(List.of(new Line(ProductKind.NON_STANDARD, production.isEmpty() ? null : LocalDate.parse(production))));
        if (withStandard) lines.add(new Line(ProductKind.STANDARD, null));
        var d = policy.shipBy(LocalDate.parse("2026-11-24"), lines, CALENDAR, OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(expected.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(LocalDate.parse(expected)));
    }

    @ParameterizedTest(name = "ORD-7: ship by 2026-11-30, shipped {0}, today {1} -> late {2}")
    @CsvSource({"2026-11-30, 2026-12-05, false", "2026-12-01, 2026-12-05, true", "'', 2026-11-30, false", "'', 2026-12-01, true"})
    void ORD7_lateShipmentsAreFlagged(String shipped, LocalDate today, boolean late) {
        var d = policy.late(LocalDate.parse("2026-11-30"), shipped.isEmpty() ? null : LocalDate.parse(shipped), today, OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(late);
    }

    @Test
    void ORD7_onTimeRatePerMonth() {
        assertThat(policy.onTimeRate(List.of(false, false, true))).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("66.67"));
        assertThat(policy.onTimeRate(List.of())).isEmpty();
    }
}
