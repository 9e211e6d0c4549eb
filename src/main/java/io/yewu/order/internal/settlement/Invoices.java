package io.yewu.order.internal.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.InvoiceAmountPolicy;
import io.yewu.order.internal.policy.settlement.InvoiceTypePolicy;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.ListQuery;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.pricing.LineMoney;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * INV-1 and INV-2: finance invoices one or more orders of a customer. The type follows INV-1 (a VAT special invoice
 * from the minimum amount; below it an ordinary one, or — for a customer insisting on VAT invoices — the amount
 * accumulates until the minimum is reached and one VAT invoice covers it all); amounts priced with the no-VAT
 * allowance only ever take an ordinary invoice (decision 0012 point 6). The covered orders are locked, amounts still
 * accumulating count as taken, and the CHECK of V27 (invoiced ≤ total) holds besides, so an order is never
 * over-invoiced, even by two invoices issued at once.
 */
@Service
class Invoices {

    record ShareInput(Long orderId, BigDecimal amount) {}

    record InvoiceInput(Long customerId, String number, LocalDate issuedOn, List<ShareInput> orders) {}

    record Covered(long orderId, String orderNumber, BigDecimal amount, BigDecimal tax) {}

    record Summary(long id, long customerId, String customerName, String type, String number, LocalDate issuedOn,
                   BigDecimal amount, BigDecimal tax, BigDecimal net, Instant issuedAt) {}

    record Invoice(Summary invoice, List<Covered> orders, List<StoredDecision> decisions) {}

    record Accumulating(long id, long customerId, String customerName, long orderId, String orderNumber, BigDecimal amount,
                        Instant addedAt) {}

    /** What an invoice request came to: an invoice issued, or amounts accumulating towards a VAT invoice (INV-1). */
    record Outcome(String result, Invoice invoice, List<Accumulating> accumulating, BigDecimal accumulated,
                   Decision<InvoiceTypePolicy.Plan> plan) {}

    static final String SUBJECT = "invoice";
    private static final Map<String, String> SORTS = Map.of("issuedOn", "i.issued_on", "amount", "i.amount", "number", "i.number");
    private static final String SUMMARY = """
            SELECT i.id, i.customer_id, c.name AS customer_name, i.type, i.number, i.issued_on, i.amount, i.tax, i.net, i.issued_at
            FROM invoice i JOIN customer c ON c.company_id = i.company_id AND c.id = i.customer_id
            """;

    private final JdbcClient jdbc;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Settings settings;
    private final Clock clock;
    private final InvoiceTypePolicy types = new InvoiceTypePolicy();
    private final InvoiceAmountPolicy amounts = new InvoiceAmountPolicy();

    Invoices(JdbcClient jdbc, DecisionRecords decisions, AuditTrail audit, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    private ListQuery<Summary> query(YewuPrincipal me, Long customerId) {
        DataScope.Condition scope = DataScope.of(me, "i.company_id", "c.owner_id");
        String where = " WHERE " + scope.sql() + " AND (CAST(:cust AS bigint) IS NULL OR i.customer_id = :cust)";
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("cust", new SqlParameterValue(Types.BIGINT, customerId));
        return new ListQuery<>(jdbc, Summary.class, SUMMARY + where,
                " FROM invoice i JOIN customer c ON c.company_id = i.company_id AND c.id = i.customer_id" + where, params,
                "i.issued_on DESC, i.id DESC");
    }

    Page<Summary> list(YewuPrincipal me, Long customerId, PageQuery page) {
        return query(me, customerId).page(page, SORTS);
    }

    /** The list as an xlsx with the list's filter and scope, words not codes (at most 100,000 rows). */
    ResponseEntity<StreamingResponseBody> export(YewuPrincipal me, Long customerId, Locale locale) {
        return query(me, customerId).xlsx("发票", "invoices", locale, zh -> List.of(
                new ExcelExport.Column<>("开票日期", "Issued on", Summary::issuedOn),
                new ExcelExport.Column<>("发票号", "Invoice number", Summary::number),
                new ExcelExport.Column<>("客户", "Customer", Summary::customerName),
                new ExcelExport.Column<>("发票类型", "Type", i -> SettlementWords.invoiceType(i.type(), zh)),
                new ExcelExport.Column<>("价税合计", "Amount (tax incl.)", Summary::amount),
                new ExcelExport.Column<>("税额", "Tax", Summary::tax),
                new ExcelExport.Column<>("不含税金额", "Net", Summary::net)));
    }

    Invoice get(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "i.company_id", "c.owner_id");
        Summary s = jdbc.sql(SUMMARY + " WHERE " + scope.sql() + " AND i.id = :id").params(scope.params()).param("id", id)
                .query(Summary.class).optional().orElseThrow(() -> ProblemException.notFound("invoice " + id));
        List<Covered> covered = jdbc.sql("""
                SELECT x.order_id, o.number AS order_number, x.amount, x.tax FROM invoice_order x
                JOIN sales_order o ON o.company_id = x.company_id AND o.id = x.order_id
                WHERE x.company_id = :c AND x.invoice_id = :id ORDER BY x.order_id""")
                .param("c", me.companyId()).param("id", id).query(Covered.class).list();
        return new Invoice(s, covered, decisions.forSubject(SUBJECT, String.valueOf(id)));
    }

