package io.yewu.customer.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.DueTask;
import io.yewu.platform.scheduling.DueTaskHandler;
import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CUS-13 follow-up records: the one writer of follow-ups and of the facts derived from them (the customer's last
 * contact, an assigned lead's first contact for CUS-12, and so what CUS-9 sees). Phone calls, messages and meetings
 * come from the customer page; a completed visit and each promise made during a visit come from the visit pages
 * through {@link #recordForVisit}. Each follow-up with a next-contact date carries its own reminder (a due task
 * keyed by the follow-up, 09:00 Beijing time). Its next contact stays due until a later contact with the customer
 * on or after that date, or until its author marks it done.
 */
@Component
public class FollowUps implements DueTaskHandler {

    public record NewFollowUp(String kind, OffsetDateTime happenedAt, String content, String nextStep, LocalDate nextFollowUpOn) {}

    record Due(long followUpId, long customerId, String customerName, String kind, Long visitId, LocalDate nextFollowUpOn,
               String nextStep, long authorId, String authorName, boolean overdue) {}

    static final String REMINDER = "customer.follow-up-reminder";
    private static final List<String> KINDS = List.of("PHONE", "VISIT", "MESSAGE", "MEETING");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A follow-up's next contact is settled by a later contact with the customer on or after its date. */
    private static final String UNSETTLED = """
            f.next_follow_up_on IS NOT NULL AND f.next_done_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM follow_up later WHERE later.company_id = f.company_id
                            AND later.customer_id = f.customer_id AND later.happened_at > f.happened_at
                            AND later.happened_at >= (f.next_follow_up_on::timestamp AT TIME ZONE 'Asia/Shanghai'))""";

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
        return write(user, customerId, null, in);
    }

    /**
     * A visit's follow-up: the completed visit itself, or a promise made during it (kind VISIT). The caller has
     * checked the visit is the user's own; the customer may have changed hands since the check-in.
     */
    @Transactional
    public long recordForVisit(YewuPrincipal user, long customerId, long visitId, NewFollowUp in) {
        return write(user, customerId, visitId, in);
    }

    private long write(YewuPrincipal user, long customerId, Long visitId, NewFollowUp in) {
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
                INSERT INTO follow_up (company_id, customer_id, author_id, kind, happened_at, content, next_step,
                                       next_follow_up_on, visit_id)
                VALUES (:c, :customer, :author, :kind, :at, :content, :next, :nextOn, :visit) RETURNING id""")
                .param("c", user.companyId()).param("customer", customerId).param("author", user.id())
                .param("kind", in.kind()).param("at", at).param("content", in.content().strip())
                .param("next", in.nextStep() == null ? "" : in.nextStep().strip()).param("nextOn", in.nextFollowUpOn())
                .param("visit", visitId).query(Long.class).single();
        // the derived facts, kept here and nowhere else: CUS-9 reads the last contact, CUS-12 the first
        jdbc.sql("""
                UPDATE customer SET last_follow_up_at = greatest(coalesce(last_follow_up_at, :at), :at),
                       first_contacted_at = CASE WHEN assigned_at IS NOT NULL AND first_contacted_at IS NULL
                                                 THEN :at ELSE first_contacted_at END
                WHERE company_id = :c AND id = :id""")
                .param("at", at).param("c", user.companyId()).param("id", customerId).update();
        if (in.nextFollowUpOn() != null) {
            dueTasks.schedule(REMINDER, key(id), in.nextFollowUpOn().atTime(LocalTime.of(9, 0)).atZone(SHANGHAI).toInstant(),
                    Map.of("followUpId", id, "customerId", customerId, "userId", user.id()));
        }
        Changes changes = Changes.of().created("kind", in.kind()).created("nextFollowUpOn", in.nextFollowUpOn());
        audit.record("customer", customerId, "follow-up", visitId == null ? changes : changes.created("visitId", visitId));
        return id;
    }

    /** A customer's follow-ups, newest first, a page at a time (the file's book is never cut); 404 outside scope. */
    Page<CustomerQueries.FollowUp> forCustomer(YewuPrincipal user, long customerId, PageQuery page) {
        if (!customers.customer(user, customerId).inScope()) throw ProblemException.notFound("customer " + customerId);
        String fromWhere = " FROM follow_up f WHERE f.company_id = :c AND f.customer_id = :id";
        List<CustomerQueries.FollowUp> items = jdbc.sql("""
                SELECT f.id, f.kind, f.happened_at, f.content, f.next_step, f.next_follow_up_on, u.display_name AS author_name
                FROM follow_up f JOIN app_user u ON u.company_id = f.company_id AND u.id = f.author_id
                WHERE f.company_id = :c AND f.customer_id = :id ORDER BY f.happened_at DESC, f.id DESC LIMIT :limit OFFSET :offset""")
                .param("c", user.companyId()).param("id", customerId).param("limit", page.size()).param("offset", page.offset())
                .query(CustomerQueries.FollowUp.class).list();
        return Page.of(items, page, () -> jdbc.sql(Page.cappedCountSql(fromWhere)).param("c", user.companyId()).param("id", customerId)
                .query(Long.class).single());
    }

    /** The author marks a follow-up's next contact done; its reminder is dropped. */
    @Transactional
    void done(YewuPrincipal user, long followUpId) {
        int updated = jdbc.sql("""
                UPDATE follow_up SET next_done_at = now()
                WHERE company_id = :c AND id = :id AND author_id = :me AND next_follow_up_on IS NOT NULL AND next_done_at IS NULL""")
                .param("c", user.companyId()).param("id", followUpId).param("me", user.id()).update();
        if (updated == 0) throw ProblemException.notFound("follow-up " + followUpId);
        dueTasks.cancel(REMINDER, key(followUpId));
        long customerId = jdbc.sql("SELECT customer_id FROM follow_up WHERE company_id = :c AND id = :id")
                .param("c", user.companyId()).param("id", followUpId).query(Long.class).single();
        audit.record("customer", customerId, "follow-up-done", Changes.of().created("followUpId", followUpId));
    }

    static String key(long followUpId) {
        return "follow-up:" + followUpId;
    }

    /** Follow-ups whose next date has come and which are not settled, for the author or (managers) the department. */
    Page<Due> due(YewuPrincipal user, boolean department, PageQuery page) {
        Query q = dueQuery(user, department);
        List<Due> items = jdbc.sql(q.select() + " ORDER BY f.next_follow_up_on, f.id LIMIT :limit OFFSET :offset")
                .params(q.params()).param("limit", page.size()).param("offset", page.offset()).query(Due.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, q.fromWhere(), q.params()));
    }

    record DueCounts(long dueToday, long overdue) {}

    /** How many follow-ups are due today and how many are overdue, for the author or (managers) the department. */
    DueCounts dueCounts(YewuPrincipal user, boolean department) {
        Query q = dueQuery(user, department);
        return jdbc.sql("SELECT count(*) FILTER (WHERE f.next_follow_up_on = current_date) AS due_today,"
                        + " count(*) FILTER (WHERE f.next_follow_up_on < current_date) AS overdue" + q.fromWhere())
                .params(q.params()).query(DueCounts.class).single();
    }

    /** Every due follow-up, streamed (the export). */
    void eachDue(YewuPrincipal user, boolean department, Consumer<Due> sink) {
        Query q = dueQuery(user, department);
        try (var rows = jdbc.sql(q.select() + " ORDER BY f.next_follow_up_on, f.id").params(q.params()).query(Due.class).stream()) {
            rows.forEach(sink);
        }
    }

    private record Query(String select, String fromWhere, Map<String, Object> params) {}

    private Query dueQuery(YewuPrincipal user, boolean department) {
        var scope = DataScope.of(user, "f.company_id", "f.author_id");
        String who = department ? scope.sql() : "f.company_id = :company AND f.author_id = :me";
        String fromWhere = """
                 FROM follow_up f JOIN customer c ON c.company_id = f.company_id AND c.id = f.customer_id
                JOIN app_user u ON u.company_id = f.company_id AND u.id = f.author_id
                WHERE %s AND f.next_follow_up_on <= current_date AND %s""".formatted(who, UNSETTLED);
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("me", user.id());
        params.put("company", user.companyId());
        return new Query("""
                SELECT f.id AS follow_up_id, f.customer_id, c.name AS customer_name, f.kind, f.visit_id, f.next_follow_up_on,
                       f.next_step, f.author_id, u.display_name AS author_name, f.next_follow_up_on < current_date AS overdue""" + fromWhere,
                fromWhere, params);
    }

    @Override
    public String kind() {
        return REMINDER;
    }

    @Override
    public void handle(DueTask task) {
        long userId = ((Number) task.payload().get("userId")).longValue();
        long customerId = ((Number) task.payload().get("customerId")).longValue();
        Object followUp = task.payload().get("followUpId");
        if (followUp != null) {
            boolean open = jdbc.sql("SELECT count(*) FROM follow_up f WHERE f.company_id = :c AND f.id = :id AND " + UNSETTLED)
                    .param("c", task.companyId()).param("id", ((Number) followUp).longValue()).query(Long.class).single() > 0;
            if (!open) return; // contacted since, or marked done: nothing to remind
        }
        String name = jdbc.sql("SELECT name FROM customer WHERE company_id = :c AND id = :id")
                .param("c", task.companyId()).param("id", customerId).query(String.class).optional().orElse(null);
        if (name == null) return;
        notifier.notify(userId, "customer.follow-up-due", "今日待跟进：" + name, "Follow-up due today: " + name,
                "", "", "/customers/" + customerId);
    }
}
