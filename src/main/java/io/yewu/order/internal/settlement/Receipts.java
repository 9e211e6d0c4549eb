package io.yewu.order.internal.settlement;

import io.yewu.customer.CustomerOwnership;
import io.yewu.order.OrderPaymentsChanged;
import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.MorningReceiptsPolicy;
import io.yewu.order.internal.policy.settlement.ReceiptMatchingPolicy;
import io.yewu.order.internal.policy.settlement.SalesCreditPolicy;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.calendar.WorkCalendar;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RCV-1 and RCV-2: finance records a receipt and matches it to the customer's open orders, oldest first or as
 * chosen; a balance stays on account only when asked, and can be matched later. Each receipt is credited to the
 * customer's owner on the receipt date. Matching locks the receipt and the orders (in id order, so two finance
 * users never deadlock) and the CHECKs of V27 / V29 make over-applying impossible besides. Every matched amount
 * moves the order's paid amount, publishes {@link OrderPaymentsChanged} and accrues commission (COM-1) in the same
 * transaction.
 */
@Service
class Receipts {

    record ReceiptInput(Long customerId, String method, BigDecimal amount, LocalDate receivedOn, String reference,
                        List<Long> orderIds, Boolean leaveOnAccount) {}

    record MatchInput(List<Long> orderIds) {}

    record OpenOrder(long id, String number, LocalDate orderDate, LocalDate dueOn, String state, String paymentMode,
                     BigDecimal total, BigDecimal paidAmount, BigDecimal open) {}

    record Match(long id, long orderId, String orderNumber, BigDecimal amount, Long creditedTo, String creditedToName,
                 Instant matchedAt) {}

    record Summary(long id, long customerId, String customerName, String method, BigDecimal amount, LocalDate receivedOn,
                   String reference, BigDecimal matchedAmount, BigDecimal onAccount, Long creditedTo, String creditedToName,
                   long version, Instant recordedAt) {}

    record Receipt(Summary receipt, List<Match> matches, List<StoredDecision> decisions) {}

    static final String SUBJECT = "receipt";
    private static final Map<String, String> SORTS = Map.of("receivedOn", "r.received_on", "amount", "r.amount",
            "recordedAt", "r.recorded_at");
    private static final String SUMMARY = """
            SELECT r.id, r.customer_id, c.name AS customer_name, r.method, r.amount, r.received_on, r.reference,
                   r.matched_amount, r.amount - r.matched_amount AS on_account, r.credited_to, u.display_name AS credited_to_name,
                   r.version, r.recorded_at
            FROM receipt r JOIN customer c ON c.company_id = r.company_id AND c.id = r.customer_id
            LEFT JOIN app_user u ON u.company_id = r.company_id AND u.id = r.credited_to
            """;

    private final JdbcClient jdbc;
    private final CustomerOwnership ownership;
    private final Commissions commissions;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Settings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReceiptMatchingPolicy matching = new ReceiptMatchingPolicy();
    private final SalesCreditPolicy credit = new SalesCreditPolicy();

