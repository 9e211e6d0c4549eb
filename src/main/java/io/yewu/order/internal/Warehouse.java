package io.yewu.order.internal;

import io.yewu.order.OrderState;
import io.yewu.order.PaymentMode;
import io.yewu.order.WarehouseStage;
import io.yewu.order.internal.policy.DeliveryPromisePolicy;
import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warehouse's side of ORD-6 … ORD-8: released orders with their special requirements (invoice title, delivery
 * window, carrier, notes) and no prices, printed, packed, shipped and delivered in that order; the ship-by date
 * of the delivery promise and the late flag; the month's on-time shipment rate; and taking an order back when a
 * printed or packed order is to change.
 */
@Service
class Warehouse {

    record Row(long id, String number, String customerName, OrderState state, WarehouseStage warehouseStage,
               PaymentMode paymentMode, LocalDate shipBy, boolean late, OffsetDateTime releasedAt, OffsetDateTime printedAt,
               OffsetDateTime packedAt, OffsetDateTime shippedAt, OffsetDateTime deliveredAt, String invoiceTitle,
               String deliveryWindow, String carrier, String notes, String shipTo, String contactPhone, long version) {}

    record Item(int lineNo, String productCode, String productName, String productKind, BigDecimal quantity) {}

    record View(Row order, List<Item> lines) {}

    record OnTime(String month, long shipments, long late, BigDecimal onTimeRate) {}

    private static final String COLUMNS = """
            SELECT o.id, o.number, c.name AS customer_name, o.state, o.warehouse_stage, o.payment_mode, o.ship_by,
                   coalesce(o.shipped_late, o.shipped_at IS NULL AND o.ship_by < :today, false) AS late, o.released_at, o.printed_at,
                   o.packed_at, o.shipped_at, o.delivered_at, o.invoice_title, o.delivery_window, o.carrier, o.notes, o.ship_to,
                   o.contact_phone, o.version""";
    private static final String FROM = " FROM sales_order o JOIN customer c ON c.company_id = o.company_id AND c.id = o.customer_id";
    private static final String SELECT = COLUMNS + FROM;
    private static final String VISIBLE = " o.state IN ('RELEASED', 'SHIPPED', 'DELIVERED', 'CLOSED')";

    private final JdbcClient jdbc;
    private final OrderTerms terms;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final OrderCompletion completion;
    private final DeliveryPromisePolicy promises = new DeliveryPromisePolicy();

