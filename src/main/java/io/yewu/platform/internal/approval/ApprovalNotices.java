package io.yewu.platform.internal.approval;

import io.yewu.platform.approval.ApprovalCompleted.Outcome;
import io.yewu.platform.notification.Notifier;
import org.springframework.stereotype.Component;

/** What approvals tell people (PLT-7): a step awaits you, a step is overdue, your request was decided. */
@Component
class ApprovalNotices {

    private final Notifier notifier;
    private final Delegations delegations;

    ApprovalNotices(Notifier notifier, Delegations delegations) {
        this.notifier = notifier;
        this.delegations = delegations;
    }

    void pending(long requestId, String title, long assigneeId) {
        forApproverAndDelegates(assigneeId, approver -> notifier.notify(approver, "approval.pending",
                "待您审批：" + title, "Awaiting your approval: " + title, "", "", link(requestId)));
    }

    void overdue(long requestId, String title, long assigneeId) {
        forApproverAndDelegates(assigneeId, approver -> notifier.notify(approver, "approval.overdue",
                "审批已超时：" + title, "Approval overdue: " + title,
                "该审批已超过处理时限，请尽快处理。", "This approval is past its due time; please decide it.",
                link(requestId)));
    }

    void completed(long requestId, String title, long applicantId, Outcome outcome) {
        switch (outcome) {
            case APPROVED -> notifier.notify(applicantId, "approval.approved", "审批已通过：" + title, "Approved: " + title,
                    "", "", link(requestId));
            case REJECTED -> notifier.notify(applicantId, "approval.rejected", "审批被驳回：" + title, "Rejected: " + title,
                    "", "", link(requestId));
            case CANCELLED -> notifier.notify(applicantId, "approval.cancelled", "审批已被管理员撤销：" + title,
                    "Cancelled by the administrator: " + title, "", "", link(requestId));
        }
    }

    private void forApproverAndDelegates(long assigneeId, java.util.function.LongConsumer send) {
        send.accept(assigneeId);
        delegations.delegatesOf(assigneeId).forEach(send::accept);
    }

    private static String link(long requestId) {
        return "/approvals/" + requestId;
    }
}
