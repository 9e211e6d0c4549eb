package io.yewu.platform.decision;

import java.util.LinkedHashMap;
import java.util.Map;

/** One rule that fired: its id in the spec (e.g. {@code ORD-4b}), its text in both languages and the inputs it read. */
public record RuleHit(String ruleId, String zh, String en, Map<String, Object> inputs) {

    public RuleHit {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }

    public static RuleHit of(String ruleId, String zh, String en) {
        return new RuleHit(ruleId, zh, en, Map.of());
    }

    /**
     * A hit with the inputs it read, given as name, value, name, value …: numbers and booleans stay as they are, other
     * values become text, and a missing input is recorded as "-" (a hit keeps no nulls).
     */
    public static RuleHit hit(String ruleId, String zh, String en, Object... namesAndValues) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            inputs.put((String) namesAndValues[i], v == null ? "-" : v instanceof Number || v instanceof Boolean ? v : v.toString());
        }
        return new RuleHit(ruleId, zh, en, inputs);
    }
}
