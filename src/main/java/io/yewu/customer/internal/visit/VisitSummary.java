package io.yewu.customer.internal.visit;

import io.yewu.platform.security.YewuPrincipal;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The visit figures the home pages show (CUS-14), read from the same plans as the visit pages. */
@Component
public class VisitSummary {

    public record Stop(long customerId, String customerName, String city, Long visitId, String status) {}

    /** Today's plan for the visitor: how many stops, how many checked in and done, and the stops in route order. */
    public record Today(LocalDate date, boolean workingDay, int planned, int checkedIn, int done, List<Stop> stops) {}

    public record Person(long userId, String name, int planned, int done, int unplannedDone, BigDecimal rate) {}

    public record Week(String week, LocalDate from, LocalDate to, List<Person> people) {}

    private final VisitPlans plans;

    VisitSummary(VisitPlans plans) {
        this.plans = plans;
    }

    public Today today(YewuPrincipal me, LocalDate date) {
        VisitPlans.DayPlan plan = plans.plan(me, date);
        List<Stop> stops = plan.items().stream().map(i -> new Stop(i.customerId(), i.customerName(), i.city(), i.visitId(),
                i.status().name())).toList();
        int checkedIn = (int) plan.items().stream().filter(i -> i.status() == VisitPlans.Status.CHECKED_IN).count();
        int done = (int) plan.items().stream().filter(i -> i.status() == VisitPlans.Status.DONE).count();
        return new Today(date, plan.workingDay(), stops.size(), checkedIn, done, stops);
    }

    /** The current week's plan completion of everyone in the reader's data scope. */
    public Week thisWeek(YewuPrincipal me) {
        VisitPlans.Completion c = plans.completion(me, null, null);
        return new Week(c.week(), c.from(), c.to(), c.people().stream()
                .map(p -> new Person(p.userId(), p.name(), p.planned(), p.done(), p.unplannedDone(), p.rate())).toList());
    }
}
