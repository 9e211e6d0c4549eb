package io.yewu.customer.internal;

import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.CompanyJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * CUS-12: every quarter hour, per company, assigned leads past their first-contact deadline at the occurrence are
 * flagged once to the owner and their manager. Set-based over an index of open deadlines, so it costs nothing when
 * all is on time.
 */
@Component
class FirstContactWatch implements CompanyJob {

    private record Late(long companyId, long id, String name, long ownerId, String ownerName, OffsetDateTime assignedAt,
                        OffsetDateTime firstContactDue) {}

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final UserDirectory users;
    private final DecisionRecords decisions;
    private final Settings settings;
    private final FirstContactPolicy policy = new FirstContactPolicy();

    FirstContactWatch(JdbcClient jdbc, Notifier notifier, UserDirectory users, DecisionRecords decisions,
                      Settings settings) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.users = users;
        this.decisions = decisions;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "customer.first-contact-watch";
    }

    @Override
    public String cron() {
        return "0 */15 * * * *";
    }

    @Override
    public void run(long companyId, Instant occurrence) {
        Instant now = occurrence;
        List<Late> late = jdbc.sql("""
                UPDATE customer c SET overdue_flagged_at = :now FROM app_user u
                WHERE c.company_id = :c AND u.id = c.owner_id AND c.first_contacted_at IS NULL
                  AND c.first_contact_due < :now AND c.overdue_flagged_at IS NULL
                RETURNING c.company_id, c.id, c.name, c.owner_id, u.display_name AS owner_name, c.assigned_at,
                          c.first_contact_due""")
                .param("c", companyId).param("now", now.atOffset(java.time.ZoneOffset.UTC))
                .query(Late.class).list();
        long version = late.isEmpty() ? 0 : settings.snapshotAt(now).version();
        for (Late l : late) {
            // the flag is an automated outcome: stored with the deadline and the assignment it read (PLT-1)
            decisions.record("customer", String.valueOf(l.id()), "first-contact-overdue", policy.overdue(
                    l.assignedAt() == null ? null : l.assignedAt().toInstant(), l.firstContactDue().toInstant(), null,
                    now, version));
            String link = "/customers/" + l.id();
            notifier.notify(l.ownerId(), "customer.first-contact-overdue", "线索逾期未联系：" + l.name(),
                    "Lead not contacted in time: " + l.name(), "", "", link);
            users.managerOf(l.ownerId()).ifPresent(m -> notifier.notify(m, "customer.first-contact-overdue",
                    l.ownerName() + " 的线索逾期未联系：" + l.name(), l.ownerName() + "'s lead not contacted in time: " + l.name(),
                    "", "", link));
        }
    }
}
