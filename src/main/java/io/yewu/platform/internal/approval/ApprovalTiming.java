package io.yewu.platform.internal.approval;

import io.yewu.platform.settings.PlatformSettings;
import io.yewu.platform.settings.Settings;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * When a pending step counts as overdue and its approver is reminded (again every period while it stays pending):
 * the administrator's setting {@code approval.reminder-hours} in force at that moment (PLT-2, PLT-3).
 */
@Component
class ApprovalTiming {

    private final Settings settings;

    ApprovalTiming(Settings settings) {
        this.settings = settings;
    }

    Duration reminderAfter(Instant at) {
        return settings.snapshotAt(at).get(PlatformSettings.APPROVAL_REMINDER);
    }

    /** Keeps the rhythm of the first due time, skipping periods missed while no node ran, so reminders never pile up. */
    static Instant nextReminder(Instant dueAt, Instant now, Duration period) {
        Instant next = dueAt.plus(period);
        while (!next.isAfter(now)) next = next.plus(period);
        return next;
    }
}
