package io.yewu.customer.internal;

import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.RecurringJob;
import io.yewu.platform.security.CompanyContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/**
 * CUS-12: every quarter hour, assigned leads past their first-contact deadline are flagged once to the owner and
 * their manager. Set-based over an index of open deadlines, so it costs nothing when all is on time.
 */
@Component
class FirstContactWatch implements RecurringJob {

    private record Late(long companyId, long id, String name, long ownerId, String ownerName) {}

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final UserDirectory users;
    private final TransactionTemplate tx;
    private final Clock clock;

    FirstContactWatch(JdbcClient jdbc, Notifier notifier, UserDirectory users, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
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
        List<Late> late = jdbc.sql("""
                UPDATE customer c SET overdue_flagged_at = :now FROM app_user u
                WHERE c.company_id = :c AND u.id = c.owner_id AND c.first_contacted_at IS NULL
                  AND c.first_contact_due < :now AND c.overdue_flagged_at IS NULL
                RETURNING c.company_id, c.id, c.name, c.owner_id, u.display_name AS owner_name""")
                .param("c", companyId).param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .query(Late.class).list();
        for (Late l : late) {
            String link = "/customers/" + l.id();
            notifier.notify(l.ownerId(), "customer.first-contact-overdue", "线索逾期未联系：" + l.name(),
                    "Lead not contacted in time: " + l.name(), "", "", link);
            users.managerOf(l.ownerId()).ifPresent(m -> notifier.notify(m, "customer.first-contact-overdue",
                    l.ownerName() + " 的线索逾期未联系：" + l.name(), l.ownerName() + "'s lead not contacted in time: " + l.name(),
                    "", "", link));
        }
    }
}
