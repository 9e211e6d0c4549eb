package io.yewu.platform.internal.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GrantPolicyTest {

    private static Set<String> roles(String list) {
        return list == null || list.isBlank() ? Set.of()
                : Arrays.stream(list.split(" ")).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "PLT-11: caller [{0}], target before [{1}], requested [{2}] -> {3}")
    @CsvSource(nullValues = "-", value = {
            "ADMIN,              -,                  SALESPERSON,        -",
            "ADMIN,              SALESPERSON,        ADMIN,              -",
            "ADMIN,              -,                  ADMIN GROUP_ADMIN,  group-admin-only",
            "ADMIN,              SALESPERSON,        GROUP_ADMIN,        group-admin-only",
            "ADMIN,              ADMIN GROUP_ADMIN,  ADMIN,              group-admin-only",
            "ADMIN,              ADMIN GROUP_ADMIN,  ADMIN GROUP_ADMIN,  group-admin-only",
            "ADMIN GROUP_ADMIN,  -,                  GROUP_ADMIN,        -",
            "ADMIN GROUP_ADMIN,  ADMIN GROUP_ADMIN,  ADMIN,              -"})
    void onlyAGroupAdministratorGrantsOrTouchesGroupAdministrators(String caller, String before, String requested,
                                                                    String refusal) {
        assertThat(GrantPolicy.refusal(roles(caller), roles(before), roles(requested)).orElse(null)).isEqualTo(refusal);
    }
}
