package io.yewu.order.internal;

import io.yewu.order.OrderState;
import io.yewu.order.PaymentMode;
import io.yewu.order.WarehouseStage;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading orders (ORD-1) within the company wall and the reader's data scope (PLT-5): a salesperson its own, a
 * manager its department's, finance and the general manager all; an order outside the scope is 404.
 */
@Service
class OrderQueries {

    static final String SUBJECT = "sales-order";

    record Order(long id, String number, long customerId, String customerName, long ownerId, String ownerName,
                 String channel, Long quoteId, Integer quoteVersion, OrderState state, WarehouseStage warehouseStage,
                 PaymentMode paymentMode, boolean vatInvoice, BigDecimal total, BigDecimal tax, BigDecimal depositDue,
                 BigDecimal feeExpense, BigDecimal paidAmount, BigDecimal invoicedAmount, BigDecimal approvedTotal,
                 Long approvalId, boolean creditHold, Long holdReleasedBy, OffsetDateTime holdReleasedAt,
                 String holdReleaseReason, Long settingsVersion, Integer creditTermDays, LocalDate shipBy,
                 LocalDate customShipOn, OffsetDateTime releasedAt, OffsetDateTime printedAt, OffsetDateTime packedAt,
                 OffsetDateTime shippedAt, OffsetDateTime deliveredAt, Boolean shippedLate, LocalDate dueOn,
                 OffsetDateTime cancelledAt, String cancelReason, String invoiceTitle, String deliveryWindow,
                 String carrier, String notes, String shipTo, String contactPhone, long version, long createdBy,
                 OffsetDateTime createdAt, OffsetDateTime submittedAt) {}

    record Line(int lineNo, long productId, String productCode, String productName, String productKind,
                BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, BigDecimal tax, BigDecimal guidePrice,
                Long priceListId, BigDecimal feeShare, BigDecimal feePerUnit, BigDecimal netPrice, String verdict,
                BigDecimal specialDiscount, BigDecimal commissionReduction, Long specialApprovalId) {

        /** The line as the order rules read it. */
        io.yewu.order.internal.policy.OrderLine orderLine() {
            return new io.yewu.order.internal.policy.OrderLine("STANDARD".equals(productKind)
                    ? io.yewu.pricing.ProductKind.STANDARD : io.yewu.pricing.ProductKind.NON_STANDARD, amount);
        }
    }

    record Change(long id, String kind, String warehouseStage, String content, long changedBy, String changedByName,
                  OffsetDateTime changedAt, OffsetDateTime customerConfirmedAt) {}

    record Detail(Order order, List<Line> lines, List<StoredDecision> decisions, List<Change> changes) {}

    record Summary(long id, String number, long customerId, String customerName, long ownerId, String ownerName,
                   OrderState state, WarehouseStage warehouseStage, PaymentMode paymentMode, BigDecimal total,
                   BigDecimal paidAmount, boolean creditHold, LocalDate shipBy, Boolean shippedLate,
                   OffsetDateTime createdAt, long version) {}

    /** List filters from the query string; dates are Asia/Shanghai days of creation. */
    record Filter(String q, String state, Long customerId,
                  @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate from,
                  @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate to) {}

    static final String ORDER_SELECT = """
            SELECT o.id, o.number, o.customer_id, c.name AS customer_name, o.owner_id, u.display_name AS owner_name,
                   o.channel, o.quote_id, o.quote_version, o.state, o.warehouse_stage, o.payment_mode, o.vat_invoice,
                   o.total, o.tax, o.deposit_due, o.fee_expense, o.paid_amount, o.invoiced_amount, o.approved_total,
                   o.approval_id, o.credit_hold, o.hold_released_by, o.hold_released_at, o.hold_release_reason,
                   o.settings_version, o.credit_term_days, o.ship_by, o.custom_ship_on, o.released_at, o.printed_at,
                   o.packed_at, o.shipped_at, o.delivered_at, o.shipped_late, o.due_on, o.cancelled_at, o.cancel_reason,
                   o.invoice_title, o.delivery_window, o.carrier, o.notes, o.ship_to, o.contact_phone, o.version,
                   o.created_by, o.created_at, o.submitted_at
            FROM sales_order o
            JOIN customer c ON c.company_id = o.company_id AND c.id = o.customer_id
            JOIN app_user u ON u.company_id = o.company_id AND u.id = o.owner_id
            """;
    /** {@link #ORDER_SELECT} over the rows of a data-modifying CTE named {@code o} (an INSERT or UPDATE … RETURNING *). */
    static final String ORDER_SELECT_FROM_CTE = ORDER_SELECT.replace("FROM sales_order o", "FROM o");
    static final String LINE_SELECT = """
            SELECT l.line_no, l.product_id, p.code AS product_code, p.name AS product_name, l.product_kind, l.quantity,
                   l.unit_price, l.amount, l.tax, l.guide_price, l.price_list_id, l.fee_share, l.fee_per_unit,
                   l.net_price, l.verdict, l.special_discount, l.commission_reduction, l.special_approval_id
            FROM sales_order_line l JOIN product p ON p.company_id = l.company_id AND p.id = l.product_id
            """;
    /** {@link #LINE_SELECT} over the rows of a data-modifying CTE named {@code l}. */
    static final String LINE_SELECT_FROM_CTE = LINE_SELECT.replace("FROM sales_order_line l", "FROM l");
    private static final String SUMMARY_SELECT = """
            SELECT o.id, o.number, o.customer_id, c.name AS customer_name, o.owner_id, u.display_name AS owner_name,
                   o.state, o.warehouse_stage, o.payment_mode, o.total, o.paid_amount, o.credit_hold, o.ship_by,
                   o.shipped_late, o.created_at, o.version
            """;
    private static final Map<String, String> SORTS = Map.of("createdAt", "o.created_at", "number", "o.number",
            "total", "o.total", "shipBy", "o.ship_by", "state", "o.state");

