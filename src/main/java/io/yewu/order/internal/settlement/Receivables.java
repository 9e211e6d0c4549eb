package io.yewu.order.internal.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.AgingPolicy;
import io.yewu.order.internal.policy.settlement.AgingPolicy.Bucket;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.pricing.LineMoney;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RCV-3: open receivables (orders submitted and not cancelled that still owe money) per customer and per salesperson,
 * aged by {@link AgingPolicy}. The database sums open amounts per due date (from the partial covering index of V29,
 * so a million order lines take milliseconds) and the policy buckets the sums: every bucket boundary is the
 * policy's. An order without a due date yet (pay on delivery not delivered, prepayment) is not due.
 */
@Service
class Receivables {

    record Aged(Map<Bucket, BigDecimal> buckets, BigDecimal total) {}

    record SalespersonAging(long salespersonId, String salespersonName, Map<Bucket, BigDecimal> buckets, BigDecimal total) {}

    record CustomerAging(long customerId, String customerName, long ownerId, String ownerName, Map<Bucket, BigDecimal> buckets,
                         BigDecimal total) {}

    /** The aging table and chart: totals per bucket, per salesperson, and the policy's decision. */
    record Aging(LocalDate today, List<Bucket> bucketOrder, Aged total, List<SalespersonAging> salespeople,
                 Decision<Map<Bucket, BigDecimal>> decision) {}

    record OpenReceivable(long orderId, String orderNumber, long customerId, String customerName, long ownerId,
                          LocalDate dueOn, BigDecimal total, BigDecimal paidAmount, BigDecimal open, long daysOverdue, Bucket bucket) {}

    static final String OPEN = "o.paid_amount < o.total AND o.state NOT IN ('CANCELLED', 'DRAFT')";

    private final JdbcClient jdbc;
    private final Settings settings;
    private final Clock clock;
    private final AgingPolicy policy = new AgingPolicy();

    Receivables(JdbcClient jdbc, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    private record DueSum(long key, LocalDate dueOn, BigDecimal open) {}

    Aging aging(YewuPrincipal me, LocalDate on) {
        LocalDate today = on == null ? Money.today(clock) : on;
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        List<DueSum> sums = jdbc.sql("SELECT o.owner_id AS key, o.due_on, sum(o.total - o.paid_amount) AS open FROM sales_order o WHERE "
                        + scope.sql() + " AND " + OPEN + " GROUP BY o.owner_id, o.due_on")
                .params(scope.params()).query(DueSum.class).list();
        OrderRules rules = OrderRules.from(settings.snapshotAt(clock.instant()));
        Map<Long, List<AgingPolicy.Receivable>> byOwner = new LinkedHashMap<>();
        List<AgingPolicy.Receivable> all = new ArrayList<>();
        for (DueSum s : sums) {
            AgingPolicy.Receivable r = new AgingPolicy.Receivable(s.dueOn() == null ? today : s.dueOn(), s.open());
            byOwner.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(r);
            all.add(r);
        }
        Decision<Map<Bucket, BigDecimal>> decision = policy.age(all, today, rules);
        Map<Long, String> names = names(me, byOwner.keySet());
        List<SalespersonAging> people = byOwner.entrySet().stream().map(e -> {
            Aged aged = aged(policy.age(e.getValue(), today, rules).outcome());
            return new SalespersonAging(e.getKey(), names.getOrDefault(e.getKey(), ""), aged.buckets(), aged.total());
        }).sorted(java.util.Comparator.comparing(SalespersonAging::total).reversed()).toList();
        return new Aging(today, List.of(Bucket.values()), aged(decision.outcome()), people, decision);
    }

    private static Aged aged(Map<Bucket, BigDecimal> buckets) {
        Map<Bucket, BigDecimal> ordered = new LinkedHashMap<>();
        BigDecimal total = LineMoney.ZERO;
        for (Bucket b : Bucket.values()) {
            BigDecimal v = LineMoney.fen(buckets.getOrDefault(b, LineMoney.ZERO));
            ordered.put(b, v);
            total = total.add(v);
        }
        return new Aged(ordered, total);
    }

    private Map<Long, String> names(YewuPrincipal me, java.util.Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) return names;
        record Name(long id, String displayName) {}
        jdbc.sql("SELECT id, display_name FROM app_user WHERE company_id = :c AND id IN (:ids)")
                .param("c", me.companyId()).param("ids", ids).query(Name.class).list()
                .forEach(n -> names.put(n.id(), n.displayName()));
        return names;
    }

