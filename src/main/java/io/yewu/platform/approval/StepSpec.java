package io.yewu.platform.approval;

import io.yewu.platform.security.RoleCode;

/**
 * One step of a chain: a role, resolved when the chain starts, or a named person. BUSINESS_MANAGER is the manager
 * responsible for {@code forUserId} (the subject's owner, e.g. the customer's salesperson) or, without one, for the
 * applicant; any other role the first active holder in the company.
 * <p>
 * Nobody decides their own request and nobody decides two steps of one chain: a step that would land on the
 * applicant or on someone who already decides an earlier step goes up — another holder of the role, else up the
 * management line, else the general manager. A step that lands on the person who decides a later step anyway is
 * left out (that higher step covers it); when nobody is left, the chain cannot start
 * ({@code approval-no-approver}).
 */
public record StepSpec(RoleCode role, Long userId, Long forUserId) {

    public StepSpec {
        if ((role == null) == (userId == null)) throw new IllegalArgumentException("a step names a role or a user");
        if (forUserId != null && role != RoleCode.BUSINESS_MANAGER) {
            throw new IllegalArgumentException("only a business-manager step is resolved for another user");
        }
    }

    public static StepSpec role(RoleCode role) {
        return new StepSpec(role, null, null);
    }

    public static StepSpec user(long userId) {
        return new StepSpec(null, userId, null);
    }

    /** The business manager responsible for this user (e.g. the manager of the customer owner's department). */
    public static StepSpec managerOf(long userId) {
        return new StepSpec(RoleCode.BUSINESS_MANAGER, null, userId);
    }
}
