package io.yewu.order.settlement;

import io.yewu.platform.security.CompanyContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TEST FIXTURE: customers and sales orders inserted directly with SQL as the database owner, in the states the
 * settlement tests need, while the order lifecycle is built elsewhere. Not the way orders are made in the app.
 */
final class OrderFixture {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** One order line: tax-inclusive amount and the PRC-6 commission reduction (a fraction). */
    record Line(String amount, String reduction, String guidePrice, String netPrice) {
        static Line of(String amount) {
            return new Line(amount, "0", null, null);
        }

        static Line reduced(String amount, String reduction) {
            return new Line(amount, reduction, null, null);
        }

        /** A line priced below the guide price with the no-VAT allowance (PRC-5). */
        static Line allowance(String amount) {
            return new Line(amount, "0", new BigDecimal(amount).multiply(new BigDecimal("1.05")).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), amount);
        }
    }

    private final JdbcClient jdbc;
    final long companyId;

    OrderFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.companyId = sys(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
    }

    static <T> T sys(java.util.function.Supplier<T> work) {
        return CompanyContext.callAsSystem(work);
    }

    long userId(String username) {
        return sys(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single());
    }

    /** A customer owned by {@code ownerId} since {@code ownedFrom} (null owner: in the pool). */
    long customer(Long ownerId, Instant ownedFrom, boolean vatInvoice) {
        return sys(() -> {
            long id = jdbc.sql("""
                    INSERT INTO customer (company_id, name, city, source, stage, owner_id, vat_invoice)
                    VALUES (:c, :n, '广州', 'SELF', 'ACTIVE', :o, :vat) RETURNING id""")
                    .param("c", companyId).param("n", "结算测试客户" + SEQ.incrementAndGet()).param("o", ownerId, java.sql.Types.BIGINT)
                    .param("vat", vatInvoice).query(Long.class).single();
            if (ownerId != null) {
                jdbc.sql("""
                        INSERT INTO customer_ownership (company_id, customer_id, owner_id, valid_from, reason)
                        VALUES (:c, :id, :o, :from, 'FILED')""")
                        .param("c", companyId).param("id", id).param("o", ownerId)
                        .param("from", ownedFrom.atOffset(java.time.ZoneOffset.UTC)).update();
            }
            return id;
        });
    }

    /** Moves the customer to {@code ownerId} from {@code from} (closing the open period). */
    void transfer(long customerId, long ownerId, Instant from) {
        sys(() -> {
            jdbc.sql("UPDATE customer_ownership SET valid_to = :f WHERE company_id = :c AND customer_id = :id AND valid_to IS NULL")
                    .param("f", from.atOffset(java.time.ZoneOffset.UTC)).param("c", companyId).param("id", customerId).update();
            jdbc.sql("""
                    INSERT INTO customer_ownership (company_id, customer_id, owner_id, valid_from, reason)
                    VALUES (:c, :id, :o, :from, 'DISPUTE')""")
                    .param("c", companyId).param("id", customerId).param("o", ownerId)
                    .param("from", from.atOffset(java.time.ZoneOffset.UTC)).update();
            return jdbc.sql("UPDATE customer SET owner_id = :o WHERE company_id = :c AND id = :id")
                    .param("o", ownerId).param("c", companyId).param("id", customerId).update();
        });
    }

    long product() {
        return sys(() -> jdbc.sql("""
                INSERT INTO product (company_id, code, name, kind, unit, created_by)
                VALUES (:c, :code, '结算测试电缆', 'STANDARD', '米', (SELECT id FROM app_user WHERE username = 'mktdir')) RETURNING id""")
                .param("c", companyId).param("code", "FIX" + SEQ.incrementAndGet()).query(Long.class).single());
    }

    OrderBuilder order(long customerId, long ownerId) {
        return new OrderBuilder(customerId, ownerId);
    }

    final class OrderBuilder {
        private final long customerId;
        private final long ownerId;
        private String state = "DELIVERED";
        private String paymentMode = "CREDIT";
        private LocalDate dueOn;
        private Instant createdAt = Instant.now();
        private String channel = "DIRECT";
        private Long soldBy;
        private boolean vatInvoice = true;
        private List<Line> lines = List.of(Line.of("1000.00"));

        private OrderBuilder(long customerId, long ownerId) {
            this.customerId = customerId;
            this.ownerId = ownerId;
        }

        OrderBuilder state(String s) { this.state = s; return this; }
        OrderBuilder mode(String m) { this.paymentMode = m; return this; }
        OrderBuilder dueOn(LocalDate d) { this.dueOn = d; return this; }
        OrderBuilder createdAt(Instant at) { this.createdAt = at; return this; }
        OrderBuilder ecommerce(Long soldBy) { this.channel = "ECOMMERCE"; this.soldBy = soldBy; return this; }
        OrderBuilder vatInvoice(boolean v) { this.vatInvoice = v; return this; }
        OrderBuilder lines(Line... l) { this.lines = List.of(l); return this; }

        long insert() {
            long product = product();
            BigDecimal total = lines.stream().map(l -> new BigDecimal(l.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
            return sys(() -> {
                long id = jdbc.sql("""
                        INSERT INTO sales_order (company_id, number, customer_id, owner_id, sold_by, channel, state, payment_mode,
                          vat_invoice, total, tax, due_on, created_by, created_at)
                        VALUES (:c, :n, :cust, :o, :sold, :ch, :s, :pm, :vat, :t, round(:t * 0.13 / 1.13, 2), :due, :o, :at) RETURNING id""")
                        .param("c", companyId).param("n", "SOFIX" + SEQ.incrementAndGet()).param("cust", customerId)
                        .param("o", ownerId).param("sold", soldBy, java.sql.Types.BIGINT).param("ch", channel).param("s", state)
                        .param("pm", paymentMode).param("vat", vatInvoice).param("t", total)
                        .param("due", dueOn, java.sql.Types.DATE).param("at", createdAt.atOffset(java.time.ZoneOffset.UTC))
                        .query(Long.class).single();
                int no = 1;
                for (Line l : lines) {
                    BigDecimal amount = new BigDecimal(l.amount());
                    BigDecimal net = l.netPrice() == null ? amount : new BigDecimal(l.netPrice());
                    jdbc.sql("""
                            INSERT INTO sales_order_line (company_id, order_id, line_no, product_id, product_kind, quantity, unit_price,
                              amount, tax, guide_price, net_price, verdict, commission_reduction)
                            VALUES (:c, :o, :no, :p, 'STANDARD', 1, :price, :amount, round(:amount * 0.13 / 1.13, 2), :g, :net, 'OK', :red)""")
                            .param("c", companyId).param("o", id).param("no", no++).param("p", product).param("price", net)
                            .param("amount", amount).param("g", l.guidePrice() == null ? null : new BigDecimal(l.guidePrice()), java.sql.Types.NUMERIC)
                            .param("net", net).param("red", new BigDecimal(l.reduction())).update();
                }
                return id;
            });
        }
    }

    BigDecimal paid(long orderId) {
        return sys(() -> jdbc.sql("SELECT paid_amount FROM sales_order WHERE id = :id").param("id", orderId).query(BigDecimal.class).single());
    }

    BigDecimal invoiced(long orderId) {
        return sys(() -> jdbc.sql("SELECT invoiced_amount FROM sales_order WHERE id = :id").param("id", orderId).query(BigDecimal.class).single());
    }

    long count(String sql, Object... params) {
        return sys(() -> {
            var s = jdbc.sql(sql);
            for (int i = 0; i < params.length; i++) s = s.param(i + 1, params[i]);
            return s.query(Long.class).single();
        });
    }
}
