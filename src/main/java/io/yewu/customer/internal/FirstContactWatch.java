package io.yewu.customer.internal;

import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.CompanyJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * CUS-12: every quarter hour, per company, assigned leads past their first-contact deadline at the occurrence are
 * flagged once to the owner and their manager. Set-based over an index of open deadlines, so it costs nothing when
 * all is on time.
 */
@Component
class FirstContactWatch implements CompanyJob {

    private record Late(long companyId, long id, String name, long ownerId, String ownerName) {}

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final UserDirectory users;

    FirstContactWatch(JdbcClient jdbc, Notifier notifier, UserDirectory users) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.users = users;
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
        List<Late> late = jdbc.sql("""
                UPDATE customer c SET overdue_flagged_at = :now FROM app_user u
                WHERE c.company_id = :c AND u.id = c.owner_id AND c.first_contacted_at IS NULL
                  AND c.first_contact_due < :now AND c.overdue_flagged_at IS NULL
                RETURNING c.company_id, c.id, c.name, c.owner_id, u.display_name AS owner_name""")
                .param("c", companyId).param("now", occurrence.atOffset(java.time.ZoneOffset.UTC))
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
