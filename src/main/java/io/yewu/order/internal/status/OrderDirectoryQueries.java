package io.yewu.order.internal.status;

import io.yewu.order.OrderDirectory;
import io.yewu.order.OrderState;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The order module's answers to other modules ({@link OrderDirectory}), from its own tables. */
@Component
class OrderDirectoryQueries implements OrderDirectory {

    private final JdbcClient jdbc;

    OrderDirectoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrderRef> find(long companyId, long orderId) {
        return jdbc.sql("SELECT id, customer_id, number, state FROM sales_order WHERE company_id = :c AND id = :id")
                .param("c", companyId).param("id", orderId)
                .query((rs, n) -> new OrderRef(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("number"),
                        OrderState.valueOf(rs.getString("state"))))
                .optional();
    }

    @Override
    public List<AgentLookups> agentLookups(YewuPrincipal me, Instant from, Instant to) {
        DataScope.Condition scope = DataScope.of(me, "l.company_id", "l.looked_up_by");
        return jdbc.sql("""
                SELECT l.looked_up_by AS agent_id, u.display_name AS agent_name, count(*) AS lookups
                FROM order_status_lookup l JOIN app_user u ON u.company_id = l.company_id AND u.id = l.looked_up_by
                WHERE\s""" + scope.sql() + """
                 AND l.channel = 'AGENT' AND l.looked_up_at >= :from AND l.looked_up_at < :to
                GROUP BY l.looked_up_by, u.display_name""")
                .params(scope.params()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(AgentLookups.class).list();
    }

    @Override
    public long publicLookups(long companyId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT count(*) FROM order_status_lookup l WHERE l.company_id = :c AND l.channel = 'PUBLIC'
                  AND l.looked_up_at >= :from AND l.looked_up_at < :to""")
                .param("c", companyId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }
}
