package io.yewu.order.internal;

import io.yewu.order.OrderState;
import io.yewu.order.internal.settlement.SettlementDemo;
import io.yewu.platform.approval.Approvals;
import io.yewu.platform.demo.DemoCompanyCreated;
import io.yewu.platform.demo.DemoUsers;
import io.yewu.platform.demo.DemoWork;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.YewuPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo company's order to cash (decision 0025), so every role has work on first start: orders in every state
 * (draft, awaiting approval, credit hold, waiting for payment before shipment, released, printed, packed, shipped,
 * delivered, closed, cancelled with a refund due), one converted from an accepted quote, receipts matched and on
 * account, a VAT invoice issued and an amount accumulating below 5,000, receivables in every aging bucket and last
 * month's commission approved. Everything goes through {@link Orders}, {@link Warehouse}, settlement and the approval
 * chains as the demo users, so decisions, approvals and audit rows are the real ones. What no service can do — an
 * order shipped months ago — is done today and then moved back: {@link #moveBack} shifts the order's own dates (and
 * number) by whole days, before anything later reads them (the credit hold sees the overdue receivable). Runs after
 * the catalogue ({@code PricingDemoData}), once the application is ready ({@link DemoWork}), in one transaction.
 */
@Component
class OrderDemoData {

    /** After the customer book (100) and the catalogue (200). */
    static final int ORDER = 300;

