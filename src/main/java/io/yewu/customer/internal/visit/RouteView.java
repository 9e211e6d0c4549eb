package io.yewu.customer.internal.visit;

import java.time.LocalDate;
import java.util.List;

/** A route as the client reads it. */
record RouteView(long id, String name, long ownerId, String ownerName, long version, List<Stop> stops) {

    record Stop(int position, long customerId, String customerName, String city, String stage,
                VisitFrequency.Kind frequency, List<Integer> weekdays, int everyWeeks, Integer monthDay,
                LocalDate startsOn) {}

    record Summary(long id, String name, long ownerId, String ownerName, int stopCount, long version) {}
}
