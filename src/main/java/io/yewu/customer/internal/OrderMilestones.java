package io.yewu.customer.internal;

import io.yewu.customer.CustomerOrderCompleted;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.settings.Settings;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.Map;

/**
 * CUS-3 with ORD-2: a customer's stage moves on with its orders, in the transaction that completed one (delivered
 * and fully paid). The first such order ends "new customer" and makes it a first-order customer; a later one makes
 * it active; a dormant customer that completes an order is active again. Lead, closed and already active
 * customers keep their stage; every completion refreshes the last order time that dormancy counts from.
 */
@Component
class OrderMilestones {

    private final JdbcClient jdbc;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Settings settings;

    OrderMilestones(JdbcClient jdbc, DecisionRecords decisions, AuditTrail audit, Settings settings) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.audit = audit;
        this.settings = settings;
    }

    @EventListener
    void on(CustomerOrderCompleted event) {
        String before = jdbc.sql("SELECT stage FROM customer WHERE company_id = :c AND id = :id FOR UPDATE")
                .param("c", event.companyId()).param("id", event.customerId()).query(String.class).optional().orElse(null);
        if (before == null) return;
        String after = switch (before) {
            case "INTENTION" -> event.firstForCustomer() ? "FIRST_ORDER" : "ACTIVE";
            case "FIRST_ORDER", "DORMANT" -> "ACTIVE";
            default -> before;
        };
        jdbc.sql("""
                UPDATE customer SET stage = :s, last_order_at = greatest(coalesce(last_order_at, :at), :at), version = version + 1
                WHERE company_id = :c AND id = :id""")
                .param("s", after).param("at", event.at().atOffset(ZoneOffset.UTC))
                .param("c", event.companyId()).param("id", event.customerId()).update();
        if (after.equals(before)) return;
        Decision<String> decision = Decision.of(after, settings.snapshotAt(event.at()).version(),
                new RuleHit(event.firstForCustomer() ? "ORD-2" : "CUS-3",
                        event.firstForCustomer() ? "首单已送达并付清：不再是新客户，进入首单阶段" : "又一订单送达并付清：成为活跃客户",
                        event.firstForCustomer() ? "The first order was delivered and fully paid: no longer new, stage first order"
                                : "Another order was delivered and fully paid: the customer is active",
                        Map.of("orderId", event.orderId(), "stageBefore", before, "firstOrder", event.firstForCustomer())));
        decisions.record("customer", String.valueOf(event.customerId()), "stage", decision);
        audit.record("customer", event.customerId(), "stage", Changes.of().put("stage", before, after));
    }
}
