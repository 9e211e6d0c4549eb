package io.yewu.customer;

import io.yewu.customer.internal.PartyRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PartyRuleTest {

    @ParameterizedTest(name = "CUS-7: decider {0}, claimant {1}, owner {2} -> party {3}")
    @CsvSource(nullValues = "none", value = {
            "3, 4, 5, false",   // the claimant's manager, owner someone else: decides
            "3, 4, 3, true",    // the manager owns the customer: a party, the general manager decides
            "4, 4, 5, true",    // the claimant
            "5, 4, 5, true",    // the owner
            "3, 4, none, false",
    })
    void CUS7_whoDecidesADisputeIsNeverAParty(long decider, Long claimant, Long owner, boolean party) {
        assertThat(PartyRule.isParty(decider, claimant, owner)).isEqualTo(party);
    }

    @ParameterizedTest(name = "CUS-8: manager {0} moves from {1} to {2} -> party {3}")
    @CsvSource(nullValues = "none", value = {
            "3, 4, 5, false",   // between two salespeople
            "3, 4, 3, true",    // to the manager themself
            "3, 3, 5, true",    // the manager's own customer
            "3, none, 3, true", // a pooled customer to the manager themself
            "3, none, 5, false",
    })
    void CUS8_whoTransfersIsNeverTheFromOrToUser(long manager, Long from, Long to, boolean party) {
        assertThat(PartyRule.isParty(manager, from, to)).isEqualTo(party);
    }
}
