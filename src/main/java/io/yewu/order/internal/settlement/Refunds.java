package io.yewu.order.internal.settlement;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.ListQuery;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ORD-8: cancelling an order paid in advance creates a refund (the order lifecycle writes it, DUE); finance lists
 * the refunds due and records each payment (method, reference, date). A paid refund takes back the commission the
 * order's receipts earned (COM-1), into the month open on the payment date.
 */
@Service
class Refunds {

    record Refund(long id, long orderId, String orderNumber, long customerId, String customerName, BigDecimal amount,
                  String status, Instant createdAt, LocalDate paidOn, Long paidBy, String method, String reference, long version) {}

    record Payment(String method, String reference, LocalDate paidOn, Long version) {}

    private static final String SELECT = """
            SELECT f.id, f.order_id, o.number AS order_number, o.customer_id, c.name AS customer_name, f.amount, f.status,
                   f.created_at, f.paid_on, f.paid_by, f.method, f.reference, f.version
            FROM sales_order_refund f JOIN sales_order o ON o.company_id = f.company_id AND o.id = f.order_id
            JOIN customer c ON c.company_id = o.company_id AND c.id = o.customer_id
            """;

    private final JdbcClient jdbc;
    private final Commissions commissions;
    private final AuditTrail audit;
    private final Settings settings;
    private final Clock clock;

    Refunds(JdbcClient jdbc, Commissions commissions, AuditTrail audit, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.commissions = commissions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code status}: DUE (default), PAID or ALL. */
    private ListQuery<Refund> query(YewuPrincipal me, String status) {
        DataScope.Condition scope = DataScope.of(me, "f.company_id", "o.owner_id");
        String where = " WHERE " + scope.sql() + " AND (:s = 'ALL' OR f.status = :s)";
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("s", status == null || status.isBlank() ? "DUE" : status.strip());
        return new ListQuery<>(jdbc, Refund.class, SELECT + where,
                " FROM sales_order_refund f JOIN sales_order o ON o.company_id = f.company_id AND o.id = f.order_id" + where,
                params, "f.created_at, f.id");
    }

    Page<Refund> list(YewuPrincipal me, String status, PageQuery page) {
        return query(me, status).page(page);
    }

    /** The list as an xlsx with the list's status filter and scope, words not codes (at most 100,000 rows). */
    ResponseEntity<StreamingResponseBody> export(YewuPrincipal me, String status, Locale locale) {
        return query(me, status).xlsx("退款", "refunds", locale, zh -> List.of(
                new ExcelExport.Column<>("订单号", "Order number", Refund::orderNumber),
                new ExcelExport.Column<>("客户", "Customer", Refund::customerName),
                new ExcelExport.Column<>("退款金额", "Amount", Refund::amount),
                new ExcelExport.Column<>("状态", "Status", r -> SettlementWords.refundStatus(r.status(), zh)),
                new ExcelExport.Column<>("退款日期", "Paid on", Refund::paidOn),
                new ExcelExport.Column<>("退款方式", "Method", r -> SettlementWords.method(r.method(), zh)),
                new ExcelExport.Column<>("凭证号", "Reference", Refund::reference),
                new ExcelExport.Column<>("产生时间", "Created", Refund::createdAt)));
    }

    Refund get(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "f.company_id", "o.owner_id");
        return jdbc.sql(SELECT + " WHERE " + scope.sql() + " AND f.id = :id").params(scope.params()).param("id", id)
                .query(Refund.class).optional().orElseThrow(() -> ProblemException.notFound("refund " + id));
    }

    @Transactional
    Refund pay(YewuPrincipal me, long id, Payment in) {
        Refund refund = get(me, id);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.method() == null || in.method().isBlank()) problems.add(new FieldProblem("method", "required"));
        else if (!Set.of("BANK", "CASH").contains(in.method())) problems.add(new FieldProblem("method", "refund-method"));
        String reference = Money.text(in.reference(), "reference", 100, problems);
        Money.checkDate("paidOn", in.paidOn(), clock, problems);
        if (in.version() == null) problems.add(new FieldProblem("version", "required"));
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        if (!"DUE".equals(refund.status())) throw ProblemException.conflict("refund-paid");
        Versions.requireUpdated(jdbc.sql("""
                UPDATE sales_order_refund SET status = 'PAID', paid_at = now(), paid_by = :by, method = :m, reference = :ref,
                  paid_on = :on, version = version + 1
                WHERE company_id = :c AND id = :id AND status = 'DUE' AND version = :v""")
                .param("by", me.id()).param("m", in.method()).param("ref", reference).param("on", in.paidOn())
                .param("c", me.companyId()).param("id", id).param("v", in.version()).update());
        commissions.clawBack(me.companyId(), refund.orderId(), in.paidOn(), settings.snapshotAt(clock.instant()));
        audit.record("sales-order-refund", id, "pay", Changes.of().put("status", "DUE", "PAID").created("method", in.method())
                .created("reference", reference).created("paidOn", in.paidOn()));
        return get(me, id);
    }
}