    record Invoiceable(long id, String number, String state, BigDecimal total, BigDecimal invoicedAmount,
                       BigDecimal accumulating, BigDecimal left, boolean allowance) {}

    /** The customer's orders with something left to invoice (INV-2), for finance to choose from. */
    List<Invoiceable> invoiceable(YewuPrincipal me, Long customerId) {
        if (customerId == null) throw ProblemException.invalid("customerId", "required");
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        return jdbc.sql("""
                SELECT x.*, x.total - x.invoiced_amount - x.accumulating AS left FROM (
                  SELECT o.id, o.number, o.state, o.total, o.invoiced_amount,
                         coalesce((SELECT sum(a.amount) FROM invoice_accumulation a WHERE a.company_id = o.company_id
                                   AND a.order_id = o.id AND a.invoice_id IS NULL), 0) AS accumulating,
                         (NOT o.vat_invoice AND EXISTS (SELECT 1 FROM sales_order_line l WHERE l.company_id = o.company_id
                                   AND l.order_id = o.id AND l.guide_price IS NOT NULL AND l.net_price < l.guide_price)) AS allowance,
                         o.created_at
                  FROM sales_order o WHERE\s""" + scope.sql() + """
                  \s AND o.customer_id = :cust AND o.state NOT IN ('DRAFT', 'CANCELLED') AND o.invoiced_amount < o.total) x
                WHERE x.total - x.invoiced_amount - x.accumulating > 0 ORDER BY x.created_at, x.id LIMIT 500""")
                .params(scope.params()).param("cust", customerId).query(Invoiceable.class).list();
    }

    /** INV-1: what is accumulating towards a VAT special invoice, per customer (all customers when none given). */
    List<Accumulating> accumulating(YewuPrincipal me, Long customerId) {
        DataScope.Condition scope = DataScope.of(me, "a.company_id", "c.owner_id");
        return jdbc.sql("""
                SELECT a.id, a.customer_id, c.name AS customer_name, a.order_id, o.number AS order_number, a.amount, a.added_at
                FROM invoice_accumulation a JOIN customer c ON c.company_id = a.company_id AND c.id = a.customer_id
                JOIN sales_order o ON o.company_id = a.company_id AND o.id = a.order_id
                WHERE\s""" + scope.sql() + """
                \s AND a.invoice_id IS NULL AND (CAST(:cust AS bigint) IS NULL OR a.customer_id = :cust)
                ORDER BY c.name, a.added_at, a.id LIMIT 1000""")
                .params(scope.params()).param("cust", customerId, Types.BIGINT).query(Accumulating.class).list();
    }

    private record OrderRow(long id, long customerId, String state, BigDecimal total, BigDecimal invoicedAmount,
                            BigDecimal accumulating, boolean allowance) {}

    private record Request(long customerId, boolean wantsVat, List<InvoiceAmountPolicy.Share> shares, Set<Long> allowanceOrders,
                           BigDecimal accumulated, OrderRules rules, SettingsSnapshot snapshot) {}

    /** INV-1's plan for a request, nothing stored (the screen shows it before finance issues). */
    @Transactional(readOnly = true)
    Decision<InvoiceTypePolicy.Plan> plan(YewuPrincipal me, InvoiceInput in) {
        Request r = request(me, in, false);
        return typePlan(r);
    }

    private Decision<InvoiceTypePolicy.Plan> typePlan(Request r) {
        BigDecimal amount = r.shares().stream().map(InvoiceAmountPolicy.Share::amount).reduce(LineMoney.ZERO, BigDecimal::add);
        boolean allowance = !r.allowanceOrders().isEmpty();
        return types.plan(amount, r.wantsVat(), allowance ? LineMoney.ZERO : r.accumulated(), allowance, r.rules());
    }

