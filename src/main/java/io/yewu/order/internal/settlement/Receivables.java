package io.yewu.order.internal.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.AgingPolicy;
import io.yewu.order.internal.policy.settlement.AgingPolicy.Bucket;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.ListQuery;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.pricing.LineMoney;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

    record OpenReceivable(long orderId, String orderNumber, long customerId, String customerName, long ownerId, String ownerName,
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
        LocalDate today = today(on);
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

    /**
     * A customer's open receivables as read: its open total and its open amounts per due date, as
     * {@code 2026-11-30=100.00;=0.50} (no date: not due yet), which the policy then buckets.
     */
    private record CustomerRow(long customerId, String customerName, long ownerId, String ownerName, BigDecimal open, String dues) {}

    /** Per customer, largest open amount first; optionally one salesperson's: for a page or the list's export. */
    private ListQuery<CustomerRow> customersQuery(YewuPrincipal me, Long ownerId) {
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = " FROM sales_order o WHERE " + scope.sql() + " AND " + OPEN;
        if (ownerId != null) {
            where += " AND o.owner_id = :owner";
            params.put("owner", ownerId);
        }
        String select = """
                SELECT x.customer_id, c.name AS customer_name, coalesce(c.owner_id, 0) AS owner_id,
                       coalesce(u.display_name, '') AS owner_name, x.open, x.dues
                FROM (SELECT d.customer_id, sum(d.open) AS open, string_agg(coalesce(d.due_on::text, '') || '=' || d.open, ';') AS dues
                      FROM (SELECT o.customer_id, o.due_on, sum(o.total - o.paid_amount) AS open""" + where + """
                \s GROUP BY o.customer_id, o.due_on) d GROUP BY d.customer_id) x
                JOIN customer c ON c.company_id = :scopeCompanyId AND c.id = x.customer_id
                LEFT JOIN app_user u ON u.company_id = c.company_id AND u.id = c.owner_id""";
        return new ListQuery<>(jdbc, CustomerRow.class, select, where + " GROUP BY o.customer_id", params, "x.open DESC, x.customer_id");
    }

    /** A customer's row aged by the policy: its open amounts per bucket as of {@code today}. */
    private Function<CustomerRow, CustomerAging> customerAging(LocalDate today) {
        OrderRules rules = OrderRules.from(settings.snapshotAt(clock.instant()));
        return r -> {
            List<AgingPolicy.Receivable> receivables = new ArrayList<>();
            for (String due : r.dues().split(";")) {
                int eq = due.indexOf('=');
                LocalDate dueOn = eq == 0 ? today : LocalDate.parse(due.substring(0, eq));
                receivables.add(new AgingPolicy.Receivable(dueOn, new BigDecimal(due.substring(eq + 1))));
            }
            Aged aged = aged(policy.age(receivables, today, rules).outcome());
            return new CustomerAging(r.customerId(), r.customerName(), r.ownerId(), r.ownerName(), aged.buckets(), aged.total());
        };
    }

    Page<CustomerAging> customers(YewuPrincipal me, Long ownerId, LocalDate on, PageQuery page) {
        return customersQuery(me, ownerId).page(page).map(customerAging(today(on)));
    }

    /** The customers list as an xlsx: same scope, filter and order, each bucket a column (at most 100,000 rows). */
    ResponseEntity<StreamingResponseBody> exportCustomers(YewuPrincipal me, Long ownerId, LocalDate on, Locale locale) {
        return customersQuery(me, ownerId).xlsx("应收帐龄-客户", "receivables-customers", locale, customerAging(today(on)), zh -> {
            List<ExcelExport.Column<CustomerAging>> columns = new ArrayList<>(List.of(
                    new ExcelExport.Column<>("客户", "Customer", CustomerAging::customerName),
                    new ExcelExport.Column<>("业务员", "Salesperson", CustomerAging::ownerName)));
            columns.addAll(bucketColumns(CustomerAging::buckets, CustomerAging::total));
            return columns;
        });
    }

    /** The aging table as an xlsx: a line per salesperson, then the total, as on the screen. */
    ResponseEntity<StreamingResponseBody> exportAging(YewuPrincipal me, LocalDate on, Locale locale) {
        Aging aging = aging(me, on);
        record Line(Object name, Map<Bucket, BigDecimal> buckets, BigDecimal total) {}
        List<Line> lines = new ArrayList<>();
        aging.salespeople().forEach(s -> lines.add(new Line(s.salespersonName(), s.buckets(), s.total())));
        lines.add(new Line(new ExcelExport.Words("合计", "Total"), aging.total().buckets(), aging.total().total()));
        List<ExcelExport.Column<Line>> columns = new ArrayList<>();
        columns.add(new ExcelExport.Column<>("业务员", "Salesperson", Line::name));
        columns.addAll(bucketColumns(Line::buckets, Line::total));
        boolean zh = ExcelExport.zh(locale);
        return ExcelExport.response(zh ? "应收帐龄" : "receivables-aging", locale, columns, sink -> lines.forEach(sink));
    }

    /** A column per aging bucket (headed by its words) and the open total: the aging table's and the customers' columns. */
    private static <R> List<ExcelExport.Column<R>> bucketColumns(Function<R, Map<Bucket, BigDecimal>> buckets,
                                                                 Function<R, BigDecimal> total) {
        List<ExcelExport.Column<R>> columns = new ArrayList<>();
        for (Bucket b : Bucket.values()) {
            columns.add(new ExcelExport.Column<>(SettlementWords.bucket(b, true), SettlementWords.bucket(b, false),
                    r -> buckets.apply(r).get(b)));
        }
        columns.add(new ExcelExport.Column<>("合计", "Total", total::apply));
        return columns;
    }

    private record OrderRow(long orderId, String orderNumber, long customerId, String customerName, long ownerId, String ownerName,
                            LocalDate dueOn, BigDecimal total, BigDecimal paidAmount) {}

    /** The open receivables (orders) themselves, oldest due first; optionally of one customer. */
    private ListQuery<OrderRow> ordersQuery(YewuPrincipal me, Long customerId) {
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        Map<String, Object> params = new HashMap<>(scope.params());
        String from = " FROM sales_order o JOIN customer c ON c.company_id = o.company_id AND c.id = o.customer_id";
        String where = " WHERE " + scope.sql() + " AND " + OPEN;
        if (customerId != null) {
            where += " AND o.customer_id = :cust";
            params.put("cust", customerId);
        }
        return new ListQuery<>(jdbc, OrderRow.class, """
                SELECT o.id AS order_id, o.number AS order_number, o.customer_id, c.name AS customer_name, o.owner_id,
                       coalesce(u.display_name, '') AS owner_name, o.due_on, o.total, o.paid_amount""" + from
                + " LEFT JOIN app_user u ON u.company_id = o.company_id AND u.id = o.owner_id" + where,
                from + where, params, "o.due_on NULLS LAST, o.id");
    }

    /** An open order aged as of {@code today}: not due yet without a due date. */
    private Function<OrderRow, OpenReceivable> openReceivable(LocalDate today) {
        return r -> {
            LocalDate due = r.dueOn() == null ? today : r.dueOn();
            return new OpenReceivable(r.orderId(), r.orderNumber(), r.customerId(), r.customerName(), r.ownerId(), r.ownerName(),
                    r.dueOn(), r.total(), r.paidAmount(), r.total().subtract(r.paidAmount()),
                    Math.max(0, ChronoUnit.DAYS.between(due, today)), policy.bucket(due, today));
        };
    }

    Page<OpenReceivable> orders(YewuPrincipal me, Long customerId, LocalDate on, PageQuery page) {
        return ordersQuery(me, customerId).page(page).map(openReceivable(today(on)));
    }

    /** The open receivables list as an xlsx: same scope, filter and order, the bucket in words (at most 100,000 rows). */
    ResponseEntity<StreamingResponseBody> exportOrders(YewuPrincipal me, Long customerId, LocalDate on, Locale locale) {
        return ordersQuery(me, customerId).xlsx("应收款", "open-receivables", locale, openReceivable(today(on)), zh -> List.of(
                new ExcelExport.Column<>("订单号", "Order", OpenReceivable::orderNumber),
                new ExcelExport.Column<>("客户", "Customer", OpenReceivable::customerName),
                new ExcelExport.Column<>("业务员", "Salesperson", OpenReceivable::ownerName),
                new ExcelExport.Column<>("到期日", "Due on", OpenReceivable::dueOn),
                new ExcelExport.Column<>("订单金额", "Order total", OpenReceivable::total),
                new ExcelExport.Column<>("已收", "Paid", OpenReceivable::paidAmount),
                new ExcelExport.Column<>("未收", "Open", OpenReceivable::open),
                new ExcelExport.Column<>("逾期天数", "Days overdue", OpenReceivable::daysOverdue),
                new ExcelExport.Column<>("帐龄", "Aging", r -> SettlementWords.bucket(r.bucket(), zh))));
    }

    private LocalDate today(LocalDate on) {
        return on == null ? Money.today(clock) : on;
    }
}
