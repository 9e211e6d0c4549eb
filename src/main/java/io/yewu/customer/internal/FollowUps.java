package io.yewu.customer.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.DueTask;
import io.yewu.platform.scheduling.DueTaskHandler;
import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * CUS-13 follow-up records with a reminder on the next follow-up date (09:00 Beijing time). The first follow-up
 * of an assigned lead is its first contact (CUS-12).
 */
@Component
class FollowUps implements DueTaskHandler {

    record NewFollowUp(String kind, OffsetDateTime happenedAt, String content, String nextStep, LocalDate nextFollowUpOn) {}

    record Due(long followUpId, long customerId, String customerName, LocalDate nextFollowUpOn, String nextStep,
               String authorName, boolean overdue) {}

    static final String REMINDER = "customer.follow-up-reminder";
    private static final List<String> KINDS = List.of("PHONE", "VISIT", "MESSAGE", "MEETING");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final CustomerQueries customers;
    private final DueTasks dueTasks;
    private final Notifier notifier;
    private final AuditTrail audit;

    FollowUps(JdbcClient jdbc, CustomerQueries customers, DueTasks dueTasks, Notifier notifier, AuditTrail audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.dueTasks = dueTasks;
        this.notifier = notifier;
        this.audit = audit;
    }

    @Transactional
    long record(YewuPrincipal user, long customerId, NewFollowUp in) {
        var customer = customers.customer(user, customerId);
        if (!customer.inScope()) throw ProblemException.notFound("customer " + customerId);
        if (in.kind() == null || !KINDS.contains(in.kind())) throw ProblemException.invalid("kind", "invalid");
        if (in.content() == null || in.content().isBlank()) throw ProblemException.invalid("content", "required");
        if (in.content().length() > 4000) throw ProblemException.invalid("content", "too-long", 4000);
        if (in.nextStep() != null && in.nextStep().length() > 500) throw ProblemException.invalid("nextStep", "too-long", 500);
        if (in.happenedAt() != null && in.happenedAt().getYear() < 2000) throw ProblemException.invalid("happenedAt", "out-of-range");
        if (in.nextFollowUpOn() != null && in.nextFollowUpOn().isAfter(LocalDate.now(SHANGHAI).plusYears(5))) {
            throw ProblemException.invalid("nextFollowUpOn", "out-of-range");
        }
        OffsetDateTime at = in.happenedAt() == null ? OffsetDateTime.now(SHANGHAI) : in.happenedAt();
        if (at.isAfter(OffsetDateTime.now(SHANGHAI).plusMinutes(5))) throw ProblemException.invalid("happenedAt", "invalid");
        if (in.nextFollowUpOn() != null && in.nextFollowUpOn().isBefore(at.atZoneSameInstant(SHANGHAI).toLocalDate())) {
            throw ProblemException.invalid("nextFollowUpOn", "date-order");
        }
        long id = jdbc.sql("""
                INSERT INTO follow_up (company_id, customer_id, author_id, kind, happened_at, content, next_step, next_follow_up_on)
                VALUES (:c, :customer, :author, :kind, :at, :content, :next, :nextOn) RETURNING id""")
                .param("c", user.companyId()).param("customer", customerId).param("author", user.id())
                .param("kind", in.kind()).param("at", at).param("content", in.content().strip())
                .param("next", in.nextStep() == null ? "" : in.nextStep().strip()).param("nextOn", in.nextFollowUpOn())
                .query(Long.class).single();
        jdbc.sql("""
                UPDATE customer SET last_follow_up_at = greatest(coalesce(last_follow_up_at, :at), :at),
                       first_contacted_at = CASE WHEN assigned_at IS NOT NULL AND first_contacted_at IS NULL
                                                 THEN :at ELSE first_contacted_at END
                WHERE company_id = :c AND id = :id""")
                .param("at", at).param("c", user.companyId()).param("id", customerId).update();
        dueTasks.cancel(REMINDER, "customer:" + customerId);
        if (in.nextFollowUpOn() != null) {
            dueTasks.schedule(REMINDER, "customer:" + customerId,
                    in.nextFollowUpOn().atTime(LocalTime.of(9, 0)).atZone(SHANGHAI).toInstant(),
                    Map.of("followUpId", id, "customerId", customerId, "userId", user.id()));
        }
        audit.record("customer", customerId, "follow-up", Changes.of().created("kind", in.kind())
                .created("nextFollowUpOn", in.nextFollowUpOn()));
        return id;
    }

    /** Follow-ups whose next date has come, for the author or (managers) the department. */
    List<Due> due(YewuPrincipal user, boolean department) {
        var scope = io.yewu.platform.security.DataScope.of(user, "f.company_id", "f.author_id");
        String who = department ? scope.sql() : "f.company_id = :scopeCompanyId AND f.author_id = :me";
        return jdbc.sql("""
                SELECT f.id AS follow_up_id, f.customer_id, c.name AS customer_name, f.next_follow_up_on, f.next_step,
                       u.display_name AS author_name, f.next_follow_up_on < current_date AS overdue
                FROM follow_up f JOIN customer c ON c.company_id = f.company_id AND c.id = f.customer_id
                JOIN app_user u ON u.id = f.author_id
                WHERE %s AND f.next_follow_up_on <= current_date
                  AND NOT EXISTS (SELECT 1 FROM follow_up later WHERE later.company_id = f.company_id
                                  AND later.customer_id = f.customer_id AND later.happened_at > f.happened_at)
                ORDER BY f.next_follow_up_on, f.id LIMIT 500""".formatted(who))
                .params(scope.params()).param("me", user.id()).query(Due.class).list();
    }

    @Override
    public String kind() {
        return REMINDER;
    }

    @Override
    public void handle(DueTask task) {
        long userId = ((Number) task.payload().get("userId")).longValue();
        long customerId = ((Number) task.payload().get("customerId")).longValue();
        String name = jdbc.sql("SELECT name FROM customer WHERE company_id = :c AND id = :id")
                .param("c", task.companyId()).param("id", customerId).query(String.class).optional().orElse(null);
        if (name == null) return;
        notifier.notify(userId, "customer.follow-up-due", "今日待跟进：" + name, "Follow-up due today: " + name,
                "", "", "/customers/" + customerId);
    }
}
