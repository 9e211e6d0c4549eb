package io.yewu.platform.audit;

/** Records a change to a business record or setting in the audit log, in the caller's transaction. */
public interface AuditTrail {

    void record(String entityType, Object entityId, String action, Changes changes);
}