    Receipts(JdbcClient jdbc, CustomerOwnership ownership, Commissions commissions, DecisionRecords decisions,
             AuditTrail audit, Settings settings, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.ownership = ownership;
        this.commissions = commissions;
        this.decisions = decisions;
        this.audit = audit;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The receipts list's filters (RCV-1): a customer, only those with money on account, a receiving period. */
    record Filter(Long customerId, Boolean onAccount, LocalDate from, LocalDate to) {}

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(YewuPrincipal me, Filter f) {
        DataScope.Condition scope = DataScope.of(me, "r.company_id", "r.credited_to");
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder sql = new StringBuilder(" WHERE ").append(scope.sql());
        if (f.customerId() != null) {
            sql.append(" AND r.customer_id = :cust");
            params.put("cust", f.customerId());
        }
        if (f.onAccount() != null) {
            sql.append(" AND (r.matched_amount < r.amount) = :onAccount");
            params.put("onAccount", f.onAccount());
        }
        if (f.from() != null) {
            sql.append(" AND r.received_on >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" AND r.received_on <= :to");
            params.put("to", f.to());
        }
        return new Where(sql.toString(), params);
    }

    private ListQuery<Summary> query(YewuPrincipal me, Filter filter) {
        Where w = where(me, filter);
        return new ListQuery<>(jdbc, Summary.class, SUMMARY + w.sql(), " FROM receipt r" + w.sql(), w.params(),
                "r.received_on DESC, r.id DESC");
    }

    Page<Summary> list(YewuPrincipal me, Filter filter, PageQuery page) {
        return query(me, filter).page(page, SORTS);
    }

    /** The list as an xlsx with the list's filters and scope, words not codes (at most 100,000 rows). */
    ResponseEntity<StreamingResponseBody> export(YewuPrincipal me, Filter filter, Locale locale) {
        return query(me, filter).xlsx("收款", "receipts", locale, zh -> List.of(
                new ExcelExport.Column<>("收款日期", "Received on", Summary::receivedOn),
                new ExcelExport.Column<>("客户", "Customer", Summary::customerName),
                new ExcelExport.Column<>("收款方式", "Method", r -> SettlementWords.method(r.method(), zh)),
                new ExcelExport.Column<>("金额", "Amount", Summary::amount),
                new ExcelExport.Column<>("已核销", "Matched", Summary::matchedAmount),
                new ExcelExport.Column<>("预收款", "On account", Summary::onAccount),
                new ExcelExport.Column<>("业绩归属", "Credited to", Summary::creditedToName),
                new ExcelExport.Column<>("凭证号", "Reference", Summary::reference),
                new ExcelExport.Column<>("登记时间", "Recorded", Summary::recordedAt)));
    }

    Receipt get(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "r.company_id", "r.credited_to");
        Summary summary = jdbc.sql(SUMMARY + " WHERE " + scope.sql() + " AND r.id = :id").params(scope.params()).param("id", id)
                .query(Summary.class).optional().orElseThrow(() -> ProblemException.notFound("receipt " + id));
        List<Match> matches = jdbc.sql("""
                SELECT m.id, m.order_id, o.number AS order_number, m.amount, m.credited_to, u.display_name AS credited_to_name, m.matched_at
                FROM receipt_match m JOIN sales_order o ON o.company_id = m.company_id AND o.id = m.order_id
                LEFT JOIN app_user u ON u.company_id = m.company_id AND u.id = m.credited_to
                WHERE m.company_id = :c AND m.receipt_id = :id ORDER BY m.id""")
                .param("c", me.companyId()).param("id", id).query(Match.class).list();
        return new Receipt(summary, matches, decisions.forSubject(SUBJECT, String.valueOf(id)));
    }

    /** The customer's orders that still owe money, oldest first (RCV-1), for finance to choose from. */
    List<OpenOrder> openOrders(YewuPrincipal me, Long customerId) {
        if (customerId == null) throw ProblemException.invalid("customerId", "required");
        requireCustomer(me, customerId);
        return openOrders(me.companyId(), customerId, false);
    }

    private List<OpenOrder> openOrders(long companyId, long customerId, boolean lock) {
        return jdbc.sql("""
                SELECT o.id, o.number, (o.created_at AT TIME ZONE 'Asia/Shanghai')::date AS order_date, o.due_on, o.state,
                       o.payment_mode, o.total, o.paid_amount, o.total - o.paid_amount AS open
                FROM sales_order o WHERE o.company_id = :c AND o.customer_id = :cust AND o.paid_amount < o.total
                  AND o.state NOT IN ('DRAFT', 'CANCELLED')
                ORDER BY o.due_on NULLS LAST, o.created_at, o.id""" + (lock ? " FOR UPDATE" : ""))
                .param("c", companyId).param("cust", customerId).query(OpenOrder.class).list();
    }

    private void requireCustomer(YewuPrincipal me, long customerId) {
        DataScope.Condition scope = DataScope.of(me, "c.company_id", "c.owner_id");
        boolean found = jdbc.sql("SELECT count(*) FROM customer c WHERE " + scope.sql() + " AND c.id = :id")
                .params(scope.params()).param("id", customerId).query(Long.class).single() > 0;
        if (!found) throw ProblemException.invalid("customerId", "unknown", customerId);
    }

    /**
     * RCV-1: records a receipt and matches it at once. More than the customer's open orders owe is refused unless
     * {@code leaveOnAccount}; with it the rest stays on account. Nothing is stored when refused.
     */
    @Transactional
    Receipt record(YewuPrincipal me, ReceiptInput in) {
        return get(me, recordOne(me, in));
    }

    /** {@link #record}, answering the receipt's id (an imported row: its report needs no more). */
    @Transactional
    long recordOne(YewuPrincipal me, ReceiptInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.customerId() == null) problems.add(new FieldProblem("customerId", "required"));
        if (in.method() == null || in.method().isBlank()) problems.add(new FieldProblem("method", "required"));
        else if (!Set.of("BANK", "CASH").contains(in.method())) problems.add(new FieldProblem("method", "receipt-method"));
        Money.checkPositive("amount", in.amount(), problems);
        Money.checkDate("receivedOn", in.receivedOn(), clock, problems);
        String reference = Money.text(in.reference(), "reference", 100, problems);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        requireCustomer(me, in.customerId());
        Instant now = clock.instant();
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        OrderRules rules = OrderRules.from(snapshot);
        // the open orders, locked: a second receipt of the same customer waits here
        List<OpenOrder> open = openOrders(me.companyId(), in.customerId(), true);
        List<Long> chosen = chosen(me.companyId(), in.customerId(), in.orderIds(), open);
        Decision<ReceiptMatchingPolicy.Matching> matched = matching.match(in.amount(), policyOrders(open), chosen, rules);
        BigDecimal onAccount = matched.outcome().onAccount();
        if (onAccount.signum() > 0 && !Boolean.TRUE.equals(in.leaveOnAccount())) {
            BigDecimal openTotal = in.amount().subtract(onAccount);
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "validation",
                    List.of(new FieldProblem("amount", "receipt-over-open", openTotal.toPlainString(), onAccount.toPlainString())))
                    .with("open", openTotal).with("onAccount", onAccount);
        }
        Decision<Optional<Long>> owner = ownerOn(in.customerId(), in.receivedOn(), null, rules);
        long id = jdbc.sql("""
                INSERT INTO receipt (company_id, customer_id, method, amount, received_on, reference, credited_to, settings_version, recorded_by)
                VALUES (:c, :cust, :m, :a, :on, :ref, :credit, :v, :by) RETURNING id""")
                .param("c", me.companyId()).param("cust", in.customerId()).param("m", in.method())
                .param("a", in.amount().setScale(2)).param("on", in.receivedOn()).param("ref", reference)
                .param("credit", owner.outcome().orElse(null), java.sql.Types.BIGINT).param("v", snapshot.version())
                .param("by", me.id()).query(Long.class).single();
        decisions.record(SUBJECT, String.valueOf(id), "credit", owner);
        decisions.record(SUBJECT, String.valueOf(id), "matching", matched);
        apply(me, id, in.customerId(), in.receivedOn(), matched.outcome(), snapshot, rules);
        audit.record(SUBJECT, id, "create", Changes.of().created("customerId", in.customerId()).created("method", in.method())
                .created("amount", in.amount()).created("receivedOn", in.receivedOn()).created("reference", reference)
                .created("onAccount", onAccount));
        return id;
    }

    /** RCV-1: matches a receipt's balance on account to the customer's open orders (oldest first or as chosen). */
    @Transactional
    Receipt match(YewuPrincipal me, long id, MatchInput in) {
        Summary r = get(me, id).receipt();
        jdbc.sql("SELECT id FROM receipt WHERE company_id = :c AND id = :id FOR UPDATE")
                .param("c", me.companyId()).param("id", id).query(Long.class).single();
        BigDecimal balance = jdbc.sql("SELECT amount - matched_amount FROM receipt WHERE company_id = :c AND id = :id")
                .param("c", me.companyId()).param("id", id).query(BigDecimal.class).single();
        if (balance.signum() <= 0) throw ProblemException.conflict("receipt-fully-matched");
        SettingsSnapshot snapshot = settings.snapshotAt(clock.instant());
        OrderRules rules = OrderRules.from(snapshot);
        List<OpenOrder> open = openOrders(me.companyId(), r.customerId(), true);
        List<Long> chosen = chosen(me.companyId(), r.customerId(), in == null ? null : in.orderIds(), open);
        Decision<ReceiptMatchingPolicy.Matching> matched = matching.match(balance, policyOrders(open), chosen, rules);
        if (matched.outcome().allocations().isEmpty()) throw ProblemException.conflict("receipt-nothing-open");
        decisions.record(SUBJECT, String.valueOf(id), "matching", matched);
        apply(me, id, r.customerId(), r.receivedOn(), matched.outcome(), snapshot, rules);
        audit.record(SUBJECT, id, "match", Changes.of().put("onAccount", balance, matched.outcome().onAccount()));
        return get(me, id);
    }

    private static List<ReceiptMatchingPolicy.OpenOrder> policyOrders(List<OpenOrder> open) {
        return open.stream().map(o -> new ReceiptMatchingPolicy.OpenOrder(o.id(), o.orderDate(), o.dueOn(), o.open())).toList();
    }

    /**
     * Orders finance chose: each once, each an open order of this customer. An order of this customer that another
     * match settled while this one waited for the receipt is a conflict (409: look again), not a bad choice (422).
     */
    private List<Long> chosen(long companyId, long customerId, List<Long> ids, List<OpenOrder> open) {
        if (ids == null || ids.isEmpty()) return List.of();
        Set<Long> openNow = new HashSet<>(open.stream().map(OpenOrder::id).toList());
        List<Long> closed = ids.stream().filter(java.util.Objects::nonNull).filter(i -> !openNow.contains(i)).distinct().toList();
        if (!closed.isEmpty() && ids.stream().noneMatch(java.util.Objects::isNull) && ids.stream().distinct().count() == ids.size()
                && jdbc.sql("""
                        SELECT count(*) FROM sales_order WHERE company_id = :c AND customer_id = :cu AND id = ANY(:ids)
                        AND paid_amount >= total AND state NOT IN ('DRAFT', 'CANCELLED')""")
                .param("c", companyId).param("cu", customerId).param("ids", closed.toArray(Long[]::new))
                .query(Long.class).single() == closed.size()) {
            throw ProblemException.conflict("receipt-order-settled");
        }
        return chosenAmongOpen(ids, open);
    }

    private static List<Long> chosenAmongOpen(List<Long> ids, List<OpenOrder> open) {
        Set<Long> openIds = new HashSet<>(open.stream().map(OpenOrder::id).toList());
        Set<Long> seen = new HashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Long oid = ids.get(i);
            if (oid == null || !openIds.contains(oid) || !seen.add(oid)) {
                problems.add(new FieldProblem("orderIds[" + i + "]", "receipt-order-not-open", oid == null ? "-" : oid));
            }
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        return List.copyOf(ids);
    }

    private void apply(YewuPrincipal me, long receiptId, long customerId, LocalDate receivedOn,
                       ReceiptMatchingPolicy.Matching matched, SettingsSnapshot snapshot, OrderRules rules) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ReceiptMatchingPolicy.Allocation a : matched.allocations()) {
            record Paid(BigDecimal before, Long soldBy, String channel) {}
            Paid paid = jdbc.sql("""
                    UPDATE sales_order o SET paid_amount = o.paid_amount + :a FROM sales_order b
                    WHERE o.company_id = :c AND o.id = :id AND b.company_id = o.company_id AND b.id = o.id
                    RETURNING b.paid_amount AS before, o.sold_by, o.channel""")
                    .param("a", a.amount()).param("c", me.companyId()).param("id", a.orderId()).query(Paid.class).single();
            Long annotated = "ECOMMERCE".equals(paid.channel()) ? paid.soldBy() : null;
            Decision<Optional<Long>> creditedTo = ownerOn(customerId, receivedOn, annotated, rules);
            long matchId = jdbc.sql("""
                    INSERT INTO receipt_match (company_id, receipt_id, order_id, amount, paid_before, credited_to, matched_by)
                    VALUES (:c, :r, :o, :a, :before, :credit, :by) RETURNING id""")
                    .param("c", me.companyId()).param("r", receiptId).param("o", a.orderId()).param("a", a.amount())
                    .param("before", paid.before()).param("credit", creditedTo.outcome().orElse(null), java.sql.Types.BIGINT)
                    .param("by", me.id()).query(Long.class).single();
            decisions.record("receipt-match", String.valueOf(matchId), "credit", creditedTo);
            commissions.accrue(me.companyId(), receiptId, matchId, a.orderId(), creditedTo.outcome().orElse(null), receivedOn,
                    paid.before(), a.amount(), snapshot);
            events.publishEvent(new OrderPaymentsChanged(me.companyId(), a.orderId()));
            sum = sum.add(a.amount());
        }
        jdbc.sql("UPDATE receipt SET matched_amount = matched_amount + :s, version = version + 1 WHERE company_id = :c AND id = :id")
                .param("s", sum).param("c", me.companyId()).param("id", receiptId).update();
    }

    /**
     * RCV-2 with COM-3: the customer's owner at the close of the receipt date (a transfer "from a date" counts from
     * that day); without one, the order's annotation when there is one.
     */
    private Decision<Optional<Long>> ownerOn(long customerId, LocalDate day, Long annotated, OrderRules rules) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(WorkCalendar.ZONE).toInstant().minusNanos(1000);
        List<SalesCreditPolicy.Ownership> ledger = ownership.ownerAt(customerId, endOfDay)
                .map(o -> List.of(new SalesCreditPolicy.Ownership(o, day, day.plusDays(1)))).orElse(List.of());
        return credit.creditedTo(day, ledger, annotated, rules);
    }

    /** RCV-4: yesterday's receipts per salesperson for the morning board, within the reader's data scope. */
    Decision<List<MorningReceiptsPolicy.BoardLine>> morningBoard(YewuPrincipal me, LocalDate today) {
        LocalDate day = today == null ? Money.today(clock) : today;
        DataScope.Condition scope = DataScope.of(me, "r.company_id", "r.credited_to");
        DataScope.Condition matchScope = DataScope.of(me, "m.company_id", "m.credited_to");
        // receipts credited to the owner count whole; a receipt without an owner counts by its matches' annotations
        List<MorningReceiptsPolicy.CreditedReceipt> receipts = jdbc.sql("""
                SELECT r.credited_to AS salesperson_id, u.display_name AS name, r.received_on, r.amount
                FROM receipt r JOIN app_user u ON u.company_id = r.company_id AND u.id = r.credited_to
                WHERE\s""" + scope.sql() + " AND r.received_on = :y" + """
                \sUNION ALL
                SELECT m.credited_to, u.display_name, r.received_on, m.amount
                FROM receipt r JOIN receipt_match m ON m.company_id = r.company_id AND m.receipt_id = r.id
                JOIN app_user u ON u.company_id = m.company_id AND u.id = m.credited_to
                WHERE r.company_id = :scopeCompanyId AND r.received_on = :y AND r.credited_to IS NULL AND\s""" + matchScope.sql())
                .params(scope.params()).params(matchScope.params()).param("y", day.minusDays(1))
                .query(MorningReceiptsPolicy.CreditedReceipt.class).list();
        return new MorningReceiptsPolicy()
                .yesterday(receipts, day, OrderRules.from(settings.snapshotAt(clock.instant())));
    }
}
