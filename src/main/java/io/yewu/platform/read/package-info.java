/**
 * Reads sent together (decision 0050): the SELECTs a screen needs, sent to PostgreSQL in one round trip and answered
 * with one result set each, instead of one round trip per SELECT. A module that owns a table hands out its part
 * (as {@link io.yewu.platform.decision.DecisionRecords#forSubject(OneTrip, String, String)} does), so each table's
 * SQL stays with its owner and a capability only composes the parts.
 */
@org.springframework.modulith.NamedInterface("read")
package io.yewu.platform.read;