    /** Per customer, largest open amount first, a page at a time; optionally one salesperson's customers. */
    Page<CustomerAging> customers(YewuPrincipal me, Long ownerId, LocalDate on, PageQuery page) {
        LocalDate today = on == null ? Money.today(clock) : on;
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        String where = " FROM sales_order o WHERE " + scope.sql() + " AND " + OPEN
                + " AND (CAST(:owner AS bigint) IS NULL OR o.owner_id = :owner)";
        record Row(long customerId, String customerName, long ownerId, String ownerName) {}
        List<Row> rows = jdbc.sql("""
                SELECT x.customer_id, c.name AS customer_name, coalesce(c.owner_id, 0) AS owner_id, coalesce(u.display_name, '') AS owner_name
                FROM (SELECT o.customer_id, sum(o.total - o.paid_amount) AS open""" + where + """
                \s GROUP BY o.customer_id ORDER BY open DESC, o.customer_id LIMIT :limit OFFSET :offset) x
                JOIN customer c ON c.company_id = :scopeCompanyId AND c.id = x.customer_id
                LEFT JOIN app_user u ON u.company_id = c.company_id AND u.id = c.owner_id
                ORDER BY x.open DESC, x.customer_id""")
                .params(scope.params()).param("owner", ownerId, java.sql.Types.BIGINT)
                .param("limit", page.size()).param("offset", page.offset()).query(Row.class).list();
        long total = jdbc.sql("SELECT count(DISTINCT o.customer_id)" + where).params(scope.params())
                .param("owner", ownerId, java.sql.Types.BIGINT).query(Long.class).single();
        if (rows.isEmpty()) return Page.of(List.of(), page, total);
        List<DueSum> sums = jdbc.sql("SELECT o.customer_id AS key, o.due_on, sum(o.total - o.paid_amount) AS open" + where
                        + " AND o.customer_id IN (:ids) GROUP BY o.customer_id, o.due_on")
                .params(scope.params()).param("owner", ownerId, java.sql.Types.BIGINT)
                .param("ids", rows.stream().map(Row::customerId).toList()).query(DueSum.class).list();
        OrderRules rules = OrderRules.from(settings.snapshotAt(clock.instant()));
        Map<Long, List<AgingPolicy.Receivable>> byCustomer = new LinkedHashMap<>();
        for (DueSum s : sums) {
            byCustomer.computeIfAbsent(s.key(), k -> new ArrayList<>())
                    .add(new AgingPolicy.Receivable(s.dueOn() == null ? today : s.dueOn(), s.open()));
        }
        List<CustomerAging> items = rows.stream().map(r -> {
            Aged aged = aged(policy.age(byCustomer.getOrDefault(r.customerId(), List.of()), today, rules).outcome());
            return new CustomerAging(r.customerId(), r.customerName(), r.ownerId(), r.ownerName(), aged.buckets(), aged.total());
        }).toList();
        return Page.of(items, page, Math.min(total, Page.COUNT_CAP));
    }

    /** The open receivables (orders) themselves, oldest due first; optionally of one customer. */
    Page<OpenReceivable> orders(YewuPrincipal me, Long customerId, LocalDate on, PageQuery page) {
        LocalDate today = on == null ? Money.today(clock) : on;
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        String where = " FROM sales_order o JOIN customer c ON c.company_id = o.company_id AND c.id = o.customer_id WHERE "
                + scope.sql() + " AND " + OPEN + " AND (CAST(:cust AS bigint) IS NULL OR o.customer_id = :cust)";
        record Row(long orderId, String orderNumber, long customerId, String customerName, long ownerId, LocalDate dueOn,
                   BigDecimal total, BigDecimal paidAmount) {}
        List<Row> rows = jdbc.sql("SELECT o.id AS order_id, o.number AS order_number, o.customer_id, c.name AS customer_name, o.owner_id,"
                        + " o.due_on, o.total, o.paid_amount" + where + " ORDER BY o.due_on NULLS LAST, o.id LIMIT :limit OFFSET :offset")
                .params(scope.params()).param("cust", customerId, java.sql.Types.BIGINT)
                .param("limit", page.size()).param("offset", page.offset()).query(Row.class).list();
        long total = jdbc.sql(Page.cappedCountSql(where)).params(scope.params()).param("cust", customerId, java.sql.Types.BIGINT)
                .query(Long.class).single();
        return Page.of(rows.stream().map(r -> {
            LocalDate due = r.dueOn() == null ? today : r.dueOn();
            return new OpenReceivable(r.orderId(), r.orderNumber(), r.customerId(), r.customerName(), r.ownerId(), r.dueOn(),
                    r.total(), r.paidAmount(), r.total().subtract(r.paidAmount()), Math.max(0, ChronoUnit.DAYS.between(due, today)),
                    policy.bucket(due, today));
        }).toList(), page, total);
    }
}