    private final JdbcClient jdbc;
    private final DecisionRecords decisions;

    OrderQueries(JdbcClient jdbc, DecisionRecords decisions) {
        this.jdbc = jdbc;
        this.decisions = decisions;
    }

    Order order(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        return jdbc.sql(ORDER_SELECT + " WHERE o.id = :id AND " + scope.sql()).params(scope.params()).param("id", id)
                .query(Order.class).optional().orElseThrow(() -> ProblemException.notFound("order " + id));
    }

    /** An order by id in the current company, whatever the reader (re-checks on events). */
    java.util.Optional<Order> orderInCompany(long companyId, long id) {
        return jdbc.sql(ORDER_SELECT + " WHERE o.company_id = :c AND o.id = :id").param("c", companyId).param("id", id)
                .query(Order.class).optional();
    }

    List<Line> lines(long companyId, long orderId) {
        return jdbc.sql(LINE_SELECT + " WHERE l.company_id = :c AND l.order_id = :id ORDER BY l.line_no")
                .param("c", companyId).param("id", orderId).query(Line.class).list();
    }

    Detail get(YewuPrincipal me, long id) {
        Order order = order(me, id);
        List<Change> changes = jdbc.sql("""
                SELECT h.id, h.kind, h.warehouse_stage, h.content::text AS content, h.changed_by, u.display_name AS changed_by_name,
                       h.changed_at, h.customer_confirmed_at
                FROM sales_order_change h JOIN app_user u ON u.company_id = h.company_id AND u.id = h.changed_by
                WHERE h.company_id = :c AND h.order_id = :id ORDER BY h.changed_at, h.id""")
                .param("c", me.companyId()).param("id", id).query(Change.class).list();
        return new Detail(order, lines(me.companyId(), id), decisions.forSubject(SUBJECT, String.valueOf(id)), changes);
    }

    private record Where(String sql, Map<String, Object> params) {}

    private Where where(YewuPrincipal me, Filter f) {
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        Map<String, Object> params = new HashMap<>(scope.params());
        String q = f.q() == null || f.q().isBlank() ? null : f.q().strip();
        params.put("q", q);
        String state = f.state() == null || f.state().isBlank() ? null : state(f.state()).name();
        params.put("state", state);
        params.put("customer", f.customerId());
        params.put("from", f.from());
        params.put("to", f.to());
        String sql = """
                 FROM sales_order o
                 JOIN customer c ON c.company_id = o.company_id AND c.id = o.customer_id
                 JOIN app_user u ON u.company_id = o.company_id AND u.id = o.owner_id
                 WHERE %s
                 AND (CAST(:q AS text) IS NULL OR strpos(lower(o.number), lower(:q)) > 0 OR strpos(lower(c.name), lower(:q)) > 0)
                 AND (CAST(:state AS text) IS NULL OR o.state = :state)
                 AND (CAST(:customer AS bigint) IS NULL OR o.customer_id = :customer)
                 AND (CAST(:from AS date) IS NULL OR o.created_at >= CAST(:from AS date)::timestamp AT TIME ZONE 'Asia/Shanghai')
                 AND (CAST(:to AS date) IS NULL OR o.created_at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
                """.formatted(scope.sql());
        return new Where(sql, params);
    }

    private static OrderState state(String s) {
        try {
            return OrderState.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("state", "unknown", s);
        }
    }

    Page<Summary> list(YewuPrincipal me, Filter filter, PageQuery page) {
        Where w = where(me, filter);
        List<Summary> items = jdbc.sql(SUMMARY_SELECT + w.sql() + " ORDER BY " + page.orderBy(SORTS, "o.created_at DESC, o.id DESC")
                        + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(Summary.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, w.sql(), w.params()));
    }

    ResponseEntity<StreamingResponseBody> export(YewuPrincipal me, Filter filter, Locale locale) {
        Where w = where(me, filter);
        boolean zh = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        List<ExcelExport.Column<Summary>> columns = List.of(
                new ExcelExport.Column<>("订单号", "Order number", Summary::number),
                new ExcelExport.Column<>("客户", "Customer", Summary::customerName),
                new ExcelExport.Column<>("业务员", "Salesperson", Summary::ownerName),
                new ExcelExport.Column<>("状态", "State", s -> OrderWords.state(s.state(), zh)),
                new ExcelExport.Column<>("结算方式", "Payment mode", s -> OrderWords.paymentMode(s.paymentMode(), zh)),
                new ExcelExport.Column<>("含税金额", "Total (tax incl.)", Summary::total),
                new ExcelExport.Column<>("已收款", "Received", Summary::paidAmount),
                new ExcelExport.Column<>("信用冻结", "Credit hold", s -> s.creditHold() ? (zh ? "是" : "yes") : (zh ? "否" : "no")),
                new ExcelExport.Column<>("承诺发货日", "Ship by", Summary::shipBy),
                new ExcelExport.Column<>("创建时间", "Created", Summary::createdAt));
        String sql = SUMMARY_SELECT + w.sql() + " ORDER BY o.created_at DESC, o.id DESC LIMIT 100000";
        Map<String, Object> params = w.params();
        return ExcelExport.response(zh ? "订单" : "orders", locale, columns, sink -> {
            try (var rows = jdbc.sql(sql).params(params).query(Summary.class).stream()) {
                rows.forEach(sink);
            }
        });
    }
}
