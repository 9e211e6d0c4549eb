package io.yewu.order.internal.policy;

import io.yewu.order.internal.policy.ContractRecordPolicy.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContractRecordPolicyTest {

    @ParameterizedTest(name = "ORD-9: records [{0}], new {1}, file {2} -> version {3}")
    @CsvSource({"'', SIGNING, true, 1", "'', CHANGE, true, ''", "'', SIGNING, false, ''", "SIGNING, EXECUTION, true, 2",
            "SIGNING EXECUTION, CHANGE, true, 3", "SIGNING EXECUTION CHANGE, SUPPLEMENT, true, 4", "SIGNING, SIGNING, true, ''",
            "SIGNING, SUPPLEMENT, false, ''"})
    void ORD9_contractRecordsAreVersionedWithTheirFile(String existing, Kind kind, boolean file, String version) {
        List<Kind> records = existing.isBlank() ? List.of() : Arrays.stream(existing.split(" ")).map(Kind::valueOf).toList();
        var d = new ContractRecordPolicy().nextVersion(records, kind, file, OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(version.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(version)));
        assertThat(d.ruleIds()).containsExactly("ORD-9");
    }
}
