package io.yewu.order.internal.status;

import io.yewu.order.OrderState;
import io.yewu.order.WarehouseStage;
import io.yewu.order.internal.policy.CustomerOrderViewPolicy;
import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ORD-8b: order status for customers (the public page, by order number and phone) and for the service desk (by
 * customer or phone, read-only). Every answer is counted for SVC-10.
 */
@Service
class OrderStatus {

    private static final String COLUMNS = """
            o.id, o.company_id, o.number, o.customer_id, cu.name AS customer_name, o.state, o.warehouse_stage,
            o.ship_by, o.shipped_at, o.delivered_at, o.carrier, o.total, o.created_at""";

    private record Row(long id, long companyId, String number, long customerId, String customerName, OrderState state,
                       WarehouseStage stage, LocalDate shipBy, OffsetDateTime shippedAt, OffsetDateTime deliveredAt,
                       String carrier, BigDecimal total, OffsetDateTime createdAt) {}

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("company_id"),
            rs.getString("number"), rs.getLong("customer_id"), rs.getString("customer_name"),
            OrderState.valueOf(rs.getString("state")), WarehouseStage.valueOf(rs.getString("warehouse_stage")),
            rs.getObject("ship_by", LocalDate.class), rs.getObject("shipped_at", OffsetDateTime.class),
            rs.getObject("delivered_at", OffsetDateTime.class), rs.getString("carrier"), rs.getBigDecimal("total"),
            rs.getObject("created_at", OffsetDateTime.class));

    static final int AGENT_LIMIT = 50;

    private final JdbcClient jdbc;
    private final OrderStatusQuota quota;
    private final OrderLookups lookups;
    private final Clock clock;
    private final CustomerOrderViewPolicy policy = new CustomerOrderViewPolicy();

    OrderStatus(JdbcClient jdbc, OrderStatusQuota quota, OrderLookups lookups, Clock clock) {
        this.jdbc = jdbc;
        this.quota = quota;
        this.lookups = lookups;
        this.clock = clock;
    }

    /**
     * The public look-up. A wrong number, a wrong phone, a draft and an unknown company all answer the same 404,
     * and each try counts against the address's and the number's quota before anything is looked up.
     */
    OrderStatusView.Public lookUp(String address, String number, String phone, String companyCode) {
        String digits = PhoneDigits.of(phone).orElseThrow(() -> ProblemException.invalid("phone", "phone"));
        String normalisedNumber = number.trim().toUpperCase(Locale.ROOT);
        quota.take(address, normalisedNumber);
        List<Row> found = CompanyContext.callAsSystem(() -> jdbc.sql("SELECT " + COLUMNS + """
                         FROM sales_order o JOIN customer cu ON cu.company_id = o.company_id AND cu.id = o.customer_id
                        WHERE o.number = :number AND o.state <> 'DRAFT'
                          AND (CAST(:company AS text) IS NULL OR o.company_id = (SELECT id FROM company WHERE code = :company))
                          AND (""" + PhoneDigits.matches("o.contact_phone") + """
                               OR EXISTS (SELECT 1 FROM customer_contact cc WHERE cc.company_id = o.company_id
                                          AND cc.customer_id = o.customer_id AND """ + " " + PhoneDigits.matches("cc.phone") + "))")
                .param("number", normalisedNumber).param("company", blankToNull(companyCode))
                .param("phoneForms", PhoneDigits.storedForms(digits)).query(ROW).list());
        Optional<OrderStatusView.Public> answer = found.size() == 1 ? publicView(found.getFirst()) : Optional.empty();
        if (answer.isEmpty()) throw new ProblemException(HttpStatus.NOT_FOUND, "order-status-not-found", List.of());
        lookups.count(found.getFirst().companyId(), List.of(found.getFirst().id()), OrderLookups.Channel.PUBLIC, null);
        return answer.get();
    }

    private Optional<OrderStatusView.Public> publicView(Row r) {
        return view(r).map(v -> new OrderStatusView.Public(r.number(), v.state(), r.stage(), v.expectedShipment(),
                r.shipBy(), r.shippedAt(), r.deliveredAt(), r.total()));
    }

    private Optional<CustomerOrderViewPolicy.View> view(Row r) {
        return policy.view(r.state(), r.shipBy(), day(r.shippedAt()), day(r.deliveredAt()), OrderRules.defaults()).outcome();
    }

    /**
     * The service desk's view of a caller's orders, newest first (at most {@value #AGENT_LIMIT}): by customer, or
     * by a phone of the customer's file or given with the order. The desk answers any customer of its company, so
     * the company wall is its scope; the fields are the customer's own view plus the order's internal state.
     */
    List<OrderStatusView.Agent> forAgent(YewuPrincipal me, Long customerId, String phone) {
        if (customerId == null && (phone == null || phone.isBlank())) {
            throw ProblemException.invalid("customerId", "service-lookup-required");
        }
        List<String> forms = phone == null || phone.isBlank() ? List.of()
                : PhoneDigits.storedForms(PhoneDigits.of(phone).orElseThrow(() -> ProblemException.invalid("phone", "phone")));
        StringBuilder where = new StringBuilder(" WHERE o.company_id = :c AND o.state <> 'DRAFT'");
        if (customerId != null) where.append(" AND o.customer_id = :customer");
        if (!forms.isEmpty()) {
            where.append(" AND (").append(PhoneDigits.matches("o.contact_phone"))
                    .append(" OR o.customer_id IN (SELECT cc.customer_id FROM customer_contact cc WHERE cc.company_id = :c AND ")
                    .append(PhoneDigits.matches("cc.phone")).append("))");
        }
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM sales_order o JOIN customer cu ON cu.company_id = o.company_id"
                        + " AND cu.id = o.customer_id" + where + " ORDER BY o.created_at DESC, o.id DESC LIMIT " + AGENT_LIMIT)
                .param("c", me.companyId());
        if (customerId != null) query = query.param("customer", customerId);
        if (!forms.isEmpty()) query = query.param("phoneForms", forms);
        List<Row> rows = query.query(ROW).list();
        List<OrderStatusView.Agent> answer = rows.stream().flatMap(r -> view(r).stream().map(v -> new OrderStatusView.Agent(
                r.id(), r.number(), r.customerId(), r.customerName(), r.state(), v.state(), r.stage(), v.expectedShipment(),
                r.shipBy(), r.shippedAt(), r.deliveredAt(), r.carrier(), r.total(), r.createdAt()))).toList();
        lookups.count(me.companyId(), answer.stream().map(OrderStatusView.Agent::id).toList(), OrderLookups.Channel.AGENT, me.id());
        return answer;
    }

    /** SVC-10: the company's look-ups per day and channel, {@code from} … {@code to} inclusive (default: the last 7 days). */
    List<OrderStatusView.DayCount> counts(YewuPrincipal me, LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(WorkCalendar.ZONE));
        LocalDate start = from != null ? from : end.minusDays(6);
        if (start.isAfter(end)) throw ProblemException.invalid("from", "date-order");
        return jdbc.sql("""
                SELECT (l.looked_up_at AT TIME ZONE 'Asia/Shanghai')::date AS day, l.channel, count(*) AS lookups
                FROM order_status_lookup l
                WHERE l.company_id = :c AND l.looked_up_at >= :from AND l.looked_up_at < :to
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("c", me.companyId()).param("from", start.atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime())
                .param("to", end.plusDays(1).atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime())
                .query(OrderStatusView.DayCount.class).list();
    }

    private static LocalDate day(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(WorkCalendar.ZONE).toLocalDate();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