    /** Checks the input and the orders (locked when issuing) and answers what the policies need. */
    private Request request(YewuPrincipal me, InvoiceInput in, boolean lock) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.customerId() == null) problems.add(new FieldProblem("customerId", "required"));
        List<ShareInput> shares = in.orders() == null ? List.of() : in.orders();
        if (shares.isEmpty()) problems.add(new FieldProblem("orders", "required"));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < shares.size(); i++) {
            ShareInput s = shares.get(i);
            if (s == null || s.orderId() == null) problems.add(new FieldProblem("orders[" + i + "].orderId", "required"));
            else if (!seen.add(s.orderId())) problems.add(new FieldProblem("orders[" + i + "].orderId", "invoice-order-duplicate"));
            Money.checkPositive("orders[" + i + "].amount", s == null ? null : s.amount(), problems);
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        DataScope.Condition scope = DataScope.of(me, "c.company_id", "c.owner_id");
        Boolean wantsVat = jdbc.sql("SELECT c.vat_invoice FROM customer c WHERE " + scope.sql() + " AND c.id = :id")
                .params(scope.params()).param("id", in.customerId()).query(Boolean.class).optional()
                .orElseThrow(() -> ProblemException.invalid("customerId", "unknown", in.customerId()));
        List<Long> ids = new ArrayList<>(new TreeSet<>(seen));
        List<OrderRow> rows = jdbc.sql("""
                SELECT o.id, o.customer_id, o.state, o.total, o.invoiced_amount,
                       coalesce((SELECT sum(a.amount) FROM invoice_accumulation a WHERE a.company_id = o.company_id AND a.order_id = o.id
                                 AND a.invoice_id IS NULL), 0) AS accumulating,
                       (NOT o.vat_invoice AND EXISTS (SELECT 1 FROM sales_order_line l WHERE l.company_id = o.company_id AND l.order_id = o.id
                                 AND l.guide_price IS NOT NULL AND l.net_price < l.guide_price)) AS allowance
                FROM sales_order o WHERE o.company_id = :c AND o.id IN (:ids) ORDER BY o.id""" + (lock ? " FOR UPDATE OF o" : ""))
                .param("c", me.companyId()).param("ids", ids).query(OrderRow.class).list();
        Map<Long, OrderRow> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<InvoiceAmountPolicy.Share> policyShares = new ArrayList<>();
        Set<Long> allowance = new HashSet<>();
        for (int i = 0; i < shares.size(); i++) {
            ShareInput s = shares.get(i);
            OrderRow o = byId.get(s.orderId());
            if (o == null || o.customerId() != in.customerId() || List.of("DRAFT", "CANCELLED").contains(o.state())) {
                problems.add(new FieldProblem("orders[" + i + "].orderId", "invoice-order-customer", s.orderId()));
                continue;
            }
            if (o.allowance()) allowance.add(o.id());
            policyShares.add(new InvoiceAmountPolicy.Share(o.id(), o.total(), o.invoicedAmount().add(o.accumulating()), s.amount()));
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        if (wantsVat && !allowance.isEmpty() && allowance.size() < byId.size()) {
            throw ProblemException.invalid("orders", "invoice-mixed-allowance");
        }
        SettingsSnapshot snapshot = settings.snapshotAt(clock.instant());
        OrderRules rules = OrderRules.from(snapshot);
        Decision<Optional<InvoiceAmountPolicy.Amounts>> checked = amounts.amounts(policyShares, rules);
        if (checked.outcome().isEmpty()) throw overInvoiced(shares, policyShares);
        BigDecimal accumulated = jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM invoice_accumulation WHERE company_id = :c AND customer_id = :cust AND invoice_id IS NULL""")
                .param("c", me.companyId()).param("cust", in.customerId()).query(BigDecimal.class).single();
        return new Request(in.customerId(), wantsVat, policyShares, allowance, accumulated, rules, snapshot);
    }

    private static ProblemException overInvoiced(List<ShareInput> in, List<InvoiceAmountPolicy.Share> shares) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            InvoiceAmountPolicy.Share s = shares.get(i);
            BigDecimal left = s.orderTotal().subtract(s.alreadyInvoiced());
            if (s.amount().compareTo(left) > 0) {
                problems.add(new FieldProblem("orders[" + indexOf(in, s.orderId()) + "].amount", "invoice-over-uninvoiced",
                        s.orderId(), left.toPlainString()));
            }
        }
        return ProblemException.invalid(problems);
    }

    private static int indexOf(List<ShareInput> in, long orderId) {
        for (int i = 0; i < in.size(); i++) if (in.get(i).orderId() == orderId) return i;
        return 0;
    }

    /**
     * Issues the invoice INV-1 chooses, or records the amounts as accumulating towards a VAT invoice. A VAT invoice
     * takes the customer's accumulated amounts with it.
     */
    @Transactional
    Outcome issue(YewuPrincipal me, InvoiceInput in) {
        Request r = request(me, in, true);
        Decision<InvoiceTypePolicy.Plan> plan = typePlan(r);
        if (plan.outcome().type() == InvoiceTypePolicy.Type.ACCUMULATE) {
            for (InvoiceAmountPolicy.Share s : r.shares()) {
                long id = jdbc.sql("""
                        INSERT INTO invoice_accumulation (company_id, customer_id, order_id, amount, added_by)
                        VALUES (:c, :cust, :o, :a, :by) RETURNING id""")
                        .param("c", me.companyId()).param("cust", r.customerId()).param("o", s.orderId())
                        .param("a", s.amount().setScale(2)).param("by", me.id()).query(Long.class).single();
                decisions.record("invoice-accumulation", String.valueOf(id), "invoice-type", plan);
                audit.record("invoice-accumulation", id, "create", Changes.of().created("orderId", s.orderId()).created("amount", s.amount()));
            }
            List<Accumulating> waiting = accumulating(me, r.customerId());
            return new Outcome("ACCUMULATING", null, waiting, plan.outcome().amount(), plan);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String number = Money.text(in.number(), "number", 50, problems);
        if (number.isEmpty()) problems.add(new FieldProblem("number", "required"));
        Money.checkDate("issuedOn", in.issuedOn(), clock, problems);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        // the shares of this request, plus (for a VAT invoice) every amount of the customer still accumulating
        Map<Long, BigDecimal> covered = new LinkedHashMap<>();
        r.shares().forEach(s -> covered.merge(s.orderId(), s.amount().setScale(2), BigDecimal::add));
        List<Long> taken = List.of();
        if (plan.outcome().type() == InvoiceTypePolicy.Type.VAT_SPECIAL) {
            record Waiting(long id, long orderId, BigDecimal amount) {}
            List<Waiting> waiting = jdbc.sql("""
                    SELECT id, order_id, amount FROM invoice_accumulation
                    WHERE company_id = :c AND customer_id = :cust AND invoice_id IS NULL ORDER BY id FOR UPDATE""")
                    .param("c", me.companyId()).param("cust", r.customerId()).query(Waiting.class).list();
            waiting.forEach(w -> covered.merge(w.orderId(), w.amount(), BigDecimal::add));
            taken = waiting.stream().map(Waiting::id).toList();
        }
        BigDecimal vatRate = r.rules().vatRate();
        BigDecimal amount = LineMoney.ZERO;
        BigDecimal tax = LineMoney.ZERO;
        for (BigDecimal a : covered.values()) {
            amount = amount.add(a);
            tax = tax.add(LineMoney.taxIncluded(a, vatRate));
        }
        String type = plan.outcome().type().name();
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO invoice (company_id, customer_id, type, number, issued_on, amount, tax, net, settings_version, issued_by)
                    VALUES (:c, :cust, :t, :n, :on, :a, :tax, :net, :v, :by) RETURNING id""")
                    .param("c", me.companyId()).param("cust", r.customerId()).param("t", type).param("n", number)
                    .param("on", in.issuedOn()).param("a", amount).param("tax", tax).param("net", amount.subtract(tax))
                    .param("v", r.snapshot().version()).param("by", me.id()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalid("number", "invoice-number-taken");
        }
        for (Map.Entry<Long, BigDecimal> e : covered.entrySet()) {
            jdbc.sql("INSERT INTO invoice_order (company_id, invoice_id, order_id, amount, tax) VALUES (:c, :i, :o, :a, :tax)")
                    .param("c", me.companyId()).param("i", id).param("o", e.getKey()).param("a", e.getValue())
                    .param("tax", LineMoney.taxIncluded(e.getValue(), vatRate)).update();
            jdbc.sql("UPDATE sales_order SET invoiced_amount = invoiced_amount + :a WHERE company_id = :c AND id = :o")
                    .param("a", e.getValue()).param("c", me.companyId()).param("o", e.getKey()).update();
        }
        if (!taken.isEmpty()) {
            jdbc.sql("UPDATE invoice_accumulation SET invoice_id = :i WHERE company_id = :c AND id IN (:ids)")
                    .param("i", id).param("c", me.companyId()).param("ids", taken).update();
        }
        List<InvoiceAmountPolicy.Share> all = covered.entrySet().stream()
                .map(e -> new InvoiceAmountPolicy.Share(e.getKey(), e.getValue(), LineMoney.ZERO, e.getValue())).toList();
        decisions.record(SUBJECT, String.valueOf(id), "invoice-type", plan);
        decisions.record(SUBJECT, String.valueOf(id), "invoice-amount", amounts.amounts(all, r.rules()));
        audit.record(SUBJECT, id, "issue", Changes.of().created("type", type).created("number", number)
                .created("amount", amount).created("tax", tax).created("orders", covered.keySet()));
        return new Outcome("ISSUED", get(me, id), List.of(), LineMoney.ZERO, plan);
    }
}
