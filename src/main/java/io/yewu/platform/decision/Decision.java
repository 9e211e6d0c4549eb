package io.yewu.platform.decision;

import java.util.List;

/**
 * What a policy returns: the outcome, the rules that led to it, and the settings version it read (PLT-2: old
 * decisions keep the version they used).
 */
public record Decision<T>(T outcome, List<RuleHit> hits, long settingsVersion) {

    public Decision {
        hits = List.copyOf(hits);
    }

    public static <T> Decision<T> of(T outcome, long settingsVersion, RuleHit... hits) {
        return new Decision<>(outcome, List.of(hits), settingsVersion);
    }

    /** The same reasons with another outcome, for policies that derive one decision from another. */
    public <R> Decision<R> withOutcome(R outcome) {
        return new Decision<>(outcome, hits, settingsVersion);
    }

    /** The ids of the rules that fired, in order; handy in tests and logs. */
    public List<String> ruleIds() {
        return hits.stream().map(RuleHit::ruleId).toList();
    }
}
