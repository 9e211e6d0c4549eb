package io.yewu.platform.internal.approval;

import io.yewu.platform.decision.StoredDecision;

import java.time.OffsetDateTime;
import java.util.List;

/** An approval as the API shows it (docs/api.md, {@code Approval}). */
record ApprovalView(long id, String subjectType, String subjectId, long subjectVersion, String title,
                    String applicantName, String status, OffsetDateTime createdAt, OffsetDateTime completedAt,
                    StoredDecision decision, List<StepView> steps, tools.jackson.databind.JsonNode details) {

    ApprovalView(long id, String subjectType, String subjectId, long subjectVersion, String title, String applicantName,
                 String status, OffsetDateTime createdAt, OffsetDateTime completedAt, StoredDecision decision,
                 List<StepView> steps) {
        this(id, subjectType, subjectId, subjectVersion, title, applicantName, status, createdAt, completedAt, decision,
                steps, null);
    }

    record StepView(int seq, String role, String assigneeName, String status, String decidedByName,
                    OffsetDateTime decidedAt, String comment, OffsetDateTime dueAt) {}
}
