package io.yewu.platform.approval;

import io.yewu.platform.security.RoleCode;

/**
 * One step of a chain: a role, resolved relative to the applicant when the chain starts (BUSINESS_MANAGER is the
 * applicant's own manager; any other role the first active holder in the company), or a named person.
 * A step that would land on the applicant goes one level up instead (another holder of the role, else the
 * applicant's manager), since nobody approves their own request.
 */
public record StepSpec(RoleCode role, Long userId) {

    public StepSpec {
        if ((role == null) == (userId == null)) throw new IllegalArgumentException("a step names a role or a user");
    }

    public static StepSpec role(RoleCode role) {
        return new StepSpec(role, null);
    }

    public static StepSpec user(long userId) {
        return new StepSpec(null, userId);
    }
}
