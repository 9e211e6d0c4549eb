package io.yewu.platform.internal.approval;

import io.yewu.platform.approval.StepSpec;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PLT-3: who decides each step. BUSINESS_MANAGER is the manager responsible for the step's user (the subject's
 * owner) or the applicant; other roles their first active holder; a named step that person. Nobody decides their
 * own request and nobody decides two steps: such a step goes up (other holders of the role, then the management
 * line above, then the general manager). A step that lands on the person a later step names anyway is left out
 * (the higher step covers it: a manager's own request goes straight to the general manager's step); a step with
 * nobody left fails with {@code approval-no-approver}.
 */
final class ApproverResolution {

    /** Step {@code specIndex} of the spec is decided by {@code assigneeId}; {@code escalated} when it went up. */
    record Assignment(int specIndex, long assigneeId, boolean escalated) {}

    private static final int MAX_LEVELS = 20;

    private final UserDirectory directory;

    ApproverResolution(UserDirectory directory) {
        this.directory = directory;
    }

    List<Assignment> assign(long applicantId, List<StepSpec> steps) {
        List<List<Long>> candidates = steps.stream().map(step -> candidates(applicantId, step)).toList();
        Set<Long> taken = new HashSet<>(Set.of(applicantId));
        List<Assignment> assigned = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<Long> mine = candidates.get(i);
            if (mine.isEmpty()) throw noApprover(steps.get(i));
            Optional<Long> pick = mine.stream().filter(id -> !taken.contains(id)).findFirst();
            if (pick.isEmpty()) throw noApprover(steps.get(i));
            long chosen = pick.get();
            boolean escalated = chosen != mine.getFirst();
            if (naturalOfLaterStep(steps, candidates, i, chosen)) continue; // the higher step goes to them anyway
            taken.add(chosen);
            assigned.add(new Assignment(i, chosen, escalated));
        }
        return assigned;
    }

    /** The approvers, step by step (steps covered by a higher one left out). */
    List<Long> resolve(long applicantId, List<StepSpec> steps) {
        return assign(applicantId, steps).stream().map(Assignment::assigneeId).toList();
    }

    long resolve(long applicantId, StepSpec step) {
        return assign(applicantId, List.of(step)).getFirst().assigneeId();
    }

    /** Whether a later, different step names this person first (a repeated step means another person instead). */
    private static boolean naturalOfLaterStep(List<StepSpec> steps, List<List<Long>> candidates, int step, long userId) {
        for (int j = step + 1; j < candidates.size(); j++) {
            if (steps.get(j).equals(steps.get(step))) continue;
            if (!candidates.get(j).isEmpty() && candidates.get(j).getFirst() == userId) return true;
        }
        return false;
    }

    /** Everyone who could decide the step, the natural approver first, then going up; empty: nobody at all. */
    private List<Long> candidates(long applicantId, StepSpec step) {
        LinkedHashSet<Long> out = new LinkedHashSet<>();
        if (step.userId() != null) {
            long named = step.userId();
            if (named == applicantId) {
                out.add(applicantId);
            } else if (directory.find(named).filter(UserDirectory.UserRef::active).isPresent()) {
                out.add(named);
            } else {
                return List.of(); // a named person who left cannot be replaced by guessing
            }
            out.addAll(upFrom(named));
        } else if (step.role() == RoleCode.BUSINESS_MANAGER) {
            long of = step.forUserId() != null ? step.forUserId() : applicantId;
            out.addAll(upFrom(of));
        } else {
            List<Long> holders = directory.withRole(step.role(), null);
            if (holders.isEmpty()) return List.of();
            out.addAll(holders);
            out.addAll(upFrom(holders.contains(applicantId) ? applicantId : holders.getFirst()));
        }
        if (out.isEmpty()) return List.of();
        out.addAll(directory.withRole(RoleCode.GENERAL_MANAGER, null));
        return List.copyOf(out);
    }

    /** The management line above a user: their manager, that manager's manager, … */
    private List<Long> upFrom(long userId) {
        List<Long> line = new ArrayList<>();
        long current = userId;
        for (int level = 0; level < MAX_LEVELS; level++) {
            Optional<Long> next = directory.managerOf(current);
            if (next.isEmpty() || next.get() == userId || line.contains(next.get())) break;
            line.add(next.get());
            current = next.get();
        }
        return line;
    }

    private static ProblemException noApprover(StepSpec step) {
        return ProblemException.conflict("approval-no-approver",
                step.role() == null ? String.valueOf(step.userId()) : step.role().zh());
    }
}
