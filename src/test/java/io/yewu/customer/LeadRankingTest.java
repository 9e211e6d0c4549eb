package io.yewu.customer;

import io.yewu.customer.internal.LeadRanking;
import io.yewu.customer.internal.LeadRanking.Candidate;
import io.yewu.customer.internal.LeadRanking.Lead;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LeadRankingTest {

    private final LeadRanking ranking = new LeadRanking();
    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    private static Candidate person(long id, Set<String> skills, int received, int open, Instant last) {
        return new Candidate(id, "p" + id, skills, true, false, received, open, last);
    }

    private List<Long> order(Lead lead, Candidate... people) {
        return ranking.rank(lead, List.of(people), 1).outcome().stream().map(LeadRanking.Ranked::userId).toList();
    }

    @Test
    void CUS10_knowledgeMatchComesFirst() {
        Lead lead = new Lead(1, "饮料");
        assertThat(order(lead, person(1, Set.of(), 0, 0, null), person(2, Set.of("饮料"), 5, 9, T0))).containsExactly(2L, 1L);
    }

    @Test
    void CUS10_thenFewestLeadsThisMonth_thenFewestOpenLeads() {
        Lead lead = new Lead(1, "饮料");
        assertThat(order(lead, person(1, Set.of(), 3, 0, null), person(2, Set.of(), 2, 5, null))).containsExactly(2L, 1L);
        assertThat(order(lead, person(1, Set.of(), 2, 4, null), person(2, Set.of(), 2, 1, null))).containsExactly(2L, 1L);
    }

    @Test
    void CUS10_thenLeastRecentlyAssigned() {
        Lead lead = new Lead(1, "");
        assertThat(order(lead, person(1, Set.of(), 1, 1, T0.plusSeconds(60)), person(2, Set.of(), 1, 1, T0)))
                .containsExactly(2L, 1L);
    }

    @Test
    void CUS10_inactiveAndAbsentPeopleAreNotEligible() {
        Lead lead = new Lead(1, "");
        var decision = ranking.rank(lead, List.of(
                new Candidate(1, "a", Set.of(), false, false, 0, 0, null),
                new Candidate(2, "b", Set.of(), true, true, 0, 0, null),
                person(3, Set.of(), 9, 9, T0)), 7);
        assertThat(decision.outcome()).extracting(LeadRanking.Ranked::userId).containsExactly(3L);
        assertThat(decision.hits().getFirst().inputs()).containsEntry("excluded", 2);
        assertThat(decision.settingsVersion()).isEqualTo(7);
    }

    /** Odoo gave all 30 leads of its test to the earliest-created member; here ties never favour creation order. */
    @Test
    void CUS10_aBatchIsSpreadEvenlyAndTiesDoNotFavourTheFirstCreatedUser() {
        List<Candidate> team = List.of(person(1, Set.of(), 0, 0, null), person(2, Set.of(), 0, 0, null),
                person(3, Set.of(), 0, 0, null));
        List<Lead> leads = new ArrayList<>();
        for (int i = 1; i <= 30; i++) leads.add(new Lead(i, ""));
        var result = ranking.distribute(leads, team, T0, 1);
        Map<Long, Integer> perPerson = new HashMap<>();
        result.values().forEach(d -> perPerson.merge(d.outcome(), 1, Integer::sum));
        assertThat(perPerson).containsOnly(Map.entry(1L, 10), Map.entry(2L, 10), Map.entry(3L, 10));
        long firstPicks = 0;
        for (int lead = 1; lead <= 300; lead++) {
            if (order(new Lead(lead, ""), team.toArray(Candidate[]::new)).getFirst() == 1L) firstPicks++;
        }
        assertThat(firstPicks).isBetween(60L, 140L); // about a third, not all
    }

    @Test
    void CUS10_expertsReceiveTheirCategoryUntilEqualityIsDue() {
        List<Candidate> team = List.of(person(1, Set.of("酒类"), 0, 0, null), person(2, Set.of(), 0, 0, null));
        var result = ranking.distribute(List.of(new Lead(1, "酒类"), new Lead(2, "酒类"), new Lead(3, "饮料")), team, T0, 1);
        assertThat(result.get(1L).outcome()).isEqualTo(1L);
        assertThat(result.get(2L).outcome()).isEqualTo(1L);
        assertThat(result.get(3L).outcome()).isEqualTo(2L);
        assertThat(result.get(1L).ruleIds()).containsOnly("CUS-10");
    }
}
