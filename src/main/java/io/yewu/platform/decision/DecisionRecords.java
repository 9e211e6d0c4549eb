package io.yewu.platform.decision;

import java.util.List;

/**
 * Stores decisions beside the record they decided (PLT-1), in the caller's transaction and company.
 * <p>
 * Reading back does not check the reader's data scope: a capability shows the decisions of a record inside its
 * own endpoint for that record, after its own scope check. The generic {@code GET /api/decisions} is for
 * administrators only.
 */
public interface DecisionRecords {

    /**
     * @param kind what was decided about the subject, e.g. {@code payment-mode}, {@code approval-chain}
     * @return the stored record's id
     */
    long record(String subjectType, String subjectId, String kind, Decision<?> decision);

    /**
     * The same record for a subject inserted earlier in the same statement ({@link io.yewu.platform.write.OneStatement}):
     * its subject id is that row's id, as text.
     */
    io.yewu.platform.write.FollowingWrite following(String subjectType, String kind, Decision<?> decision);

    /**
     * The first decisions about a subject inserted earlier in the same statement (or known, and new in this
     * transaction), by kind in the order given; {@link #asFirst} lists them as they were stored.
     */
    io.yewu.platform.write.FollowingWrite followingEach(String subjectType, java.util.Map<String, ? extends Decision<?>> byKind);

    /**
     * Decisions written by {@link #followingEach} at {@code decidedAt} (the transaction's time, the column's default),
     * as {@link #forSubject} would list them, without reading them back.
     */
    List<StoredDecision> asFirst(java.util.Map<String, ? extends Decision<?>> byKind, java.time.OffsetDateTime decidedAt);

    /** The same decision about many subjects at once (a batch of imported rows), in one statement. */
    default void recordAll(String subjectType, java.util.Collection<String> subjectIds, String kind, Decision<?> decision) {
        recordBatch(subjectIds.stream().map(id -> new Entry(subjectType, id, kind, decision)).toList());
    }

    /** Many decisions of one kind, one per subject, in one statement (bulk writes such as generated data). */
    default void recordAll(String subjectType, String kind, java.util.Map<String, ? extends Decision<?>> bySubject) {
        recordBatch(bySubject.entrySet().stream().map(e -> new Entry(subjectType, e.getKey(), kind, e.getValue())).toList());
    }

    /**
     * Several decisions about one subject, by kind in the order given, in one statement (an order's payment mode,
     * deposit, approvals and hold are decided together).
     */
    default void recordEach(String subjectType, String subjectId, java.util.Map<String, ? extends Decision<?>> byKind) {
        recordBatch(byKind.entrySet().stream().map(e -> new Entry(subjectType, subjectId, e.getKey(), e.getValue())).toList());
    }

    /** One decision to store, for {@link #recordBatch}. */
    record Entry(String subjectType, String subjectId, String kind, Decision<?> decision) {}

    /** Any decisions, in the order given, in one statement; returns their ids in that order. */
    default List<Long> recordBatch(List<Entry> entries) {
        return entries.stream().map(e -> record(e.subjectType(), e.subjectId(), e.kind(), e.decision())).toList();
    }

    /** Every decision about a subject, newest first. */
    List<StoredDecision> forSubject(String subjectType, String subjectId);

    /** The same, as a part of a trip of reads sent together (decision 0050). */
    io.yewu.platform.read.OneTrip.Rows<StoredDecision> forSubject(io.yewu.platform.read.OneTrip trip, String subjectType, String subjectId);

    /** The latest decision of one kind for each of many subjects (a list page), by subject id; one query. */
    java.util.Map<String, StoredDecision> latestFor(String subjectType, java.util.Collection<String> subjectIds, String kind);
}
