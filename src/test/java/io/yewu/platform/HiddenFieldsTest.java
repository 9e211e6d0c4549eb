package io.yewu.platform;

import io.yewu.platform.security.HiddenFields;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Field rules reach into semi-structured data: decision inputs and change-request payloads at any depth. */
class HiddenFieldsTest {

    @Test
    void hiddenMembersLeaveEveryLevelOfTheTree() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("limitAfter", "50000");
        inputs.put("reason", "客户要求");
        Map<String, Object> decision = Map.of("outcome", "[\"BUSINESS_MANAGER\"]",
                "hits", List.of(Map.of("ruleId", "CUS-15", "inputs", inputs)),
                "creditLimit", Map.of("old", 1, "new", 2));
        Object stripped = HiddenFields.strip(decision, Set.of("limitAfter", "creditLimit"));
        assertThat(stripped.toString()).contains("CUS-15", "客户要求", "BUSINESS_MANAGER").doesNotContain("limitAfter", "creditLimit", "50000");
        assertThat(HiddenFields.strip(decision, Set.of())).isSameAs(decision);
        assertThat(HiddenFields.strip("text", Set.of("x"))).isEqualTo("text");
    }
}
