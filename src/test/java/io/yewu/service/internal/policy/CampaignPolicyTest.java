package io.yewu.service.internal.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SVC-6 campaign return visits: shared among the desk in turn. */
class CampaignPolicyTest {

    @ParameterizedTest(name = "SVC-6 campaign: {0} customers among desk [{1}] -> [{2}]")
    @CsvSource(delimiter = '|', value = {
            "5 | 7 8     | 7 8 7 8 7",
            "3 | 7 8 9   | 7 8 9",
            "2 | 7 8 9   | 7 8",
            "4 | 7       | 7 7 7 7",
            "0 | 7 8     | ''",
            "3 | ''      | ''",
    })
    void SVC6_campaignSharedInTurn(int customers, String desk, String expected) {
        var d = CampaignPolicy.share(customers, ids(desk), 0);
        assertThat(d.outcome()).isEqualTo(ids(expected));
        assertThat(d.ruleIds()).containsExactly("SVC-6");
    }

    private static List<Long> ids(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.trim().split("\\s+")).map(Long::valueOf).toList();
    }
}
