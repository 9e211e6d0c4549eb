package io.yewu.platform.approval;

import io.yewu.platform.security.YewuPrincipal;

/**
 * Approval chains (PLT-3), in the current company and the caller's transaction.
 * <p>
 * An approval covers the exact {@code subjectVersion} it approved: {@link #isApproved} answers true only for that
 * version. The capability chooses what the version counts: its record's version, or one it bumps only when a field
 * its policy checks changes. When such an edit changes the policy's outcome, the capability calls {@link #voidFor}
 * and starts a new chain if one is still needed. Copying a record never copies its approvals: the copy is a new
 * subject with none, and must run its own chain. The record a chain guards stays blocked while
 * {@link #isPending} is true.
 */
public interface Approvals {

    /**
     * Starts a chain: the first step becomes pending (its approver is notified and reminded when overdue), the
     * rest wait their turn. Fails with 409 {@code approval-already-pending} if the subject has a live chain, and
     * {@code approval-no-approver} if a step resolves to nobody.
     *
     * @return the approval request's id
     */
    long start(ApprovalSpec spec);

    /** Voids the subject's pending or approved chain, if any (an edit changed the outcome). True if one was voided. */
    boolean voidFor(String subjectType, String subjectId);

    /** True only if a chain approved exactly this version of the subject and has not been voided. */
    boolean isApproved(String subjectType, String subjectId, long subjectVersion);

    /** True while the subject has a chain awaiting decisions. */
    boolean isPending(String subjectType, String subjectId);

    /**
     * Approves or rejects the request's pending step as {@code approver}, under the same rules as the approval inbox
     * (the assignee or their delegate, never the applicant, never two steps of one chain). For work done on a user's
     * behalf outside a request, such as the demo company's generation.
     */
    void decide(long requestId, YewuPrincipal approver, boolean approve, String comment);
}
