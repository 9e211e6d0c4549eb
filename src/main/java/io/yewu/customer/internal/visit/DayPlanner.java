package io.yewu.customer.internal.visit;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The day's planned visits from a person's routes (CUS-14): on a working day, every stop whose frequency is due,
 * in route and stop order. A customer marked closed leaves the plan (and so never counts against completion);
 * a customer on two routes the same day is planned once, at its first stop. Pure: the caller says whether the
 * day is a working day of the business calendar (PLT-4).
 */
public final class DayPlanner {

    public record Stop(long routeId, String routeName, int position, long customerId, boolean customerClosed,
                       VisitFrequency frequency) {}

    public List<Stop> plan(LocalDate date, boolean workingDay, List<Stop> stops) {
        if (!workingDay) return List.of();
        Map<Long, Stop> byCustomer = new LinkedHashMap<>();
        stops.stream()
                .filter(s -> !s.customerClosed() && s.frequency().isDueOn(date))
                .sorted(Comparator.comparing(Stop::routeName).thenComparingLong(Stop::routeId).thenComparingInt(Stop::position))
                .forEach(s -> byCustomer.putIfAbsent(s.customerId(), s));
        return List.copyOf(byCustomer.values());
    }
}
