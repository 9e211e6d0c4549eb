package io.yewu.customer.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo book is a pure function of its size, and every planned file is one the API would accept (CUS-1, CUS-6). */
class DemoCustomerPlanTest {

    @Test
    void theSameSizeAlwaysGivesTheSameBook() {
        assertThat(DemoCustomerPlan.of(300)).isEqualTo(DemoCustomerPlan.of(300));
    }

    @ParameterizedTest(name = "CUS-1: all {0} planned files pass the API's validation")
    @ValueSource(ints = {1, 40, 300, 1000})
    void everyPlannedFilePassesValidation(int size) {
        List<DemoCustomerPlan.Customer> plan = DemoCustomerPlan.of(size);
        assertThat(plan).hasSize(size);
        for (DemoCustomerPlan.Customer c : plan) {
            assertThat(CustomerValidation.validate(c.input())).as(c.input().name()).isEmpty();
            assertThat(Cities.canonical(c.input().city())).as(c.input().city()).isPresent();
            if (c.input().creditCode() != null) assertThat(CustomerKeys.creditCode(c.input().creditCode())).isPresent();
            for (var contact : c.input().contacts()) {
                if (contact.phone() != null) assertThat(CustomerKeys.phone(contact.phone())).as(contact.phone()).isPresent();
            }
        }
    }

    @ParameterizedTest(name = "CUS-6: no two of {0} planned files share a name, credit code, phone or e-mail")
    @ValueSource(ints = {300, 1000})
    void noTwoFilesShareAKey(int size) {
        Set<CustomerKeys.Key> seen = new HashSet<>();
        for (DemoCustomerPlan.Customer c : DemoCustomerPlan.of(size)) {
            var in = c.input();
            for (CustomerKeys.Key key : CustomerKeys.of(in.name(), in.creditCode(), in.phones(), in.emails())) {
                assertThat(seen.add(key)).as("%s of %s", key, in.name()).isTrue();
            }
        }
    }

    @Test
    void threeHundredCoverEveryStageAndEverySalesperson() {
        List<DemoCustomerPlan.Customer> plan = DemoCustomerPlan.of(300);
        Map<DemoCustomerPlan.Kind, Integer> kinds = new EnumMap<>(DemoCustomerPlan.Kind.class);
        plan.forEach(c -> kinds.merge(c.kind(), 1, Integer::sum));
        assertThat(kinds).containsOnlyKeys(DemoCustomerPlan.Kind.values());
        // fewer pooled leads than a page of the pool (20), so a lead entered today is on the manager's first page
        assertThat(kinds.get(DemoCustomerPlan.Kind.POOL)).isEqualTo(15);
        for (String s : DemoCustomerPlan.SALESPEOPLE) {
            for (var k : List.of(DemoCustomerPlan.Kind.INTENTION, DemoCustomerPlan.Kind.FIRST_ORDER, DemoCustomerPlan.Kind.ACTIVE)) {
                assertThat(plan).as("%s has %s", s, k).anyMatch(c -> c.filer().equals(s) && c.kind() == k);
            }
        }
        assertThat(plan).filteredOn(c -> c.kind().online()).allMatch(c -> c.filer().equals(DemoCustomerPlan.PROMOTER));
    }

    @Test
    void followUpsLieInThePastAndNextDatesNeverPrecedeThem() {
        List<DemoCustomerPlan.Customer> plan = DemoCustomerPlan.of(300);
        int dueToday = 0;
        int overdue = 0;
        for (DemoCustomerPlan.Customer c : plan) {
            int previous = Integer.MAX_VALUE;
            for (DemoCustomerPlan.FollowUp f : c.followUps()) {
                assertThat(f.daysAgo()).isBetween(1, c.createdDaysAgo());
                assertThat(f.daysAgo()).isLessThan(previous);
                previous = f.daysAgo();
                if (f.nextInDays() != null) assertThat(f.nextInDays()).isGreaterThanOrEqualTo(-f.daysAgo());
            }
            if (!c.followUps().isEmpty()) {
                Integer next = c.followUps().getLast().nextInDays();
                if (next != null && next == 0) dueToday++;
                if (next != null && next < 0) overdue++;
            }
            if (c.lastOrderDaysAgo() != null) assertThat(c.lastOrderDaysAgo()).isLessThan(c.createdDaysAgo());
            if (c.kind() == DemoCustomerPlan.Kind.DORMANT) assertThat(c.lastOrderDaysAgo()).isGreaterThan(180);
            if (c.kind() == DemoCustomerPlan.Kind.ACTIVE) assertThat(c.lastOrderDaysAgo()).isLessThan(180);
        }
        assertThat(dueToday).isGreaterThanOrEqualTo(8);
        assertThat(overdue).isGreaterThanOrEqualTo(8);
    }
}
