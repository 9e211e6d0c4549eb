package io.yewu.pricing.internal.policy;

import io.yewu.platform.decision.RuleHit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds rule hits with the inputs they read; a missing input is recorded as "-" (RuleHit keeps no nulls). */
final class Hits {

    private Hits() {}

    static RuleHit hit(String ruleId, String zh, String en, Object... keysAndValues) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            inputs.put((String) keysAndValues[i], v == null ? "-" : v instanceof Number || v instanceof Boolean ? v : v.toString());
        }
        return new RuleHit(ruleId, zh, en, inputs);
    }
}
