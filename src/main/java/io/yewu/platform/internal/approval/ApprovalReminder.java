package io.yewu.platform.internal.approval;

import io.yewu.platform.scheduling.DueTask;
import io.yewu.platform.scheduling.DueTaskHandler;
import io.yewu.platform.scheduling.DueTasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/** A step still pending at its due time reminds its approver (and their delegate), then again each period. */
@Component
class ApprovalReminder implements DueTaskHandler {

    private record PendingStep(long requestId, String title, long assigneeId) {}

    private final JdbcClient jdbc;
    private final ApprovalNotices notices;
    private final DueTasks dueTasks;
    private final ApprovalTiming timing;

    ApprovalReminder(JdbcClient jdbc, ApprovalNotices notices, DueTasks dueTasks, ApprovalTiming timing) {
        this.timing = timing;
        this.jdbc = jdbc;
        this.notices = notices;
        this.dueTasks = dueTasks;
    }

    @Override
    public String kind() {
        return ApprovalEngine.REMINDER;
    }

    @Override
    public void handle(DueTask task) {
        long stepId = ((Number) task.payload().get("stepId")).longValue();
        jdbc.sql("""
                SELECT s.request_id, r.title, s.assignee_id FROM approval_step s
                JOIN approval_request r ON r.id = s.request_id AND r.company_id = s.company_id
                WHERE s.id = :id AND s.company_id = :c AND s.status = 'PENDING' AND r.status = 'PENDING'""")
                .param("id", stepId).param("c", task.companyId()).query(PendingStep.class).optional()
                .ifPresent(step -> {
                    notices.overdue(step.requestId(), step.title(), step.assigneeId());
                    Instant now = Instant.now();
                    dueTasks.schedule(kind(), task.key(),
                            ApprovalTiming.nextReminder(task.dueAt(), now, timing.reminderAfter(now)), Map.of("stepId", stepId));
                });
    }
}
