package io.yewu.order;

import io.yewu.platform.security.CompanyContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Test fixture: customers and sales orders written straight into the tables of V10 / V27, for tests of what
 * reads orders (contracts, status look-ups) while the order intake itself is built elsewhere. Never used by
 * production code; each row is what a submitted order leaves behind, not a substitute for its rules.
 */
public final class OrderSqlFixture {

    private final JdbcClient jdbc;

    public OrderSqlFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long userId(String username) {
        return CompanyContext.callAsSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", username).query(Long.class).single());
    }

    /** An active customer in 广州 owned by {@code owner}, with one contact holding {@code contactPhone} (if any). */
    public long customer(String owner, String name, String contactPhone) {
        return CompanyContext.callAsSystem(() -> {
            long id = jdbc.sql("""
                    INSERT INTO customer (company_id, name, city, source, stage, owner_id)
                    SELECT company_id, :name, '广州', 'SELF', 'ACTIVE', id FROM app_user WHERE username = :owner
                    RETURNING id""")
                    .param("name", name + " " + UUID.randomUUID().toString().substring(0, 8)).param("owner", owner)
                    .query(Long.class).single();
            if (contactPhone != null) {
                jdbc.sql("""
                        INSERT INTO customer_contact (company_id, customer_id, name, phone)
                        SELECT company_id, :id, '采购王', :phone FROM customer WHERE id = :id""")
                        .param("id", id).param("phone", contactPhone).update();
            }
            return id;
        });
    }

    public record Order(long id, String number) {}

    /** A submitted order of {@code customerId} by its owner, state and stage as given, total in yuan. */
    public Order order(long customerId, String state, String warehouseStage, String total, String contactPhone) {
        return CompanyContext.callAsSystem(() -> {
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
            jdbc.sql("""
                    INSERT INTO product (company_id, code, name, kind, unit, created_by)
                    SELECT company_id, 'FIXTURE-1', '测试电缆', 'STANDARD', '米', created_by FROM sales_order WHERE id = :id
                    ON CONFLICT (company_id, code) DO NOTHING""").param("id", id).update();
            // two units at half the total each: a line price that must never leave through the status views
            jdbc.sql("""
                    INSERT INTO sales_order_line (company_id, order_id, line_no, product_id, product_kind, quantity, unit_price,
                                                  amount, tax, guide_price, net_price, verdict, commission_reduction)
                    SELECT o.company_id, o.id, 1, p.id, 'STANDARD', 2, o.total / 2, o.total, o.tax, 987.65, o.total / 2,
                           'SPECIAL', 0.0025
                    FROM sales_order o JOIN product p ON p.company_id = o.company_id AND p.code = 'FIXTURE-1'
                    WHERE o.id = :id AND o.total > 0""").param("id", id).update();
            return new Order(id, number);
        });
    }

    public void paid(long orderId, String amount) {
        CompanyContext.runAsSystem(() -> jdbc.sql("UPDATE sales_order SET paid_amount = :a WHERE id = :id")
                .param("a", new BigDecimal(amount)).param("id", orderId).update());
    }
}
