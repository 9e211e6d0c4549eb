package io.yewu.platform.internal.approval;

import java.time.Duration;

/** When a pending step counts as overdue and its approver is reminded (again every period while it stays pending). */
final class ApprovalTiming {

    // setting: approval.reminder-hours
    static final Duration REMINDER_AFTER = Duration.ofHours(24);

    private ApprovalTiming() {}
}
