package io.yewu.customer.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * CUS-3 stage changes people make. Assignment leaves a lead a lead; its salesperson qualifies it as an intention
 * customer (who and when are kept, and the day counts toward the daily goal of new intention customers, TEAM-2). A
 * manager closes a customer with a reason (it leaves visit plans and pool return; an open change request is
 * cancelled).
 */
@Service
class CustomerStages {

    record StageView(long customerId, String stage, LocalDate intentionOn, OffsetDateTime qualifiedAt, String qualifiedByName,
                     OffsetDateTime closedAt, String closedByName, String closedReason, long version) {}

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final CustomerQueries customers;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Settings settings;
    private final Clock clock;
    private final CustomerChanges changes;

    CustomerStages(JdbcClient jdbc, CustomerQueries customers, DecisionRecords decisions, AuditTrail audit, Settings settings,
                   Clock clock, CustomerChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.customers = customers;
        this.decisions = decisions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    StageView view(YewuPrincipal user, long id) {
        CustomerQueries.Customer c = customers.customer(user, id);
        if (!c.inScope()) throw ProblemException.notFound("customer " + id);
        return jdbc.sql("""
                SELECT c.id AS customer_id, c.stage, c.intention_on, c.qualified_at, q.display_name AS qualified_by_name,
                       c.closed_at, x.display_name AS closed_by_name, c.closed_reason, c.version
                FROM customer c LEFT JOIN app_user q ON q.id = c.qualified_by LEFT JOIN app_user x ON x.id = c.closed_by
                WHERE c.company_id = :c AND c.id = :id""")
                .param("c", user.companyId()).param("id", id).query(StageView.class).single();
    }

    /** The owner salesperson qualifies a lead of theirs as an intention customer. */
    @Transactional
    StageView qualify(YewuPrincipal user, long id, long version) {
        CustomerQueries.Customer c = customers.customer(user, id);
        if (!c.inScope()) throw ProblemException.notFound("customer " + id);
        if (c.ownerId() == null || c.ownerId() != user.id()) throw ProblemException.conflict("qualify-not-owner");
        if (!"LEAD".equals(c.stage())) throw ProblemException.conflict("stage-not-lead");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
        Versions.requireUpdated(jdbc.sql("""
                UPDATE customer SET stage = 'INTENTION', intention_on = :today, qualified_at = :now, qualified_by = :by,
                       version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v AND stage = 'LEAD'""")
                .param("today", today).param("now", now.atOffset(ZoneOffset.UTC)).param("by", user.id())
                .param("c", user.companyId()).param("id", id).param("v", version).update());
        audit.record("customer", id, "qualify", Changes.of().put("stage", "LEAD", "INTENTION").created("intentionOn", today));
        return view(user, id);
    }

    /** A manager closes a customer, with a written reason; the decision and its reason are kept (PLT-1). */
    @Transactional
    StageView close(YewuPrincipal manager, long id, String reason, long version) {
        Roles.require(manager, Roles.MANAGERS);
        if (reason == null || reason.isBlank()) throw ProblemException.invalid("reason", "required");
        String why = reason.strip();
        if (why.length() > 500) throw ProblemException.invalid("reason", "too-long", 500);
        if (why.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n')) throw ProblemException.invalid("reason", "invalid");
        CustomerQueries.Customer c = customers.customer(manager, id);
        if (!c.inScope()) throw ProblemException.notFound("customer " + id);
        if ("CLOSED".equals(c.stage())) throw ProblemException.conflict("customer-closed");
        Instant now = clock.instant();
        Versions.requireUpdated(jdbc.sql("""
                UPDATE customer SET stage = 'CLOSED', closed_at = :now, closed_by = :by, closed_reason = :r, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v AND stage <> 'CLOSED'""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("by", manager.id()).param("r", why)
                .param("c", manager.companyId()).param("id", id).param("v", version).update());
        Decision<String> decision = Decision.of("CLOSED", settings.snapshotAt(now).version(),
                new RuleHit("CUS-3", "经理关闭客户，并书面说明理由", "A manager closed the customer with a written reason",
                        Map.of("reason", why, "stageBefore", c.stage(), "closedBy", manager.displayName())));
        decisions.record("customer", String.valueOf(id), "close", decision);
        audit.record("customer", id, "close", Changes.of().put("stage", c.stage(), "CLOSED").created("reason", why));
        changes.cancelPending(manager.companyId(), id, "客户已关闭，申请自动撤销", "The customer was closed; the request was cancelled");
        return view(manager, id);
    }
}
