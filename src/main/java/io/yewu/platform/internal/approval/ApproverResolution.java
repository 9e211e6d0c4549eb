package io.yewu.platform.internal.approval;

import io.yewu.platform.approval.StepSpec;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.web.ProblemException;

import java.util.List;
import java.util.Optional;

/**
 * PLT-3: who decides each step, relative to the applicant. BUSINESS_MANAGER is the applicant's own manager; other
 * roles the first active holder in the company; a named step that person. A step that lands on the applicant goes
 * one level up (another holder of the role, else the applicant's manager): nobody approves their own request.
 */
final class ApproverResolution {

    private final UserDirectory directory;

    ApproverResolution(UserDirectory directory) {
        this.directory = directory;
    }

    List<Long> resolve(long applicantId, List<StepSpec> steps) {
        return steps.stream().map(step -> resolve(applicantId, step)).toList();
    }

    long resolve(long applicantId, StepSpec step) {
        Optional<Long> approver = step.userId() != null ? named(applicantId, step.userId()) : holder(applicantId, step.role());
        return approver.orElseThrow(() -> ProblemException.conflict("approval-no-approver",
                step.role() == null ? String.valueOf(step.userId()) : step.role().zh()));
    }

    private Optional<Long> named(long applicantId, long userId) {
        if (userId == applicantId) return directory.managerOf(applicantId);
        return directory.find(userId).filter(UserDirectory.UserRef::active).map(UserDirectory.UserRef::id);
    }

    private Optional<Long> holder(long applicantId, RoleCode role) {
        // managerOf never answers the user themself, so a manager's own request goes to their manager
        if (role == RoleCode.BUSINESS_MANAGER) return directory.managerOf(applicantId);
        List<Long> holders = directory.withRole(role, null);
        Optional<Long> other = holders.stream().filter(id -> id != applicantId).findFirst();
        return other.isPresent() || !holders.contains(applicantId) ? other : directory.managerOf(applicantId);
    }
}