    private static final Logger log = LoggerFactory.getLogger(OrderDemoData.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Orders orders;
    private final Warehouse warehouse;
    private final OrderQueries queries;
    private final SettlementDemo settlement;
    private final Approvals approvals;
    private final DemoUsers users;
    private final DemoWork work;
    private final OrderTerms terms;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final int size;

    OrderDemoData(Orders orders, Warehouse warehouse, OrderQueries queries, SettlementDemo settlement, Approvals approvals,
                  DemoUsers users, DemoWork work, OrderTerms terms, JdbcClient jdbc, TransactionTemplate tx,
                  @Value("${yewu.demo-data.customers:300}") int size) {
        this.orders = orders;
        this.warehouse = warehouse;
        this.queries = queries;
        this.settlement = settlement;
        this.approvals = approvals;
        this.users = users;
        this.work = work;
        this.terms = terms;
        this.jdbc = jdbc;
        this.tx = tx;
        this.size = size;
    }

    /** Queued to run after the start, after the catalogue (decision 0025: the first start does not wait for it). */
    /**
     * A first start stopped before the queued generation ran leaves the demo company without it: a later start
     * that finds none of it queues it again (decision 0025).
     */
    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @Order(ORDER)
    void resume() {
        if (size > 0) DemoWork.demoCompanyWithout(jdbc, "sales_order").ifPresent(demo -> on(new DemoCompanyCreated(demo)));
    }

    @EventListener
    @Order(ORDER)
    void on(DemoCompanyCreated event) {
        if (size <= 0) return;
        work.afterStart("orders", () -> {
            long start = System.nanoTime();
            int n = CompanyContext.callAs(event.companyId(), () -> tx.execute(s -> new Run(event.companyId()).write()));
            log.info("Demo orders: {} orders in {} ms", n, (System.nanoTime() - start) / 1_000_000);
        });
    }

    /** One generation: the people, the products in force and the customers already used. */
    private final class Run {

        final long companyId;
        final Map<String, YewuPrincipal> people;
        final Map<String, Product> products = new java.util.HashMap<>();
        final Set<Long> used = new HashSet<>();
        final LocalDate today = terms.today();
        int count;
        int renumbered;

        record Product(long id, String code, BigDecimal guidePrice) {}

        Run(long companyId) {
            this.companyId = companyId;
            this.people = users.load(companyId, List.of("sales1", "sales2", "sales3", "sales4", "manager", "gm", "finance",
                    "warehouse", "mktdir"));
            jdbc.sql("""
                    SELECT p.id, p.code, l.guide_price FROM product p
                    JOIN price_list_line l ON l.company_id = p.company_id AND l.product_id = p.id
                    JOIN price_list pl ON pl.company_id = l.company_id AND pl.id = l.price_list_id
                    WHERE p.company_id = :c AND pl.status = 'APPROVED' AND pl.effective_from <= :today""")
                    .param("c", companyId).param("today", today).query(Product.class).list()
                    .forEach(p -> products.put(p.code(), p));
        }

        int write() {
            if (products.isEmpty()) throw new IllegalStateException("no demo catalogue in force");
            YewuPrincipal s1 = people.get("sales1"), s2 = people.get("sales2"), s3 = people.get("sales3"), s4 = people.get("sales4");
            YewuPrincipal finance = people.get("finance");
            LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(1);

            // COM-2: last month, one order per salesperson delivered early in the month and paid mid-month; the VAT
            // invoice of sales1's; then the marketing director approves the month
            int i = 0;
            LocalDate shippedOn = lastMonth.plusDays(1);
            int back = (int) ChronoUnit.DAYS.between(shippedOn, today);
            for (YewuPrincipal s : List.of(s1, s2, s3, s4)) {
                long customer = customer(s, true, lastMonth);
                long id = order(s, customer, false, "YJV-3X16", 40 + 10 * i, "RVV-2X1", 6 + i);
                pay(id, shippedOn);
                ship(id, true);
                if (paid(id).signum() == 0) {
                    settlement.receipt(finance, customer, total(id), lastMonth.plusDays(14 + i), "网银回单 " + (i + 1), List.of(id), false);
                }
                if (i == 0) {
                    settlement.invoice(finance, customer, id, total(id), "44001" + DAY.format(lastMonth.plusDays(3)), lastMonth.plusDays(3));
                }
                moveBack(id, back);
                i++;
            }
            settlement.approveMonth(people.get("mktdir"), YearMonth.from(lastMonth).toString());

            // RCV-3: credit orders shipped and delivered, unpaid, one in each overdue bucket and one not yet due
            long c1 = creditCustomer(s1), c2 = creditCustomer(s1), c3 = creditCustomer(s1);
            long c4 = creditCustomer(s2), c5 = creditCustomer(s3), c6 = creditCustomer(s4);
            long over90 = order(s1, c1, false, "BV-2.5", 20, "YJV-3X4", 200);
            ship(over90, true);
            moveBack(over90, 130);                                   // due 100 days ago
            long days61 = order(s1, c2, false, "BV-4", 15);
            ship(days61, true);
            moveBack(days61, 105);                                   // due 75 days ago
            settlement.invoice(finance, c2, days61, total(days61), "44002" + DAY.format(today.minusDays(104)), today.minusDays(104));
            long days31 = order(s2, c4, false, "KVV-7X1.5", 400);
            ship(days31, false);
            moveBack(days31, 75);                                    // due 45 days ago, shipped, delivery not confirmed
            long days1 = order(s3, c5, false, "RVV-2X1", 30);
            ship(days1, true);
            moveBack(days1, 40);                                     // due 10 days ago
            long notDue = order(s4, c6, false, "JKLYJ-70", 800);
            ship(notDue, true);
            moveBack(notDue, 10);                                    // due in 20 days

            // ORD-5c: the customer 100 days overdue orders again on credit: held until the general manager releases it
            order(s1, c1, false, "BV-1.5", 10);
            // ORD-5b: a new credit customer's 23,600.00 waits for the business manager, then the general manager
            order(s1, c3, false, "YJV-3X16", 200);
            // ORD-5b approved by both: released
            long approved = order(s4, c6, false, "YJV-4X25", 100);
            approve(approved, "manager");
            approve(approved, "gm");

            // ORD-3a / ORD-6 / ORD-7: cash orders released and at every warehouse stage
            long released = order(s1, customer(s1, true, null), false, "BV-2.5", 8);
            payIfWaiting(released);
            long printed = order(s2, customer(s2, true, null), false, "RVVP-4X0.5", 10);
            payIfWaiting(printed);
            advance(printed, "PRINTED");
            long packed = order(s3, customer(s3, true, null), false, "SYV-75-5", 12);
            payIfWaiting(packed);
            advance(packed, "PRINTED");
            advance(packed, "PACKED");
            long shippedCustomer = customer(s4, true, null);
            long shipped = order(s4, shippedCustomer, false, "BV-6", 4);
            payIfWaiting(shipped);
            ship(shipped, false);
            // INV-1: 2,500.00 for a VAT customer accumulates towards 5,000.00
            settlement.invoice(finance, shippedCustomer, shipped, total(shipped), "44003" + DAY.format(today), today);
            long closedCustomer = customer(s1, true, null);
            long closed = order(s1, closedCustomer, false, "BV-1.5", 12);
            payIfWaiting(closed);
            ship(closed, true);
            if (paid(closed).signum() == 0) {
                settlement.receipt(finance, closedCustomer, total(closed), today, "现金交款", List.of(closed), false);
            }

            // ORD-3a with the customer's agreement: pay before shipment, waiting for the money
            order(s2, customer(s2, false, null), true, "BV-4", 5);
            // ORD-8: paid in advance, released, cancelled before printing: a refund due for finance
            long refundCustomer = customer(s3, false, null);
            long refunded = order(s3, refundCustomer, true, "RVV-2X1", 20);
            settlement.receipt(finance, refundCustomer, total(refunded), today, "预付货款", List.of(refunded), false);
            YewuPrincipal s3p = s3;
            DemoUsers.as(s3p, () -> orders.cancel(s3p, refunded, new Orders.ReasonInput("客户项目延期，取消订单", version(refunded))));

            // RCV-1: an advance with no order yet, left on account
            long advanceCustomer = customer(s2, false, null);
            settlement.receipt(finance, advanceCustomer, new BigDecimal("5000.00"), today, "预收货款", List.of(), true);

            // ORD-1: a draft with special requirements; ORD-1 / PRC-10: the accepted quote converted
            YewuPrincipal s2p = s2;
            long draftCustomer = customer(s2, false, null);
            DemoUsers.as(s2p, () -> orders.create(s2p, new Orders.OrderInput(draftCustomer,
                    List.of(line("YJV-3X4", 150), line("KVV-7X1.5", 100)), null, null, "", "工作日 9:00–17:00",
                    "德邦物流", "到货前一天电话联系", "", "", false, null)));
            count++;
            Long accepted = jdbc.sql("""
                    SELECT v.quote_id FROM quote_version v JOIN quote q ON q.company_id = v.company_id AND q.id = v.quote_id
                    WHERE v.company_id = :c AND v.state = 'ACCEPTED' AND v.converted_at IS NULL AND q.owner_id = :u
                    ORDER BY v.quote_id LIMIT 1""")
                    .param("c", companyId).param("u", s1.id()).query(Long.class).optional().orElse(null);
            if (accepted != null) {
                YewuPrincipal s1p = s1;
                DemoUsers.as(s1p, () -> orders.fromQuote(s1p, accepted, true));
                count++;
            }
            return count;
        }

        /**
         * A customer of the salesperson not used yet: in the home city (广州) or not, filed with this owner before
         * {@code ownedSince} when given (RCV-2 credits the receipt to the owner on its date).
         */
        long customer(YewuPrincipal owner, boolean homeCity, LocalDate ownedSince) {
            Long id = jdbc.sql("""
                    SELECT c.id FROM customer c
                    WHERE c.company_id = :c AND c.owner_id = :u AND c.stage = 'ACTIVE'
                      AND c.credit_term_days IS NULL AND NOT (c.id = ANY(CAST(:used AS bigint[])))
                      AND (c.city LIKE '广州%') = :home
                      AND (CAST(:since AS date) IS NULL OR EXISTS (SELECT 1 FROM customer_ownership o
                           WHERE o.company_id = c.company_id AND o.customer_id = c.id AND o.owner_id = c.owner_id AND o.valid_to IS NULL
                             AND o.valid_from < CAST(:since AS date)::timestamp AT TIME ZONE 'Asia/Shanghai'))
                    ORDER BY c.id DESC LIMIT 1""")
                    .param("c", companyId).param("u", owner.id()).param("used", used.toArray(Long[]::new)).param("home", homeCity)
                    .param("since", ownedSince, java.sql.Types.DATE).query(Long.class).optional()
                    .orElseGet(() -> homeCity ? customer(owner, false, ownedSince) : null);
            if (id == null) throw new IllegalStateException("no demo customer left for " + owner.username());
            used.add(id);
            return id;
        }

        /**
         * A customer on 30 days' credit with a limit of 200,000.00. The customer module grants credit terms through
         * its CUS-15 approvals; the demo's credit customers have had theirs for years, so the terms are written to
         * the file as history.
         */
        long creditCustomer(YewuPrincipal owner) {
            long id = customer(owner, false, null);
            jdbc.sql("UPDATE customer SET credit_term_days = 30, credit_limit = 200000.00 WHERE company_id = :c AND id = :id")
                    .param("c", companyId).param("id", id).update();
            return id;
        }

        LineChecks.LineInput line(String code, int quantity) {
            Product p = products.get(code);
            return new LineChecks.LineInput(p.id(), BigDecimal.valueOf(quantity), p.guidePrice(), BigDecimal.ZERO, null);
        }

        /** An order at the guide prices, submitted at once as the salesperson; (code, quantity) pairs. */
        long order(YewuPrincipal sales, long customerId, boolean prepay, Object... spec) {
            List<LineChecks.LineInput> lines = new ArrayList<>();
            for (int k = 0; k < spec.length; k += 2) lines.add(line((String) spec[k], (Integer) spec[k + 1]));
            count++;
            return DemoUsers.as(sales, () -> orders.create(sales, new Orders.OrderInput(customerId, lines,
                    prepay ? "PAY_BEFORE_SHIPMENT" : null, null, "", "", "", "", "", "", true, null))).order().id();
        }

        void approve(long orderId, String approver) {
            YewuPrincipal p = people.get(approver);
            long approvalId = jdbc.sql("SELECT approval_id FROM sales_order WHERE company_id = :c AND id = :id")
                    .param("c", companyId).param("id", orderId).query(Long.class).single();
            DemoUsers.as(p, () -> {
                approvals.decide(approvalId, p, true, "同意");
                return null;
            });
        }

        /** A cash order outside the home city waits for its money: finance records it the same day (ORD-6). */
        void payIfWaiting(long orderId) {
            pay(orderId, today);
        }

        void pay(long orderId, LocalDate on) {
            OrderQueries.Order o = queries.orderInCompany(companyId, orderId).orElseThrow();
            if (o.state() == OrderState.AWAITING_PAYMENT) {
                settlement.receipt(people.get("finance"), o.customerId(), o.total().subtract(o.paidAmount()), on,
                        "款到发货 " + o.number(), List.of(orderId), false);
            }
        }

        void advance(long orderId, String stage) {
            YewuPrincipal w = people.get("warehouse");
            DemoUsers.as(w, () -> warehouse.advance(w, orderId, version(orderId), io.yewu.order.WarehouseStage.valueOf(stage)));
        }

        /** Printed, packed, shipped and (when {@code deliver}) delivered by the warehouse clerk. */
        void ship(long orderId, boolean deliver) {
            advance(orderId, "PRINTED");
            advance(orderId, "PACKED");
            advance(orderId, "SHIPPED");
            if (deliver) {
                YewuPrincipal w = people.get("warehouse");
                DemoUsers.as(w, () -> warehouse.deliver(w, orderId, version(orderId)));
            }
        }

        long version(long orderId) {
            return queries.orderInCompany(companyId, orderId).orElseThrow().version();
        }

        BigDecimal total(long orderId) {
            return queries.orderInCompany(companyId, orderId).orElseThrow().total();
        }

        BigDecimal paid(long orderId) {
            return queries.orderInCompany(companyId, orderId).orElseThrow().paidAmount();
        }

        /**
         * Moves an order made today back by whole days: every date and time of its own (made, submitted, released,
         * printed, packed, shipped, delivered, closed, ship-by, due) and its number's day (SO + that day + a sequence
         * from 9001, which no real order of a past day takes). Its decisions, approvals and audit rows keep the
         * generation's time: they say when they were recorded.
         */
        void moveBack(long orderId, int days) {
            String day = DAY.format(today.minusDays(days));
            jdbc.sql("""
                    UPDATE sales_order SET number = :number,
                           created_at = created_at - make_interval(days => :d), submitted_at = submitted_at - make_interval(days => :d),
                           released_at = released_at - make_interval(days => :d), printed_at = printed_at - make_interval(days => :d),
                           packed_at = packed_at - make_interval(days => :d), shipped_at = shipped_at - make_interval(days => :d),
                           delivered_at = delivered_at - make_interval(days => :d), closed_at = closed_at - make_interval(days => :d),
                           ship_by = ship_by - :d, due_on = due_on - :d
                    WHERE company_id = :c AND id = :id""")
                    .param("number", "SO" + day + (9001 + renumbered++)).param("d", days).param("c", companyId).param("id", orderId)
                    .update();
        }
    }
}