    Warehouse(JdbcClient jdbc, OrderTerms terms, DecisionRecords decisions, AuditTrail audit, Notifier notifier,
              OrderCompletion completion) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.decisions = decisions;
        this.audit = audit;
        this.notifier = notifier;
        this.completion = completion;
    }

    /** The warehouse's queue: released orders not yet shipped first, by ship-by date; {@code stage} narrows it. */
    Page<Row> list(YewuPrincipal me, String stage, Boolean late, PageQuery page) {
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", terms.today());
        params.put("stage", stage == null || stage.isBlank() ? null : stage(stage).name());
        params.put("late", late);
        String where = FROM + " WHERE " + scope.sql() + " AND" + VISIBLE + " AND (CAST(:stage AS text) IS NULL OR o.warehouse_stage = :stage)"
                + " AND (CAST(:late AS boolean) IS NULL OR coalesce(o.shipped_late, o.shipped_at IS NULL AND o.ship_by < :today, false) = :late)";
        List<Row> items = jdbc.sql(COLUMNS + where
                        + " ORDER BY o.state = 'RELEASED' DESC, o.ship_by NULLS LAST, o.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(Row.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, where, params));
    }

    private static WarehouseStage stage(String s) {
        try {
            return WarehouseStage.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("stage", "unknown", s);
        }
    }

    Row row(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        return jdbc.sql(SELECT + " WHERE o.id = :id AND " + scope.sql() + " AND" + VISIBLE).params(scope.params())
                .param("id", id).param("today", terms.today()).query(Row.class).optional()
                .orElseThrow(() -> ProblemException.notFound("order " + id));
    }

    View get(YewuPrincipal me, long id) {
        Row row = row(me, id);
        List<Item> lines = jdbc.sql("""
                SELECT l.line_no, p.code AS product_code, p.name AS product_name, l.product_kind, l.quantity
                FROM sales_order_line l JOIN product p ON p.company_id = l.company_id AND p.id = l.product_id
                WHERE l.company_id = :c AND l.order_id = :id ORDER BY l.line_no""")
                .param("c", me.companyId()).param("id", id).query(Item.class).list();
        return new View(row, lines);
    }

    /** Moves a released order one warehouse stage on; anything else is a 409 that names the stage it is at. */
    @Transactional
    View advance(YewuPrincipal me, long id, Long version, WarehouseStage to) {
        Row o = row(me, id);
        if (version == null) throw ProblemException.invalid("version", "required");
        WarehouseStage from = switch (to) {
            case PRINTED -> WarehouseStage.NOT_PRINTED;
            case PACKED -> WarehouseStage.PRINTED;
            case SHIPPED -> WarehouseStage.PACKED;
            case NOT_PRINTED -> throw new IllegalArgumentException("use takeBack");
        };
        if (o.state() != OrderState.RELEASED || o.warehouseStage() != from) {
            throw ProblemException.conflict("order-warehouse-stage", o.warehouseStage().name(), to.name());
        }
        String column = switch (to) {
            case PRINTED -> "printed_at";
            case PACKED -> "packed_at";
            default -> "shipped_at";
        };
        if (to != WarehouseStage.SHIPPED) {
            Versions.requireUpdated(jdbc.sql("UPDATE sales_order SET warehouse_stage = :to, " + column + " = :now, version = version + 1"
                            + " WHERE company_id = :c AND id = :id AND version = :v AND warehouse_stage = :from AND state = 'RELEASED'")
                    .param("to", to.name()).param("now", Timestamp.from(terms.now())).param("from", from.name())
                    .param("c", me.companyId()).param("id", id).param("v", version).update());
            audit.record("sales-order", id, to.name().toLowerCase(), Changes.of().put("warehouseStage", from.name(), to.name()));
            return get(me, id);
        }
        ship(me, o, version);
        return get(me, id);
    }

    /**
     * ORD-7: the shipment is late when it is after the promised ship-by date; the receivable falls due at shipment,
     * after the term days for a credit order (RCV-3).
     */
    private void ship(YewuPrincipal me, Row o, long version) {
        LocalDate today = terms.today();
        OrderRules rules = rules(me.companyId(), o.id());
        Decision<Boolean> late = o.shipBy() == null ? null : promises.late(o.shipBy(), today, today, rules);
        Integer termDays = jdbc.sql("SELECT credit_term_days FROM sales_order WHERE company_id = :c AND id = :id")
                .param("c", me.companyId()).param("id", o.id()).query(Integer.class).optional().orElse(null);
        LocalDate due = o.paymentMode() == PaymentMode.CREDIT && termDays != null ? today.plusDays(termDays) : today;
        Versions.requireUpdated(jdbc.sql("""
                UPDATE sales_order SET warehouse_stage = 'SHIPPED', state = 'SHIPPED', shipped_at = :now, shipped_late = :late,
                       due_on = :due, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v AND warehouse_stage = 'PACKED' AND state = 'RELEASED'""")
                .param("now", Timestamp.from(terms.now())).param("late", late != null && late.outcome()).param("due", due)
                .param("c", me.companyId()).param("id", o.id()).param("v", version).update());
        if (late != null) decisions.record(OrderQueries.SUBJECT, String.valueOf(o.id()), "shipment-late", late);
        audit.record("sales-order", o.id(), "ship", Changes.of().put("state", "RELEASED", "SHIPPED").created("dueOn", due));
    }

    private OrderRules rules(long company, long id) {
        OffsetDateTime created = jdbc.sql("SELECT created_at FROM sales_order WHERE company_id = :c AND id = :id")
                .param("c", company).param("id", id).query(OffsetDateTime.class).single();
        return terms.rulesAt(created.toInstant());
    }

    /** Delivered to the customer's door (ORD-6); a delivered order that is fully paid may end "new customer" (ORD-2). */
    @Transactional
    View deliver(YewuPrincipal me, long id, Long version) {
        Row o = row(me, id);
        if (version == null) throw ProblemException.invalid("version", "required");
        if (o.state() != OrderState.SHIPPED) throw ProblemException.conflict("order-warehouse-stage", o.warehouseStage().name(), "DELIVERED");
        Versions.requireUpdated(jdbc.sql("""
                UPDATE sales_order SET state = 'DELIVERED', delivered_at = :now, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v AND state = 'SHIPPED'""")
                .param("now", Timestamp.from(terms.now())).param("c", me.companyId()).param("id", id).param("v", version).update());
        audit.record("sales-order", id, "deliver", Changes.of().put("state", "SHIPPED", "DELIVERED"));
        completion.check(me.companyId(), id);
        return get(me, id);
    }

    /**
     * ORD-8: a printed or packed order to be changed or cancelled is taken back first — delivery note and parcel
     * retrieved, goods restocked — and is then not printed again; the salesperson is told.
     */
    @Transactional
    View takeBack(YewuPrincipal me, long id, Long version, String note) {
        Row o = row(me, id);
        if (version == null) throw ProblemException.invalid("version", "required");
        if (o.state() != OrderState.RELEASED || (o.warehouseStage() != WarehouseStage.PRINTED && o.warehouseStage() != WarehouseStage.PACKED)) {
            throw ProblemException.conflict("order-warehouse-stage", o.warehouseStage().name(), WarehouseStage.NOT_PRINTED.name());
        }
        Versions.requireUpdated(jdbc.sql("""
                UPDATE sales_order SET warehouse_stage = 'NOT_PRINTED', printed_at = NULL, packed_at = NULL, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("c", me.companyId()).param("id", id).param("v", version).update());
        String text = note == null ? "" : note.strip();
        if (text.length() > 500) throw ProblemException.invalid("note", "too-long", 500);
        jdbc.sql("""
                INSERT INTO sales_order_change (company_id, order_id, kind, warehouse_stage, content, changed_by)
                VALUES (:c, :id, 'TAKE_BACK', :stage, jsonb_build_object('warehouseStage', jsonb_build_object('before', CAST(:stage AS text),
                        'after', 'NOT_PRINTED'), 'note', CAST(:note AS text)), :by)""")
                .param("c", me.companyId()).param("id", id).param("stage", o.warehouseStage().name()).param("note", text)
                .param("by", me.id()).update();
        audit.record("sales-order", id, "take-back", Changes.of().put("warehouseStage", o.warehouseStage().name(), "NOT_PRINTED"));
        long owner = jdbc.sql("SELECT owner_id FROM sales_order WHERE company_id = :c AND id = :id")
                .param("c", me.companyId()).param("id", id).query(Long.class).single();
        notifier.notify(owner, "order.taken-back", "订单已由仓库取回：" + o.number(), "Order taken back by the warehouse: " + o.number(),
                "可以变更或取消该订单。", "The order may now be changed or cancelled.", "/orders/" + id);
        return get(me, id);
    }

    /** ORD-7: the month's shipments, how many were late, and the on-time rate in per cent (none without shipments). */
    OnTime onTime(YewuPrincipal me, YearMonth month) {
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        List<Boolean> flags = jdbc.sql("SELECT coalesce(o.shipped_late, false) FROM sales_order o WHERE " + scope.sql()
                        + " AND o.shipped_at >= CAST(:from AS date)::timestamp AT TIME ZONE 'Asia/Shanghai'"
                        + " AND o.shipped_at < CAST(:to AS date)::timestamp AT TIME ZONE 'Asia/Shanghai'")
                .params(scope.params()).param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .query(Boolean.class).list();
        Optional<BigDecimal> rate = promises.onTimeRate(flags);
        return new OnTime(month.toString(), flags.size(), flags.stream().filter(b -> b).count(), rate.orElse(null));
    }

    /** ORD-8, ORD-6: the warehouse hears at once of a release, a change or a cancellation of a released order. */
    void tell(long companyId, long orderId, String number, String whatZh, String whatEn) {
        List<Long> clerks = jdbc.sql("""
                SELECT DISTINCT u.id FROM app_user u JOIN user_role ur ON ur.company_id = u.company_id AND ur.user_id = u.id
                JOIN role r ON r.company_id = ur.company_id AND r.id = ur.role_id
                WHERE u.company_id = :c AND u.active AND r.code = 'WAREHOUSE'""")
                .param("c", companyId).query(Long.class).list();
        notifier.notifyAll("order.warehouse", "/warehouse/" + orderId, clerks.stream()
                .map(clerk -> new Notifier.Message(clerk, whatZh + "：" + number, whatEn + ": " + number,
                        whatZh + "，请查看订单要求。", whatEn + "; see the order's requirements."))
                .toList());
    }
}
