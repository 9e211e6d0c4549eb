package io.yewu.platform.decision;

import java.util.Map;

/** One rule that fired: its id in the spec (e.g. {@code ORD-4b}), its text in both languages and the inputs it read. */
public record RuleHit(String ruleId, String zh, String en, Map<String, Object> inputs) {

    public RuleHit {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }

    public static RuleHit of(String ruleId, String zh, String en) {
        return new RuleHit(ruleId, zh, en, Map.of());
    }
}
