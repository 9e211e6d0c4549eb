package io.yewu.order.internal.status;

import io.yewu.platform.security.CompanyContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;

/** ORD-8b / SVC-10: every status look-up is counted, by company, order, channel and time. */
@Component
class OrderLookups {

    enum Channel { PUBLIC, AGENT }

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderLookups(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void count(long companyId, Collection<Long> orderIds, Channel channel, Long agentId) {
        if (orderIds.isEmpty()) return;
        OffsetDateTime at = OffsetDateTime.now(clock);
        CompanyContext.runAs(companyId, () -> orderIds.forEach(order -> jdbc.sql("""
                INSERT INTO order_status_lookup (company_id, order_id, channel, looked_up_by, looked_up_at)
                VALUES (:c, :order, :channel, :agent, :at)""")
                .param("c", companyId).param("order", order).param("channel", channel.name())
                .param("agent", agentId, java.sql.Types.BIGINT).param("at", at).update()));
    }
}
