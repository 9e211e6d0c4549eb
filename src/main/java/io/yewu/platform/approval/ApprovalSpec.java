package io.yewu.platform.approval;

import io.yewu.platform.decision.Decision;

import java.util.List;

/**
 * A chain to start: what it guards (subject type, id and the exact version it will approve), who applies, the
 * policy decision that chose the chain (stored with it, PLT-1), and the ordered steps.
 */
public record ApprovalSpec(String subjectType, String subjectId, long subjectVersion, String title, long applicantId,
                           Decision<?> decision, List<StepSpec> steps, Details details) {

    /**
     * What the approver needs to see (issue 12): the record's page and name, each changed field before and after,
     * and the evidence given with the request (field → text), e.g. a credit investigation.
     */
    public record Details(String link, String recordName, java.util.Map<String, Change> changes,
                          java.util.Map<String, String> evidence) {}

    /** One field's value before and after the change approved. */
    public record Change(Object before, Object after) {}

    public ApprovalSpec(String subjectType, String subjectId, long subjectVersion, String title, long applicantId,
                        Decision<?> decision, List<StepSpec> steps) {
        this(subjectType, subjectId, subjectVersion, title, applicantId, decision, steps, null);
    }


    public ApprovalSpec {
        if (subjectType == null || subjectId == null || title == null || decision == null) {
            throw new IllegalArgumentException("subject, title and decision are required");
        }
        if (steps == null || steps.isEmpty()) throw new IllegalArgumentException("a chain has at least one step");
        steps = List.copyOf(steps);
    }
}
