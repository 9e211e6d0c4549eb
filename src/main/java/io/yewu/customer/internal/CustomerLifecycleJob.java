package io.yewu.customer.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.CompanyJob;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Nightly at 02:00, per company: customers with no order for the dormant period become dormant (CUS-3), and — when
 * the administrator has enabled it — neglected customers are warned and then returned to the pool (CUS-9). Decided
 * at the occurrence's time, so a late or retried run decides as the 02:00 run would have.
 */
@Component
class CustomerLifecycleJob implements CompanyJob {

    private record Candidate(long id, String name, long ownerId, OffsetDateTime lastFollowUp, OffsetDateTime lastOrder,
                             boolean warned, String stage) {}

    private final JdbcClient jdbc;
    private final Settings settings;
    private final OwnershipLedger ledger;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final JsonMapper json;
    private final PoolReturnPolicy policy = new PoolReturnPolicy();
    private final DormancyPolicy dormancy = new DormancyPolicy();

    CustomerLifecycleJob(JdbcClient jdbc, Settings settings, OwnershipLedger ledger, DecisionRecords decisions,
                         AuditTrail audit, Notifier notifier, JsonMapper json) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.ledger = ledger;
        this.decisions = decisions;
        this.audit = audit;
        this.notifier = notifier;
        this.json = json;
    }

    @Override
    public String name() {
        return "customer.lifecycle";
    }

    @Override
    public String cron() {
        return "0 0 2 * * *";
    }

    @Override
    public void run(long companyId, Instant now) {
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        markDormant(companyId, now, snapshot);
        var rules = new PoolReturnPolicy.Rules(snapshot.get(CustomerSettings.POOL_RETURN),
                snapshot.get(CustomerSettings.POOL_RETURN_NO_FOLLOW_UP_DAYS), snapshot.get(CustomerSettings.POOL_RETURN_NO_ORDER_DAYS),
                snapshot.get(CustomerSettings.POOL_RETURN_WARNING_DAYS));
        if (rules.enabled()) returnNeglected(companyId, now, rules, snapshot.version());
    }

    private record Dormant(long id, String previous, OffsetDateTime lastOrderAt) {}

    /** CUS-3: set-based over the candidates; each one's decision is stored with its inputs (PLT-1). */
    private void markDormant(long companyId, Instant now, SettingsSnapshot snapshot) {
        long days = snapshot.get(CustomerSettings.DORMANT_DAYS);
        OffsetDateTime limit = now.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
        List<Dormant> dormant = jdbc.sql("""
                WITH due AS (SELECT id, stage, last_order_at FROM customer
                             WHERE company_id = :c AND stage IN ('FIRST_ORDER', 'ACTIVE') AND last_order_at < :limit FOR UPDATE)
                UPDATE customer c SET stage = 'DORMANT', version = c.version + 1 FROM due
                WHERE c.company_id = :c AND c.id = due.id
                RETURNING c.id, due.stage AS previous, due.last_order_at""")
                .param("c", companyId).param("limit", limit).query(Dormant.class).list();
        for (Dormant d : dormant) {
            Decision<String> decision = dormancy.decide(d.previous(), d.lastOrderAt().toInstant(), now, days, snapshot.version());
            decisions.record("customer", String.valueOf(d.id()), "dormancy", decision);
            audit.record("customer", d.id(), "dormant", Changes.of().put("stage", d.previous(), "DORMANT")
                    .created("dormantDays", days));
        }
    }

    private void returnNeglected(long companyId, Instant now, PoolReturnPolicy.Rules rules, long version) {
        // only customers that could be due for a warning are read; the policy decides each one
        long horizon = Math.min(rules.noFollowUpDays(), rules.noOrderDays()) - rules.warningDays();
        List<Candidate> candidates = jdbc.sql("""
                SELECT c.id, c.name, c.owner_id, greatest(coalesce(c.last_follow_up_at, o.valid_from), o.valid_from) AS last_follow_up,
                       greatest(coalesce(c.last_order_at, o.valid_from), o.valid_from) AS last_order,
                       c.pool_warned_at IS NOT NULL AND c.pool_warned_at >= o.valid_from AS warned, c.stage
                FROM customer c JOIN customer_ownership o ON o.company_id = c.company_id AND o.customer_id = c.id AND o.valid_to IS NULL
                WHERE c.company_id = :c AND c.owner_id IS NOT NULL AND c.stage <> 'CLOSED'
                  AND greatest(coalesce(c.last_follow_up_at, o.valid_from), o.valid_from) < :horizon""")
                .param("c", companyId).param("horizon", now.minus(Duration.ofDays(Math.max(horizon, 0))).atOffset(ZoneOffset.UTC))
                .query(Candidate.class).list();
        for (Candidate c : candidates) {
            Decision<PoolReturnPolicy.Outcome> d = policy.decide(rules, c.lastFollowUp().toInstant(), c.lastOrder().toInstant(), now, version);
            switch (d.outcome()) {
                case WARN -> {
                    if (c.warned()) continue;
                    jdbc.sql("UPDATE customer SET pool_warned_at = :now WHERE company_id = :c AND id = :id")
                            .param("now", now.atOffset(ZoneOffset.UTC)).param("c", companyId).param("id", c.id()).update();
                    decisions.record("customer", String.valueOf(c.id()), "pool-return-warning", d);
                    notifier.notify(c.ownerId(), "customer.pool-return-warning", "客户即将退回公海：" + c.name(),
                            "Customer returns to the pool soon: " + c.name(), "请尽快跟进", "Follow up soon", "/customers/" + c.id());
                }
                case RETURN -> {
                    ledger.close(companyId, c.id(), now, json.writeValueAsString(d));
                    if ("INTENTION".equals(c.stage())) {
                        jdbc.sql("UPDATE customer SET stage = 'LEAD' WHERE company_id = :c AND id = :id")
                                .param("c", companyId).param("id", c.id()).update();
                    }
                    decisions.record("customer", String.valueOf(c.id()), "pool-return", d);
                    audit.record("customer", c.id(), "pool-return", Changes.of().put("ownerId", c.ownerId(), null));
                    notifier.notify(c.ownerId(), "customer.pool-return", "客户已退回公海：" + c.name(),
                            "Customer returned to the pool: " + c.name(), d.hits().getFirst().zh(), d.hits().getFirst().en(),
                            "/customers/" + c.id());
                }
                case KEEP -> { }
            }
        }
    }
}
