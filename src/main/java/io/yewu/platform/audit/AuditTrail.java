package io.yewu.platform.audit;

/** Records a change to a business record or setting in the audit log, in the caller's transaction. */
public interface AuditTrail {

    void record(String entityType, Object entityId, String action, Changes changes);

    /**
     * The same entry for a record inserted earlier in the same statement ({@link io.yewu.platform.write.OneStatement}):
     * its entity id is that row's id.
     */
    io.yewu.platform.write.FollowingWrite following(String entityType, String action, Changes changes);

    /** Several actions on a record inserted earlier in the same statement, in this order (as {@link #recordEach}). */
    io.yewu.platform.write.FollowingWrite followingEach(String entityType, java.util.SequencedMap<String, Changes> actions);

    /** The same action on many records of one type, by the same actor, in one statement (bulk writes). */
    default void recordAll(String entityType, String action, java.util.Map<?, Changes> byEntityId) {
        byEntityId.forEach((id, changes) -> record(entityType, id, action, changes));
    }

    /** Several actions on one record, in this order, in one statement (a draft created and submitted at once). */
    default void recordEach(String entityType, Object entityId, java.util.SequencedMap<String, Changes> actions) {
        actions.forEach((action, changes) -> record(entityType, entityId, action, changes));
    }
}
