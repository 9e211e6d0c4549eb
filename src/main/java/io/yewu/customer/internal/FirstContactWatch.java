package io.yewu.customer.internal;

import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.RecurringJob;
import io.yewu.platform.security.CompanyContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * CUS-12: every quarter hour, assigned leads past their first-contact deadline are flagged once to the owner and
 * their manager. Set-based over an index of open deadlines, so it costs nothing when all is on time.
 */
@Component
class FirstContactWatch implements RecurringJob {

    private record Late(long companyId, long id, String name, long ownerId, String ownerName, OffsetDateTime assignedAt,
                        OffsetDateTime firstContactDue) {}

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final UserDirectory users;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DecisionRecords decisions;
    private final Settings settings;
    private final FirstContactPolicy policy = new FirstContactPolicy();

    FirstContactWatch(JdbcClient jdbc, Notifier notifier, UserDirectory users, TransactionTemplate tx, Clock clock,
                      DecisionRecords decisions, Settings settings) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
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
    public void run() {
        List<Long> companies = jdbc.sql("SELECT id FROM company ORDER BY id").query(Long.class).list();
        companies.forEach(c -> CompanyContext.runAs(c, () -> tx.executeWithoutResult(s -> flag(c))));
    }

    void flag(long companyId) {
        java.time.Instant now = clock.instant();
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
