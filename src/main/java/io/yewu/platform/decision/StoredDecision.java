package io.yewu.platform.decision;

import java.time.OffsetDateTime;
import java.util.List;

/** A decision as stored and shown: the outcome as text, since the reader no longer knows its type. */
public record StoredDecision(String kind, String outcome, List<RuleHit> hits, long settingsVersion,
                             OffsetDateTime decidedAt) {}
