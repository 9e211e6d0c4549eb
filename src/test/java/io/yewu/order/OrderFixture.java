package io.yewu.order;

import io.yewu.platform.security.CompanyContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TEST FIXTURE: customers and sales orders inserted directly with SQL as the database owner, in the states the tests
 * of what reads orders need (settlement, contracts, status look-ups), while the order lifecycle is tested elsewhere.
 * Never used by production code; each row is what the real flow leaves behind, not a substitute for its rules.
 */
public final class OrderFixture {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** One order line: tax-inclusive amount and the PRC-6 commission reduction (a fraction). */
    public record Line(String amount, String reduction, String guidePrice, String netPrice) {
        public static Line of(String amount) {
            return new Line(amount, "0", null, null);
        }

        public static Line reduced(String amount, String reduction) {
            return new Line(amount, reduction, null, null);
        }

        /** A line priced below the guide price with the no-VAT allowance (PRC-5). */
        public static Line allowance(String amount) {
            return new Line(amount, "0", new BigDecimal(amount).multiply(new BigDecimal("1.05")).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), amount);
        }
    }

    private final JdbcClient jdbc;
    public final long companyId;

    public OrderFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.companyId = sys(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
    }

    public static <T> T sys(java.util.function.Supplier<T> work) {
        return CompanyContext.callAsSystem(work);
    }

    public long userId(String username) {
        return sys(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single());
    }

    /** A customer owned by {@code ownerId} since {@code ownedFrom} (null owner: in the pool). */
    public long customer(Long ownerId, Instant ownedFrom, boolean vatInvoice) {
        return customer("结算测试客户" + SEQ.incrementAndGet(), ownerId, ownedFrom, vatInvoice);
    }

    /**
     * An active customer in 广州 owned by {@code owner} (a username) from now, named {@code name} and a unique suffix,
     * with one contact holding {@code contactPhone} (if any).
     */
    public long customer(String owner, String name, String contactPhone) {
        long id = customer(name + " " + UUID.randomUUID().toString().substring(0, 8), userId(owner), Instant.now(), true);
        if (contactPhone != null) {
            sys(() -> jdbc.sql("""
                    INSERT INTO customer_contact (company_id, customer_id, name, phone)
                    SELECT company_id, :id, '采购王', :phone FROM customer WHERE id = :id""")
                    .param("id", id).param("phone", contactPhone).update());
        }
        return id;
    }

    private long customer(String name, Long ownerId, Instant ownedFrom, boolean vatInvoice) {
        return sys(() -> {
            long id = jdbc.sql("""
                    INSERT INTO customer (company_id, name, city, source, stage, owner_id, vat_invoice)
                    VALUES (:c, :n, '广州', 'SELF', 'ACTIVE', :o, :vat) RETURNING id""")
                    .param("c", companyId).param("n", name).param("o", ownerId, java.sql.Types.BIGINT)
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
    public void transfer(long customerId, long ownerId, Instant from) {
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

    public long product() {
        return sys(() -> jdbc.sql("""
                INSERT INTO product (company_id, code, name, kind, unit, created_by)
                VALUES (:c, :code, '结算测试电缆', 'STANDARD', '米', (SELECT id FROM app_user WHERE username = 'mktdir')) RETURNING id""")
                .param("c", companyId).param("code", "FIX" + SEQ.incrementAndGet()).query(Long.class).single());
    }

    public OrderBuilder order(long customerId, long ownerId) {
        return new OrderBuilder(customerId, ownerId);
    }

    public final class OrderBuilder {
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

        public OrderBuilder state(String s) { this.state = s; return this; }
        public OrderBuilder mode(String m) { this.paymentMode = m; return this; }
        public OrderBuilder dueOn(LocalDate d) { this.dueOn = d; return this; }
        public OrderBuilder createdAt(Instant at) { this.createdAt = at; return this; }
        public OrderBuilder ecommerce(Long soldBy) { this.channel = "ECOMMERCE"; this.soldBy = soldBy; return this; }
        public OrderBuilder vatInvoice(boolean v) { this.vatInvoice = v; return this; }
        public OrderBuilder lines(Line... l) { this.lines = List.of(l); return this; }

        public long insert() {
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

    public BigDecimal paid(long orderId) {
        return sys(() -> jdbc.sql("SELECT paid_amount FROM sales_order WHERE id = :id").param("id", orderId).query(BigDecimal.class).single());
    }

    public BigDecimal invoiced(long orderId) {
        return sys(() -> jdbc.sql("SELECT invoiced_amount FROM sales_order WHERE id = :id").param("id", orderId).query(BigDecimal.class).single());
    }

    public long count(String sql, Object... params) {
        return sys(() -> {
            var s = jdbc.sql(sql);
            for (int i = 0; i < params.length; i++) s = s.param(i + 1, params[i]);
            return s.query(Long.class).single();
        });
    }

    public record Order(long id, String number) {}

    /** A submitted order of {@code customerId} by its owner, state and stage as given, total in yuan. */
    public Order order(long customerId, String state, String warehouseStage, String total, String contactPhone) {
        long product = product();
        return sys(() -> {
            String number = "SOT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
            long id = jdbc.sql("""
                    INSERT INTO sales_order (company_id, number, customer_id, owner_id, state, warehouse_stage, payment_mode,
                                             vat_invoice, total, tax, ship_by, contact_phone, created_by, submitted_at,
                                             shipped_at, delivered_at)
                    SELECT cu.company_id, :number, cu.id, cu.owner_id, :state, :stage, 'PAY_BEFORE_SHIPMENT', true,
                           :total, round(:total * 13 / 113, 2), DATE '2026-12-04', :phone, cu.owner_id, now(),
                           CASE WHEN :state IN ('SHIPPED', 'DELIVERED', 'CLOSED') THEN TIMESTAMPTZ '2026-12-02 10:00+08' END,
                           CASE WHEN :state IN ('DELIVERED', 'CLOSED') THEN TIMESTAMPTZ '2026-12-03 15:30+08' END
                    FROM customer cu WHERE cu.id = :customer RETURNING id""")
                    .param("number", number).param("state", state).param("stage", warehouseStage)
                    .param("total", new BigDecimal(total)).param("phone", contactPhone).param("customer", customerId)
                    .query(Long.class).single();
            // two units at half the total each: a line price that must never leave through the status views
            jdbc.sql("""
                    INSERT INTO sales_order_line (company_id, order_id, line_no, product_id, product_kind, quantity, unit_price,
                                                  amount, tax, guide_price, net_price, verdict, commission_reduction)
                    SELECT o.company_id, o.id, 1, :product, 'STANDARD', 2, o.total / 2, o.total, o.tax, 987.65, o.total / 2,
                           'SPECIAL', 0.0025
                    FROM sales_order o WHERE o.id = :id AND o.total > 0""").param("product", product).param("id", id).update();
            return new Order(id, number);
        });
    }

    public void paid(long orderId, String amount) {
        sys(() -> jdbc.sql("UPDATE sales_order SET paid_amount = :a WHERE id = :id")
                .param("a", new BigDecimal(amount)).param("id", orderId).update());
    }
}
