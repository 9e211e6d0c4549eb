package io.yewu.platform.audit;

/** Records a change to a business record or setting in the audit log, in the caller's transaction. */
public interface AuditTrail {

    void record(String entityType, Object entityId, String action, Changes changes);

    /** The same action on many records of one type, by the same actor, in one statement (bulk writes). */
    default void recordAll(String entityType, String action, java.util.Map<?, Changes> byEntityId) {
        byEntityId.forEach((id, changes) -> record(entityType, id, action, changes));
    }
}
