package io.yewu.order.internal;

import io.yewu.order.OrderPaymentsChanged;
import io.yewu.order.OrderState;
import io.yewu.order.PaymentMode;
import io.yewu.order.WarehouseStage;
import io.yewu.order.internal.policy.CreditHoldPolicy;
import io.yewu.order.internal.policy.OrderChangePolicy;
import io.yewu.order.internal.policy.OrderLine;
import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.ReleasePolicy;
import io.yewu.platform.approval.ApprovalCompleted;
import io.yewu.platform.approval.ApprovalSpec;
import io.yewu.platform.approval.Approvals;
import io.yewu.platform.approval.StepSpec;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.numbering.DocumentNumbers;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.platform.web.Versions;
import io.yewu.platform.write.FollowingWrite;
import io.yewu.platform.write.OneStatement;
import io.yewu.pricing.LineMoney;
import io.yewu.pricing.PriceCheck;
import io.yewu.pricing.PriceVerdict;
import io.yewu.pricing.QuoteBook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order lifecycle (ORD-1 … ORD-6, ORD-8): drafts entered directly or copied, submission that decides and stores
 * payment mode, deposit, credit approvals and credit hold with the settings in force when the order was created
 * (PLT-2), approvals through the platform (PLT-3) that no edit, copy or cancellation escapes, and release to the
 * warehouse only when {@link ReleasePolicy} holds — re-checked when approvals complete and when payments change.
 */
@Service
class Orders {

    static final String SUBJECT = OrderQueries.SUBJECT;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    record OrderInput(Long customerId, List<LineChecks.LineInput> lines, String paymentMode, LocalDate customShipOn,
                      String invoiceTitle, String deliveryWindow, String carrier, String notes, String shipTo,
                      String contactPhone, Boolean submit, Long version) {}

    record VersionInput(Long version) {}

    record FromQuote(Long quoteId, Boolean submit) {}

    record ReasonInput(String reason, Long version) {}

    /** The order's own fields, validated. */
    private record Valid(OrderCustomers.Customer customer, List<LineChecks.Checked> lines, boolean prepayAgreed,
                         LocalDate customShipOn, Map<String, String> texts) {}

    private static final Map<String, Integer> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("invoiceTitle", 200);
        TEXTS.put("deliveryWindow", 100);
        TEXTS.put("carrier", 100);
        TEXTS.put("notes", 2000);
        TEXTS.put("shipTo", 300);
        TEXTS.put("contactPhone", 40);
    }

    private final JdbcClient jdbc;
    private final OrderCustomers customers;
    private final OrderTerms terms;
    private final LineChecks lineChecks;
    private final OrderQueries queries;
    private final Approvals approvals;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final ObjectProvider<QuoteBook> quotes;
    private final OrderCompletion completion;
    private final Warehouse warehouse;
    private final DocumentNumbers numbers;
    private final OrderChangePolicy changes = new OrderChangePolicy();
    private final ReleasePolicy release = new ReleasePolicy();
    private final CreditHoldPolicy holds = new CreditHoldPolicy();

    Orders(JdbcClient jdbc, OrderCustomers customers, OrderTerms terms, LineChecks lineChecks, OrderQueries queries,
           Approvals approvals, DecisionRecords decisions, AuditTrail audit, JsonMapper json,
           ObjectProvider<QuoteBook> quotes, OrderCompletion completion, Warehouse warehouse, DocumentNumbers numbers) {
        this.numbers = numbers;
        this.quotes = quotes;
        this.completion = completion;
        this.warehouse = warehouse;
        this.jdbc = jdbc;
        this.customers = customers;
        this.terms = terms;
        this.lineChecks = lineChecks;
        this.queries = queries;
        this.approvals = approvals;
        this.decisions = decisions;
        this.audit = audit;
        this.json = json;
    }

    // ---------------------------------------------------------------- drafts

    private Valid validate(YewuPrincipal me, OrderInput in, Long fixedCustomerId) {
        List<FieldProblem> problems = new ArrayList<>();
        Long customerId = fixedCustomerId != null ? fixedCustomerId : in.customerId();
        OrderCustomers.Customer customer = null;
        if (customerId == null) problems.add(new FieldProblem("customerId", "required"));
        else if (fixedCustomerId != null && in.customerId() != null && !in.customerId().equals(fixedCustomerId)) {
            problems.add(new FieldProblem("customerId", "order-customer-fixed"));
        } else {
            customer = customers.inScope(me, customerId).orElse(null);
            if (customer == null) problems.add(new FieldProblem("customerId", "unknown", customerId));
        }
        boolean prepay = false;
        if (in.paymentMode() != null && !in.paymentMode().isBlank()) {
            if (PaymentMode.PAY_BEFORE_SHIPMENT.name().equals(in.paymentMode().strip())) prepay = true;
            else problems.add(new FieldProblem("paymentMode", "order-payment-mode-agreed"));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        String[] values = {in.invoiceTitle(), in.deliveryWindow(), in.carrier(), in.notes(), in.shipTo(), in.contactPhone()};
        int i = 0;
        for (var e : TEXTS.entrySet()) {
            String v = values[i++];
            v = v == null ? "" : v.strip();
            if (v.length() > e.getValue()) problems.add(new FieldProblem(e.getKey(), "too-long", e.getValue()));
            texts.put(e.getKey(), v);
        }
        LineChecks.Result checked = lineChecks.check(in.lines(), customer == null || customer.vatInvoice(), terms.today(), true);
        problems.addAll(checked.problems());
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        return new Valid(customer, checked.lines(), prepay, in.customShipOn(), texts);
    }

    @Transactional
    OrderQueries.Detail create(YewuPrincipal me, OrderInput in) {
        Stored stored = store(me, in, null);
        // as its statements returned it (its customer was in the creator's scope, so the order is); no change log yet
        return new OrderQueries.Detail(stored.order(), stored.lines(), stored.decisions(), List.of());
    }

    /**
     * ORD-1: a draft entered directly — on screen, or a line group of an imported file ({@code importRef}, the
     * importer's own order reference) — validated, stored and, when asked, submitted with every decision.
     */
    @Transactional
    long enter(YewuPrincipal me, OrderInput in, String importRef) {
        return store(me, in, importRef).id();
    }

    private Stored store(YewuPrincipal me, OrderInput in, String importRef) {
        Valid v = validate(me, in, null);
        var entries = new LinkedHashMap<String, Changes>();
        entries.put(importRef == null ? "create" : "import",
                Changes.of().created("customerId", v.customer().id()).created("lines", v.lines().size()));
        Stored stored;
        if (Boolean.TRUE.equals(in.submit())) {
            entries.put("submit", Changes.of().put("state", "DRAFT", "SUBMITTED"));
            stored = insertSubmitted(me, v, importRef, entries);
        } else {
            stored = insert(me, v, "DIRECT", null, null, null, Map.of(), importRef, terms.now(), null,
                    List.of(audit.followingEach("sales-order", entries)));
        }
        return stored;
    }

    /**
     * An order as it was just stored, read back by the statements that stored it (no second read of the same rows
     * in the same transaction): its version is 0. Its lines change only when an approval completes, never within
     * the transaction that stored them.
     */
    record Stored(OrderQueries.Order order, List<OrderQueries.Line> lines, boolean prepayAgreed, List<StoredDecision> decisions,
                  java.time.OffsetDateTime writtenAt) {
        long id() {
            return order.id();
        }
    }

    /**
     * Stores a draft ({@code decided} null), or an order decided at {@code now} by {@link #insertSubmitted} in its
     * decided state; its lines with it. {@code importRef}: an import's own order reference, or null.
     */
    Stored insert(YewuPrincipal me, Valid v, String channel, Long quoteId, Integer quoteVersion, Long copiedFrom,
                  Map<Integer, Long> specialApprovals, String importRef, Instant now, Plan decided) {
        return insert(me, v, channel, quoteId, quoteVersion, copiedFrom, specialApprovals, importRef, now, decided, List.of());
    }

    /** As above; {@code following}: writes about the new order made by its lines' statement (decision 0049). */
    private Stored insert(YewuPrincipal me, Valid v, String channel, Long quoteId, Integer quoteVersion, Long copiedFrom,
                          Map<Integer, Long> specialApprovals, String importRef, Instant now, Plan decided,
                          List<FollowingWrite> following) {
        LocalDate today = LocalDate.ofInstant(now, OrderTerms.SHANGHAI);
        int no = numbers.next(DocumentNumbers.Series.SALES_ORDER, today);
        String number = "SO" + DAY.format(today) + String.format("%04d", no);
        long owner = v.customer().ownerId() != null ? v.customer().ownerId() : me.id();
        OrderRules rules = decided != null ? decided.rules() : terms.rulesAt(now);
        boolean released = decided != null && decided.released();
        OrderQueries.Order order = jdbc.sql("""
                WITH o AS (INSERT INTO sales_order (company_id, number, customer_id, owner_id, channel, quote_id, quote_version, vat_invoice,
                                         settings_version, custom_ship_on, invoice_title, delivery_window, carrier, notes, ship_to,
                                         contact_phone, prepay_agreed, copied_from, created_by, created_at, total, tax, fee_expense,
                                         import_ref, state, payment_mode, deposit_due, credit_hold, credit_term_days, submitted_at,
                                         released_at, ship_by)
                VALUES (:c, :number, :customer, :owner, :channel, :quote, :qv, :vat, :sv, :customShipOn, :invoiceTitle,
                        :deliveryWindow, :carrier, :notes, :shipTo, :contactPhone, :prepay, :copiedFrom, :by, :at,
                        :total, :tax, :fees, :importRef, :state, :mode, :deposit, :held, :days, :submittedAt, :releasedAt, :shipBy)
                RETURNING *)
                """ + OrderQueries.ORDER_SELECT_FROM_CTE)
                .param("c", me.companyId()).param("number", number).param("customer", v.customer().id()).param("owner", owner)
                .param("channel", channel).param("quote", quoteId, java.sql.Types.BIGINT).param("qv", quoteVersion, java.sql.Types.INTEGER)
                .param("vat", v.customer().vatInvoice()).param("sv", rules.settingsVersion())
                .param("customShipOn", v.customShipOn(), java.sql.Types.DATE)
                .params(v.texts()).param("prepay", v.prepayAgreed()).param("copiedFrom", copiedFrom, java.sql.Types.BIGINT)
                .param("by", me.id()).param("at", Timestamp.from(now))
                .param("total", sum(v.lines(), c -> c.line().amount())).param("tax", sum(v.lines(), c -> c.line().tax()))
                .param("fees", sum(v.lines(), c -> orZero(c.line().check().outcome().feeExpense())))
                .param("importRef", importRef, java.sql.Types.VARCHAR)
                .param("state", decided == null ? OrderState.DRAFT.name() : decided.release().next().name())
                .param("mode", decided == null ? null : decided.mode().name(), java.sql.Types.VARCHAR)
                .param("deposit", decided == null ? LineMoney.ZERO : decided.e().deposit().outcome())
                .param("held", decided != null && decided.held())
                .param("days", decided == null ? null : decided.creditTermDays(), java.sql.Types.INTEGER)
                .param("submittedAt", decided == null ? null : Timestamp.from(now), java.sql.Types.TIMESTAMP)
                .param("releasedAt", released ? Timestamp.from(now) : null, java.sql.Types.TIMESTAMP)
                .param("shipBy", released ? decided.shipBy() : null, java.sql.Types.DATE)
                .query(OrderQueries.Order.class).single();
        // a draft has no decisions yet; insertSubmitted adds those it records
        Written written = insertLines(me.companyId(), order.id(), v.lines(), specialApprovals, following);
        return new Stored(order, written.lines(), v.prepayAgreed(), List.of(), written.at());
    }

    /** PLT-8: each line half-up to the fen, the order the sum of its lines. */
    private static BigDecimal sum(List<LineChecks.Checked> lines, java.util.function.Function<LineChecks.Checked, BigDecimal> of) {
        return lines.stream().map(of).reduce(LineMoney.ZERO, BigDecimal::add);
    }

    /** Replaces the lines and the money they add up to. */
    private void writeLines(long company, long id, List<LineChecks.Checked> lines, Map<Integer, Long> specialApprovals) {
        jdbc.sql("DELETE FROM sales_order_line WHERE company_id = :c AND order_id = :id").param("c", company).param("id", id).update();
        insertLines(company, id, lines, specialApprovals, List.of());
        jdbc.sql("UPDATE sales_order SET total = :t, tax = :tax, fee_expense = :f WHERE company_id = :c AND id = :id")
                .param("t", sum(lines, c -> c.line().amount())).param("tax", sum(lines, c -> c.line().tax()))
                .param("f", sum(lines, c -> orZero(c.line().check().outcome().feeExpense())))
                .param("c", company).param("id", id).update();
    }

    /** The lines as stored, and the time of the transaction that stored them (what the rows' defaults hold). */
    private record Written(List<OrderQueries.Line> lines, java.time.OffsetDateTime at) {}

    private static final org.springframework.jdbc.core.RowMapper<OrderQueries.Line> LINE =
            new org.springframework.jdbc.core.SimplePropertyRowMapper<>(OrderQueries.Line.class);

    /**
     * The lines in one statement, however many the order has: one round trip and one executor run in PostgreSQL
     * (a JDBC batch still ran one INSERT per line there, the largest share of an order's database time), with the
     * {@code following} writes about the order (its decisions, its audit entries: decision 0049). Returns the stored
     * lines as {@link OrderQueries#lines} reads them.
     */
    private Written insertLines(long company, long id, List<LineChecks.Checked> lines, Map<Integer, Long> specialApprovals,
                                List<FollowingWrite> following) {
        java.util.function.Function<java.util.function.Function<LineChecks.Checked, BigDecimal>, String[]> numbers =
                f -> lines.stream().map(f).map(v -> v == null ? null : v.toPlainString()).toArray(String[]::new);
        OneStatement write = new OneStatement().part("l", """
                INSERT INTO sales_order_line (company_id, order_id, line_no, product_id, product_kind, quantity, unit_price, amount,
                                              tax, guide_price, price_list_id, fee_share, fee_per_unit, net_price, verdict,
                                              special_discount, commission_reduction, special_approval_id)
                SELECT :c, :id, u.no, u.product, u.kind, u.q, u.p, u.amount, u.tax, u.g, u.list, u.x, u.fee, u.net, u.verdict,
                       u.s, u.r, u.approval
                FROM unnest(CAST(:no AS int[]), CAST(:product AS bigint[]), CAST(:kind AS text[]),
                            CAST(CAST(:q AS text[]) AS numeric[]), CAST(CAST(:p AS text[]) AS numeric[]),
                            CAST(CAST(:amount AS text[]) AS numeric[]), CAST(CAST(:tax AS text[]) AS numeric[]),
                            CAST(CAST(:g AS text[]) AS numeric[]), CAST(:list AS bigint[]), CAST(CAST(:x AS text[]) AS numeric[]),
                            CAST(CAST(:fee AS text[]) AS numeric[]), CAST(CAST(:net AS text[]) AS numeric[]), CAST(:verdict AS text[]),
                            CAST(CAST(:s AS text[]) AS numeric[]), CAST(CAST(:r AS text[]) AS numeric[]), CAST(:approval AS bigint[]))
                     AS u(no, product, kind, q, p, amount, tax, g, list, x, fee, net, verdict, s, r, approval)
                RETURNING *""");
        FollowingWrite.Subject order = FollowingWrite.Subject.known(id, write);
        for (int i = 0; i < following.size(); i++) write.then("f" + i, following.get(i), order);
        java.time.OffsetDateTime[] at = new java.time.OffsetDateTime[1];
        List<OrderQueries.Line> stored = jdbc.sql(write.sql("SELECT x.*, now() AS written_at FROM ("
                        + OrderQueries.LINE_SELECT_FROM_CTE + ") x ORDER BY x.line_no"))
                .params(write.params()).param("c", company).param("id", id)
                .param("no", lines.stream().map(LineChecks.Checked::lineNo).toArray(Integer[]::new))
                .param("product", lines.stream().map(c -> c.line().productId()).toArray(Long[]::new))
                .param("kind", lines.stream().map(c -> c.line().kind().name()).toArray(String[]::new))
                .param("q", numbers.apply(c -> c.input().quantity())).param("p", numbers.apply(c -> c.input().unitPrice()))
                .param("amount", numbers.apply(c -> c.line().amount())).param("tax", numbers.apply(c -> c.line().tax()))
                .param("g", numbers.apply(c -> c.line().check().outcome().guidePrice()))
                .param("list", lines.stream().map(c -> c.line().priceListId()).toArray(Long[]::new))
                .param("x", numbers.apply(c -> orZero(c.input().feeShare())))
                .param("fee", numbers.apply(c -> orZero(c.line().check().outcome().feePerUnit())))
                .param("net", numbers.apply(c -> c.line().check().outcome().netPrice() != null
                        ? c.line().check().outcome().netPrice() : c.input().unitPrice()))
                .param("verdict", lines.stream().map(c -> c.line().check().outcome().verdict().name()).toArray(String[]::new))
                .param("s", numbers.apply(c -> orZero(c.line().check().outcome().specialDiscount())))
                .param("r", numbers.apply(c -> orZero(c.line().check().outcome().commissionReduction())))
                .param("approval", lines.stream().map(c -> specialApprovals.get(c.lineNo())).toArray(Long[]::new))
                .query((rs, n) -> {
                    if (n == 0) at[0] = rs.getObject("written_at", java.time.OffsetDateTime.class);
                    return LINE.mapRow(rs, n);
                }).list();
        return new Written(stored, at[0]); // every order has a line (LineChecks), so the time is always read
    }

    /** A check that stopped before the net-price rules (no guide price yet) leaves its figures empty. */
    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /**
     * ORD-8 by warehouse stage: a draft edits freely; a submitted, waiting or released order not yet printed changes
     * and re-runs every check (a rise voids its approvals, ORD-5d); printed or packed needs the warehouse to take it
     * back first; shipped, closed or cancelled orders do not change.
     */
    @Transactional
    OrderQueries.Detail edit(YewuPrincipal me, long id, OrderInput in) {
        OrderQueries.Order before = queries.order(me, id);
        if (in.version() == null) throw ProblemException.invalid("version", "required");
        if (before.state() != OrderState.DRAFT) requireChangeable(before, false);
        Valid v = validate(me, in, before.customerId());
        List<OrderQueries.Line> oldLines = queries.lines(me.companyId(), id);
        Versions.requireUpdated(jdbc.sql("""
                UPDATE sales_order SET custom_ship_on = :customShipOn, invoice_title = :invoiceTitle,
                       delivery_window = :deliveryWindow, carrier = :carrier, notes = :notes, ship_to = :shipTo,
                       contact_phone = :contactPhone, prepay_agreed = :prepay, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("customShipOn", v.customShipOn(), java.sql.Types.DATE).params(v.texts()).param("prepay", v.prepayAgreed())
                .param("c", me.companyId()).param("id", id).param("v", in.version()).update());
        // a special-price approval stays with its line while the line keeps its guide price and its net price did not fall
        Map<Integer, Long> kept = new LinkedHashMap<>();
        for (LineChecks.Checked c : v.lines()) {
            oldLines.stream().filter(o -> o.lineNo() == c.lineNo() && o.specialApprovalId() != null
                            && o.productId() == c.line().productId()
                            && java.util.Objects.equals(o.guidePrice(), c.line().check().outcome().guidePrice())
                            && c.line().check().outcome().netPrice().compareTo(o.netPrice()) >= 0)
                    .findFirst().ifPresent(o -> kept.put(c.lineNo(), o.specialApprovalId()));
        }
        writeLines(me.companyId(), id, v.lines(), kept);
        OrderQueries.Order after = queries.order(me, id);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("total", Map.of("before", before.total(), "after", after.total()));
        content.put("lines", Map.of("before", oldLines.size(), "after", v.lines().size()));
        v.texts().forEach((k, val) -> {
            Object old = text(before, k);
            if (!val.equals(old)) content.put(k, Map.of("before", old, "after", val));
        });
        logChange(me, id, "EDIT", before.warehouseStage(), content);
        audit.record("sales-order", id, "edit", Changes.of().put("total", before.total(), after.total()));
        if (before.state() == OrderState.RELEASED) {
            warehouse.tell(me.companyId(), id, before.number(), "已放行订单被变更，暂停发货并重新检查", "A released order changed: hold shipment while it is re-checked");
        }
        if (before.state() != OrderState.DRAFT) {
            jdbc.sql("UPDATE sales_order SET state = 'SUBMITTED', released_at = NULL, ship_by = NULL WHERE company_id = :c AND id = :id")
                    .param("c", me.companyId()).param("id", id).update();
            decide(me, id);
        }
        if (Boolean.TRUE.equals(in.submit()) && before.state() == OrderState.DRAFT) submitDraft(me, id, in.version() + 1);
        return queries.get(me, id);
    }

    private static Object text(OrderQueries.Order o, String key) {
        return switch (key) {
            case "invoiceTitle" -> o.invoiceTitle();
            case "deliveryWindow" -> o.deliveryWindow();
            case "carrier" -> o.carrier();
            case "notes" -> o.notes();
            case "shipTo" -> o.shipTo();
            default -> o.contactPhone();
        };
    }

    /** ORD-8 for a change or cancellation of an order past its draft. */
    private OrderChangePolicy.Outcome requireChangeable(OrderQueries.Order o, boolean cancel) {
        Decision<OrderChangePolicy.Outcome> d = changes.change(o.state(), o.warehouseStage(), cancel, o.paidAmount(), terms.rulesNow());
        return switch (d.outcome().route()) {
            case NONE -> throw ProblemException.conflict("order-closed");
            case AFTER_SALES_ONLY -> throw ProblemException.conflict("order-shipped-after-sales");
            case WAREHOUSE_TAKES_BACK -> throw ProblemException.conflict("order-warehouse-take-back");
            case FREE -> d.outcome();
        };
    }

    void logChange(YewuPrincipal me, long id, String kind, WarehouseStage stage, Map<String, Object> content) {
        jdbc.sql("""
                INSERT INTO sales_order_change (company_id, order_id, kind, warehouse_stage, content, changed_by)
                VALUES (:c, :id, :kind, :stage, CAST(:content AS jsonb), :by)""")
                .param("c", me.companyId()).param("id", id).param("kind", kind).param("stage", stage.name())
                .param("content", json.writeValueAsString(content)).param("by", me.id()).update();
    }

    /** ORD-8: the salesperson records that the change was confirmed back to the customer, once. */
    @Transactional
    OrderQueries.Detail confirmChange(YewuPrincipal me, long id, long changeId) {
        queries.order(me, id);
        Boolean confirmed = jdbc.sql("""
                SELECT customer_confirmed_at IS NOT NULL FROM sales_order_change WHERE company_id = :c AND order_id = :id AND id = :change""")
                .param("c", me.companyId()).param("id", id).param("change", changeId).query(Boolean.class).optional()
                .orElseThrow(() -> ProblemException.notFound("order change " + changeId));
        if (confirmed) throw ProblemException.conflict("order-change-confirmed");
        jdbc.sql("UPDATE sales_order_change SET customer_confirmed_at = now() WHERE company_id = :c AND id = :change AND customer_confirmed_at IS NULL")
                .param("c", me.companyId()).param("change", changeId).update();
        audit.record("sales-order", id, "change-confirmed", Changes.of().created("changeId", changeId));
        return queries.get(me, id);
    }

    /** A new draft with the same customer, lines (checked again today) and requirements; never its approvals. */
    @Transactional
    OrderQueries.Detail copy(YewuPrincipal me, long id) {
        OrderQueries.Order o = queries.order(me, id);
        List<LineChecks.LineInput> lines = queries.lines(me.companyId(), id).stream()
                .map(l -> new LineChecks.LineInput(l.productId(), l.quantity(), l.unitPrice(), l.feeShare(), null)).toList();
        OrderInput in = new OrderInput(o.customerId(), lines, null, o.customShipOn(), o.invoiceTitle(), o.deliveryWindow(),
                o.carrier(), o.notes(), o.shipTo(), o.contactPhone(), false, null);
        Valid v = validate(me, in, null);
        long copy = insert(me, v, "DIRECT", null, null, id, Map.of(), null, terms.now(), null).id();
        audit.record("sales-order", copy, "copy", Changes.of().created("copiedFrom", id));
        return queries.get(me, copy);
    }

    /**
     * ORD-1, PRC-10: the accepted version of a quote becomes an order without re-typing: its customer, lines and
     * prices, checked again today. A line keeps the special-price approval it had on the quote only while that
     * approval still covers it (the same guide price, a net price not lower: decision 10 of 0012).
     */
    @Transactional
    OrderQueries.Detail fromQuote(YewuPrincipal me, Long quoteId, Boolean submit) {
        if (quoteId == null) throw ProblemException.invalid("quoteId", "required");
        QuoteBook book = quotes.getIfAvailable();
        QuoteBook.AcceptedQuote quote = (book == null ? java.util.Optional.<QuoteBook.AcceptedQuote>empty() : book.acceptedForConversion(quoteId))
                .orElseThrow(() -> ProblemException.notFound("quote " + quoteId));
        List<LineChecks.LineInput> lines = quote.lines().stream().map(l -> new LineChecks.LineInput(l.productId(), l.quantity(),
                l.unitPrice(), l.feeShare(), l.quoteRequestId())).toList();
        OrderInput in = new OrderInput(quote.customerId(), lines, null, null, "", "", "", "", "", "", false, null);
        Valid v = validate(me, in, null);
        Map<Integer, Long> carried = new LinkedHashMap<>();
        for (int i = 0; i < v.lines().size(); i++) {
            QuoteBook.Line q = quote.lines().get(i);
            PriceCheck now = v.lines().get(i).line().check().outcome();
            PriceCheck then = q.check().outcome();
            if (q.specialApprovalId() != null && java.util.Objects.equals(now.guidePrice(), then.guidePrice())
                    && now.netPrice() != null && then.netPrice() != null && now.netPrice().compareTo(then.netPrice()) >= 0) {
                carried.put(v.lines().get(i).lineNo(), q.specialApprovalId());
            }
        }
        Stored stored = insert(me, v, "QUOTE", quote.quoteId(), quote.version(), null, carried, null, terms.now(), null);
        long id = stored.id();
        book.markConverted(quote.quoteId(), quote.version(), id);
        audit.record("sales-order", id, "from-quote", Changes.of().created("quoteId", quote.quoteId())
                .created("quoteVersion", quote.version()).created("carriedApprovals", carried.size()));
        if (Boolean.TRUE.equals(submit)) submitDraft(me, stored, v.customer());
        return queries.get(me, id);
    }

    // ---------------------------------------------------------------- submission and decisions

    /** ORD-1: a complete draft is submitted; its decisions are made and stored, and the approvals it needs start. */
    @Transactional
    OrderQueries.Detail submit(YewuPrincipal me, long id, Long version) {
        submitDraft(me, id, version);
        return queries.get(me, id);
    }

    private void submitDraft(YewuPrincipal me, long id, Long version) {
        OrderQueries.Order o = queries.order(me, id);
        if (version == null) throw ProblemException.invalid("version", "required");
        submitDraft(me, o, queries.lines(me.companyId(), id), version, Known.NOTHING);
    }

    /** A draft stored a moment ago in this transaction, for its customer read by its validation, submitted. */
    private void submitDraft(YewuPrincipal me, Stored draft, OrderCustomers.Customer customer) {
        submitDraft(me, draft.order(), draft.lines(), draft.order().version(), new Known(customer, draft.prepayAgreed()));
    }

    private void submitDraft(YewuPrincipal me, OrderQueries.Order o, List<OrderQueries.Line> lines, long version, Known known) {
        long id = o.id();
        if (o.state() != OrderState.DRAFT) throw ProblemException.conflict("order-not-draft");
        if (lines.isEmpty()) throw ProblemException.invalid("lines", "required");
        requirePriced(lines.stream().map(l -> new PricedLine(l.lineNo(), l.verdict())).toList());
        var entries = new LinkedHashMap<String, Changes>();
        entries.put("submit", Changes.of().put("state", "DRAFT", "SUBMITTED"));
        // the state moves on from DRAFT in the same UPDATE that stores the decisions, guarded by the version read by
        // the submitter: a change in between fails it (409) and the transaction takes the decisions back
        decide(me, o, lines, version, known, entries);
    }

    /**
     * An edit after submission: decides again and stores payment mode, deposit, credit approvals, credit hold and
     * release with the settings of the order's creation (PLT-2).
     */
    private void decide(YewuPrincipal me, long id) {
        decide(me, queries.order(me, id), queries.lines(me.companyId(), id), null, Known.NOTHING, new LinkedHashMap<>());
    }

    /**
     * What the caller has just read or stored in this transaction about the order, so that the decision need not
     * read it again: its customer and whether the customer agreed to pay before shipment; null where not known.
     */
    private record Known(OrderCustomers.Customer customer, Boolean prepayAgreed) {
        static final Known NOTHING = new Known(null, null);
    }

    /** A line as the decisions read it: its kind and amount, its price verdict and the special-price approval it has. */
    private record PlanLine(OrderLine line, String verdict, Long specialApprovalId) {
        static PlanLine of(OrderQueries.Line l) {
            return new PlanLine(l.orderLine(), l.verdict(), l.specialApprovalId());
        }

        boolean awaitsSpecialApproval() {
            return PriceVerdict.SPECIAL_PRICE.name().equals(verdict) && specialApprovalId == null;
        }
    }

    /**
     * The order as its decisions read it. {@code id} is null for an order not stored yet (then it has no approval,
     * no released hold and nothing paid).
     */
    private record Facts(Long id, long ownerId, long customerId, Instant createdAt, LocalDate customShipOn, BigDecimal total,
                         BigDecimal paidAmount, Long approvalId, BigDecimal approvedTotal, java.time.OffsetDateTime holdReleasedAt) {
        static Facts of(OrderQueries.Order o) {
            return new Facts(o.id(), o.ownerId(), o.customerId(), o.createdAt().toInstant(), o.customShipOn(), o.total(),
                    o.paidAmount(), o.approvalId(), o.approvedTotal(), o.holdReleasedAt());
        }
    }

    /**
     * What ORD-2 … ORD-7 decide for an order, before anything is stored: the decisions to record, the payment mode,
     * whether a given approval still covers the order, the approval steps still needed, and ORD-6's release.
     */
    private record Plan(OrderTerms.Evaluation e, OrderRules rules, PaymentMode mode, Map<String, Decision<?>> decided,
                        boolean held, boolean holdReleased, boolean approvalsComplete, List<StepSpec> steps,
                        Decision<List<String>> chain, Release release) {
        boolean released() {
            return release.next() == OrderState.RELEASED;
        }

        Integer creditTermDays() {
            return mode == PaymentMode.CREDIT ? e.paymentMode().outcome().creditDays() : null;
        }

        LocalDate shipBy() {
            return released() ? e.deliveryPromise().outcome().orElse(null) : null;
        }
    }

    /** Decides, reading what it needs but writing nothing. */
    private Plan plan(long company, Facts f, List<PlanLine> lines, OrderCustomers.Customer customer, boolean prepayAgreed) {
        OrderRules rules = terms.rulesAt(f.createdAt());
        OrderTerms.Evaluation e = terms.evaluate(company, customer, lines.stream().map(PlanLine::line).toList(), f.id(),
                f.customShipOn(), terms.today(), rules);
        PaymentMode mode = e.paymentMode().outcome().mode();
        if (mode == PaymentMode.PAY_ON_DELIVERY && prepayAgreed) mode = PaymentMode.PAY_BEFORE_SHIPMENT;
        Map<String, Decision<?>> decided = new LinkedHashMap<>();
        decided.put("standing", e.standing());
        decided.put("payment-mode", e.paymentMode());
        decided.put("deposit", e.deposit());
        decided.put("credit-approval", e.creditApproval());
        decided.put("credit-hold", e.creditHold());

        // ORD-5d: an approval covers the total it approved; any rise voids it and the ladder runs again
        boolean approvalsComplete = false;
        if (f.approvalId() != null && f.approvedTotal() != null) {
            Decision<Boolean> holdsStill = terms.approvalHolds(f.approvedTotal(), e.total(), rules);
            decided.put("approval-holds", holdsStill);
            approvalsComplete = holdsStill.outcome();
        }
        // ORD-5c: a released hold stays released while the total does not rise above what was released
        boolean held = e.creditHold().outcome().held();
        boolean holdReleased = f.holdReleasedAt() != null && held
                && (f.total().compareTo(holdReleasedTotal(company, f.id())) <= 0);

        List<StepSpec> steps = new ArrayList<>();
        Decision<List<String>> chain = null;
        if (!approvalsComplete) {
            List<RuleHit> hits = new ArrayList<>(e.creditApproval().hits());
            List<String> roles = new ArrayList<>();
            // a special price approved by the approval now voided needs approving again
            Long voided = f.approvalId();
            boolean special = lines.stream().anyMatch(l -> l.awaitsSpecialApproval()
                    || (voided != null && PriceVerdict.SPECIAL_PRICE.name().equals(l.verdict()) && voided.equals(l.specialApprovalId())));
            if (special && !e.creditApproval().outcome().contains(RoleCode.BUSINESS_MANAGER)) {
                steps.add(StepSpec.managerOf(f.ownerId()));
                roles.add(RoleCode.BUSINESS_MANAGER.name());
            }
            if (special) {
                hits.add(new RuleHit("PRC-6", "订单含特价行：须业务经理批准特价", "The order has special-price lines: the business manager approves them",
                        Map.of("lines", lines.stream().filter(l -> PriceVerdict.SPECIAL_PRICE.name().equals(l.verdict())).count())));
            }
            for (RoleCode r : e.creditApproval().outcome()) {
                steps.add(r == RoleCode.BUSINESS_MANAGER ? StepSpec.managerOf(f.ownerId()) : StepSpec.role(r));
                roles.add(r.name());
            }
            if (!steps.isEmpty()) {
                chain = new Decision<>(roles, hits, rules.settingsVersion());
                decided.put("approval-chain", chain);
            }
        }
        // ORD-6 on the order as it will stand (its state is SUBMITTED at this point: submitted, or edited after submission)
        Release r = releaseOf(steps.isEmpty() ? 0 : 1, held && !holdReleased, mode, f.total(), e.deposit().outcome(),
                f.paidAmount(), rules);
        decided.put("release", r.unmet());
        if (r.next() == OrderState.RELEASED) decided.put("delivery-promise", e.deliveryPromise());
        return new Plan(e, rules, mode, decided, held, holdReleased, approvalsComplete, steps, chain, r);
    }

    /**
     * Decides an order already stored (submission of a draft, or an edit after submission) and stores the decisions,
     * the approvals still needed and ORD-6's outcome with one UPDATE of the order.
     *
     * @param submitting   the version of the draft being submitted (its UPDATE also submits it), or null
     * @param known        what the caller has just read about the order (the rest is read here)
     * @param auditEntries what the caller records in the audit log for this order (creation, submission): recorded
     *                     here in one statement with the release, if the order is released
     */
    private void decide(YewuPrincipal me, OrderQueries.Order o, List<OrderQueries.Line> lines, Long submitting,
                        Known known, java.util.SequencedMap<String, Changes> auditEntries) {
        long id = o.id();
        String sid = String.valueOf(id);
        OrderCustomers.Customer customer = known.customer() != null ? known.customer() : customers.byId(me.companyId(), o.customerId());
        boolean prepay = known.prepayAgreed() != null ? known.prepayAgreed() : prepayAgreed(me.companyId(), id);
        Plan p = plan(me.companyId(), Facts.of(o), lines.stream().map(PlanLine::of).toList(), customer, prepay);

        Long approvalId = p.approvalsComplete() ? o.approvalId() : null;
        BigDecimal approvedTotal = p.approvalsComplete() ? o.approvedTotal() : null;
        if (o.approvalId() != null && !p.approvalsComplete()) {
            approvals.voidFor(SUBJECT, sid);
            jdbc.sql("UPDATE sales_order_line SET special_approval_id = NULL WHERE company_id = :c AND order_id = :id AND special_approval_id = :a")
                    .param("c", me.companyId()).param("id", id).param("a", o.approvalId()).update();
        }
        if (!p.steps().isEmpty()) {
            // started before the UPDATE, which stores it with the rest (a chain completes only when its steps are
            // decided, never within this call); if the UPDATE fails, the transaction takes it back
            long versionAfter = (submitting != null ? submitting : o.version()) + 1;
            approvalId = startApproval(me, o, customer, lines, p, versionAfter);
        }
        decisions.recordEach(SUBJECT, sid, p.decided());
        boolean clearRelease = o.holdReleasedAt() != null && !p.holdReleased();
        int updated = jdbc.sql("""
                UPDATE sales_order SET payment_mode = :mode, deposit_due = :deposit, credit_hold = :held, approval_id = :a,
                       approved_total = :at, credit_term_days = :days, version = version + 1, state = :state,
                       submitted_at = CASE WHEN :submit THEN now() ELSE submitted_at END,
                       released_at = :releasedAt, ship_by = :shipBy,
                       hold_released_by = CASE WHEN :clear THEN NULL ELSE hold_released_by END,
                       hold_released_at = CASE WHEN :clear THEN NULL ELSE hold_released_at END,
                       hold_release_reason = CASE WHEN :clear THEN NULL ELSE hold_release_reason END,
                       hold_released_total = CASE WHEN :clear THEN NULL ELSE hold_released_total END
                WHERE company_id = :c AND id = :id AND (NOT :submit OR (version = :v AND state = 'DRAFT'))""")
                .param("mode", p.mode().name()).param("deposit", p.e().deposit().outcome()).param("held", p.held())
                .param("a", approvalId, java.sql.Types.BIGINT).param("at", approvedTotal, java.sql.Types.NUMERIC)
                .param("days", p.creditTermDays(), java.sql.Types.INTEGER)
                .param("state", p.release().next().name()).param("submit", submitting != null)
                .param("releasedAt", p.released() ? Timestamp.from(terms.now()) : null, java.sql.Types.TIMESTAMP)
                .param("shipBy", p.shipBy(), java.sql.Types.DATE)
                .param("clear", clearRelease).param("v", submitting == null ? -1L : submitting)
                .param("c", me.companyId()).param("id", id).update();
        if (submitting != null) Versions.requireUpdated(updated);
        afterDecisions(me.companyId(), id, o.number(), p, auditEntries);
    }

    private long startApproval(YewuPrincipal me, OrderQueries.Order o, OrderCustomers.Customer customer,
                               List<OrderQueries.Line> lines, Plan p, long version) {
        BigDecimal total = p.e().total();
        return approvals.start(new ApprovalSpec(SUBJECT, String.valueOf(o.id()), version,
                "订单 " + o.number() + "：" + customer.name() + " " + total.toPlainString() + " 元 / Order " + o.number()
                        + ": " + total.toPlainString() + " yuan", me.id(), p.chain(), p.steps(),
                approvalDetails(o, customer, lines, p.e(), p.mode())));
    }

    /** The audit entries (with the release, if released) in one statement, and the warehouse told of a release. */
    private void afterDecisions(long company, long id, String number, Plan p, java.util.SequencedMap<String, Changes> auditEntries) {
        withRelease(p, auditEntries);
        tellIfReleased(company, id, number, p);
        audit.recordEach("sales-order", id, auditEntries);
    }

    /** The release's audit entry beside the others, when the plan released the order. */
    private static void withRelease(Plan p, java.util.SequencedMap<String, Changes> auditEntries) {
        if (p.released()) auditEntries.put("release", Changes.of().put("state", OrderState.SUBMITTED.name(), OrderState.RELEASED.name()));
    }

    private void tellIfReleased(long company, long id, String number, Plan p) {
        if (p.released()) warehouse.tell(company, id, number, "订单已放行，待打单发货", "Order released for shipment");
    }

    /**
     * ORD-1 with submission in one go (the order form's "submit", an import's line group): decided before it is
     * stored, so the order row is written once, in its decided state, and read back by the statements that write it.
     * The same decisions as submitting a stored draft ({@link #plan}); the approvals it needs start once it has an id.
     */
    private Stored insertSubmitted(YewuPrincipal me, Valid v, String importRef, java.util.SequencedMap<String, Changes> auditEntries) {
        requirePriced(v.lines().stream().map(c -> new PricedLine(c.lineNo(), c.line().check().outcome().verdict().name())).toList());
        Instant now = terms.now();
        long owner = v.customer().ownerId() != null ? v.customer().ownerId() : me.id();
        BigDecimal total = sum(v.lines(), c -> c.line().amount());
        Facts f = new Facts(null, owner, v.customer().id(), now, v.customShipOn(), total, LineMoney.ZERO, null, null, null);
        Plan p = plan(me.companyId(), f, v.lines().stream().map(c -> new PlanLine(new OrderLine(c.line().kind(), c.line().amount()),
                c.line().check().outcome().verdict().name(), null)).toList(), v.customer(), v.prepayAgreed());
        withRelease(p, auditEntries);
        // its decisions and audit entries are written by the statement of its lines
        Stored stored = insert(me, v, "DIRECT", null, null, null, Map.of(), importRef, now, p,
                List.of(decisions.followingEach(SUBJECT, p.decided()), audit.followingEach("sales-order", auditEntries)));
        OrderQueries.Order o = stored.order();
        if (!p.steps().isEmpty()) {
            long started = startApproval(me, o, v.customer(), stored.lines(), p, o.version());
            o = jdbc.sql("WITH o AS (UPDATE sales_order SET approval_id = :a WHERE company_id = :c AND id = :id RETURNING *) "
                            + OrderQueries.ORDER_SELECT_FROM_CTE)
                    .param("a", started).param("c", me.companyId()).param("id", o.id()).query(OrderQueries.Order.class).single();
        }
        tellIfReleased(me.companyId(), o.id(), o.number(), p);
        return new Stored(o, stored.lines(), v.prepayAgreed(), decisions.asFirst(p.decided(), stored.writtenAt()), stored.writtenAt());
    }

    private record PricedLine(int lineNo, String verdict) {}

    /** ORD-1: an order is submitted only when every line has its guide price. */
    private static void requirePriced(List<PricedLine> lines) {
        List<FieldProblem> waiting = new ArrayList<>();
        for (PricedLine l : lines) {
            if (PriceVerdict.AWAITING_GUIDE_PRICE.name().equals(l.verdict())) {
                waiting.add(new FieldProblem("lines[" + (l.lineNo() - 1) + "].unitPrice", "order-awaiting-guide-price"));
            }
        }
        if (!waiting.isEmpty()) throw ProblemException.invalid(waiting);
    }

    /**
     * What the credit approver sees (issue 12): the order and its lines, its total and terms, and the customer's
     * credit figures the ladder and hold read (ORD-5a … ORD-5d).
     */
    private static ApprovalSpec.Details approvalDetails(OrderQueries.Order o, OrderCustomers.Customer customer,
                                                        List<OrderQueries.Line> lines, OrderTerms.Evaluation e, PaymentMode mode) {
        CreditHoldPolicy.Exposure x = e.exposure();
        CreditHoldPolicy.Hold hold = e.creditHold().outcome();
        List<ApprovalSpec.Fact> facts = new ArrayList<>();
        facts.add(new ApprovalSpec.Fact("customer", customer.name()));
        facts.add(new ApprovalSpec.Fact("total", money(e.total())));
        facts.add(new ApprovalSpec.Fact("paymentMode", mode.name()));
        if (mode == PaymentMode.CREDIT) facts.add(new ApprovalSpec.Fact("creditTermDays", e.paymentMode().outcome().creditDays()));
        facts.add(new ApprovalSpec.Fact("depositDue", money(e.deposit().outcome())));
        facts.add(new ApprovalSpec.Fact("newCustomer", e.standing().outcome()));
        facts.add(new ApprovalSpec.Fact("creditLimit", money(customer.creditLimit())));
        facts.add(new ApprovalSpec.Fact("outstandingReceivables", money(x.outstandingReceivables())));
        facts.add(new ApprovalSpec.Fact("openCreditOrders", money(x.openCreditOrders())));
        facts.add(new ApprovalSpec.Fact("creditUsed", money(x.outstandingReceivables().add(x.openCreditOrders()))));
        facts.add(new ApprovalSpec.Fact("exposure", money(hold.exposure())));
        facts.add(new ApprovalSpec.Fact("daysOverdue", hold.daysOverdue()));
        facts.add(new ApprovalSpec.Fact("creditHold", hold.held()));
        List<List<Object>> rows = new ArrayList<>();
        for (OrderQueries.Line l : lines) {
            rows.add(java.util.Arrays.asList(l.lineNo(), l.productName(), l.quantity().stripTrailingZeros().toPlainString(),
                    money(l.unitPrice()), money(l.guidePrice()), money(l.amount()), l.verdict()));
        }
        return ApprovalSpec.Details.of("/orders/" + o.id(), o.number() + " " + customer.name(), facts,
                new ApprovalSpec.Table(List.of("lineNo", "product", "quantity", "unitPrice", "guidePrice", "amount", "verdict"), rows));
    }

    private static String money(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private boolean prepayAgreed(long company, long id) {
        return jdbc.sql("SELECT prepay_agreed FROM sales_order WHERE company_id = :c AND id = :id")
                .param("c", company).param("id", id).query(Boolean.class).single();
    }

    private BigDecimal holdReleasedTotal(long company, long id) {
        BigDecimal t = jdbc.sql("SELECT hold_released_total FROM sales_order WHERE company_id = :c AND id = :id")
                .param("c", company).param("id", id).query(BigDecimal.class).optional().orElse(null);
        return t == null ? BigDecimal.ZERO : t;
    }

    /**
     * ORD-6: releases the order to the warehouse when nothing is unmet, else says what it waits for (approval and
     * hold: AWAITING_APPROVAL; prepayment or deposit: AWAITING_PAYMENT). Runs in the caller's transaction.
     */
    void recheck(long companyId, long id) {
        OrderQueries.Order o = queries.orderInCompany(companyId, id).orElse(null);
        if (o == null || !Set.of(OrderState.SUBMITTED, OrderState.AWAITING_APPROVAL, OrderState.AWAITING_PAYMENT).contains(o.state())) return;
        OrderRules rules = terms.rulesAt(o.createdAt().toInstant());
        Release r = releaseOf(o.approvalId() != null && o.approvedTotal() == null ? 1 : 0, o.creditHold() && o.holdReleasedAt() == null,
                o.paymentMode(), o.total(), o.depositDue(), o.paidAmount(), rules);
        if (r.next() != OrderState.RELEASED) decisions.record(SUBJECT, String.valueOf(id), "release", r.unmet());
        if (r.next() == OrderState.RELEASED) {
            List<OrderLine> lines = queries.lines(companyId, id).stream().map(OrderQueries.Line::orderLine).toList();
            OrderCustomers.Customer customer = customers.byId(companyId, o.customerId());
            OrderTerms.Evaluation e = terms.evaluate(companyId, customer, lines, id, o.customShipOn(), terms.today(), rules);
            Map<String, Decision<?>> decided = new LinkedHashMap<>();
            decided.put("release", r.unmet());
            decided.put("delivery-promise", e.deliveryPromise());
            decisions.recordEach(SUBJECT, String.valueOf(id), decided);
            jdbc.sql("""
                    UPDATE sales_order SET state = 'RELEASED', released_at = :now, ship_by = :shipBy, version = version + 1
                    WHERE company_id = :c AND id = :id""")
                    .param("now", Timestamp.from(terms.now())).param("shipBy", e.deliveryPromise().outcome().orElse(null), java.sql.Types.DATE)
                    .param("c", companyId).param("id", id).update();
            audit.record("sales-order", id, "release", Changes.of().put("state", o.state().name(), "RELEASED"));
            warehouse.tell(companyId, id, o.number(), "订单已放行，待打单发货", "Order released for shipment");
        } else if (r.next() != o.state()) {
            jdbc.sql("UPDATE sales_order SET state = :s, version = version + 1 WHERE company_id = :c AND id = :id")
                    .param("s", r.next().name()).param("c", companyId).param("id", id).update();
        }
    }

    /** ORD-6's answer for an order: what is unmet, and the state that follows from it. */
    private record Release(Decision<Set<ReleasePolicy.Condition>> unmet, OrderState next) {}

    private Release releaseOf(int pendingApprovals, boolean hold, PaymentMode mode, BigDecimal total, BigDecimal deposit,
                              BigDecimal paid, OrderRules rules) {
        Decision<Set<ReleasePolicy.Condition>> unmet = release.unmet(new ReleasePolicy.Facts(pendingApprovals, hold, mode,
                total, deposit, paid), rules);
        OrderState next;
        if (unmet.outcome().isEmpty()) next = OrderState.RELEASED;
        else if (unmet.outcome().contains(ReleasePolicy.Condition.APPROVALS) || unmet.outcome().contains(ReleasePolicy.Condition.CREDIT_HOLD)) {
            next = OrderState.AWAITING_APPROVAL;
        } else next = OrderState.AWAITING_PAYMENT;
        return new Release(unmet, next);
    }

    /** The approvers' answer, in the deciding transaction: approved → the approval covers this total; else back to draft. */
    @EventListener
    void on(ApprovalCompleted event) {
        if (!SUBJECT.equals(event.subjectType())) return;
        long id = Long.parseLong(event.subjectId());
        if (event.outcome() == ApprovalCompleted.Outcome.APPROVED) {
            int updated = jdbc.sql("""
                    UPDATE sales_order SET approved_total = total, version = version + 1
                    WHERE company_id = :c AND id = :id AND approval_id = :a AND approved_total IS NULL AND state = 'AWAITING_APPROVAL'""")
                    .param("c", event.companyId()).param("id", id).param("a", event.requestId()).update();
            if (updated != 1) return;
            jdbc.sql("""
                    UPDATE sales_order_line SET special_approval_id = :a
                    WHERE company_id = :c AND order_id = :id AND verdict = 'SPECIAL_PRICE' AND special_approval_id IS NULL""")
                    .param("a", event.requestId()).param("c", event.companyId()).param("id", id).update();
            audit.record("sales-order", id, "approved", Changes.of().put("approvalId", null, event.requestId()));
            recheck(event.companyId(), id);
        } else {
            int updated = jdbc.sql("""
                    UPDATE sales_order SET state = 'DRAFT', approval_id = NULL, approved_total = NULL, version = version + 1
                    WHERE company_id = :c AND id = :id AND approval_id = :a AND state = 'AWAITING_APPROVAL'""")
                    .param("c", event.companyId()).param("id", id).param("a", event.requestId()).update();
            if (updated == 1) audit.record("sales-order", id, event.outcome().name().toLowerCase(),
                    Changes.of().put("state", "AWAITING_APPROVAL", "DRAFT"));
        }
    }

    /** ORD-6: receipts changed what the order has received (settlement, same transaction): re-check the release. */
    @EventListener
    void on(OrderPaymentsChanged event) {
        recheck(event.companyId(), event.orderId());
        completion.check(event.companyId(), event.orderId());
    }

    /** ORD-5c: only the general manager releases a credit hold, with a reason, and never on an order of their own. */
    @Transactional
    OrderQueries.Detail releaseHold(YewuPrincipal me, long id, ReasonInput in) {
        OrderQueries.Order o = queries.order(me, id);
        if (in.version() == null) throw ProblemException.invalid("version", "required");
        RoleCode role = me.hasRole(RoleCode.GENERAL_MANAGER) ? RoleCode.GENERAL_MANAGER : null;
        Decision<Boolean> may = holds.mayRelease(role, in.reason(), terms.rulesAt(o.createdAt().toInstant()));
        if (!may.outcome()) {
            if (role == null) throw ProblemException.forbidden("order-hold-general-manager");
            throw ProblemException.invalid("reason", "required");
        }
        if (in.reason().strip().length() > 500) throw ProblemException.invalid("reason", "too-long", 500);
        if (!o.creditHold() || o.holdReleasedAt() != null || o.state() != OrderState.AWAITING_APPROVAL) {
            throw ProblemException.conflict("order-not-on-hold");
        }
        if (o.ownerId() == me.id() || o.createdBy() == me.id()) throw ProblemException.conflict("order-own-approval");
        Versions.requireUpdated(jdbc.sql("""
                UPDATE sales_order SET hold_released_by = :by, hold_released_at = now(), hold_release_reason = :reason,
                       hold_released_total = total, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("by", me.id()).param("reason", in.reason().strip()).param("c", me.companyId()).param("id", id)
                .param("v", in.version()).update());
        decisions.record(SUBJECT, String.valueOf(id), "credit-hold-release", may);
        audit.record("sales-order", id, "release-hold", Changes.of().put("creditHold", "HELD", "RELEASED")
                .created("reason", in.reason().strip()));
        recheck(me.companyId(), id);
        return queries.get(me, id);
    }

    /**
     * ORD-1, ORD-8: cancellation before shipment. Not printed: at once; printed or packed: the warehouse takes the
     * order back first; shipped: refused (returns go through after-sales). An order paid in advance gets a refund
     * that finance pays.
     */
    @Transactional
    OrderQueries.Detail cancel(YewuPrincipal me, long id, ReasonInput in) {
        OrderQueries.Order o = queries.order(me, id);
        if (in.version() == null) throw ProblemException.invalid("version", "required");
        String reason = in.reason() == null ? "" : in.reason().strip();
        if (reason.isEmpty()) throw ProblemException.invalid("reason", "required");
        if (reason.length() > 500) throw ProblemException.invalid("reason", "too-long", 500);
        OrderChangePolicy.Outcome outcome = o.state() == OrderState.DRAFT
                ? new OrderChangePolicy.Outcome(OrderChangePolicy.Route.FREE, false, o.paidAmount())
                : requireChangeable(o, true);
        Versions.requireUpdated(jdbc.sql("""
                UPDATE sales_order SET state = 'CANCELLED', cancelled_at = now(), cancelled_by = :by, cancel_reason = :reason,
                       version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v AND state NOT IN ('SHIPPED', 'DELIVERED', 'CLOSED', 'CANCELLED')""")
                .param("by", me.id()).param("reason", reason).param("c", me.companyId()).param("id", id).param("v", in.version()).update());
        if (o.approvalId() != null) approvals.voidFor(SUBJECT, String.valueOf(id));
        if (outcome.refund().signum() > 0) {
            jdbc.sql("INSERT INTO sales_order_refund (company_id, order_id, amount) VALUES (:c, :id, :a)")
                    .param("c", me.companyId()).param("id", id).param("a", outcome.refund()).update();
        }
        decisions.record(SUBJECT, String.valueOf(id), "cancel",
                changes.change(o.state(), o.warehouseStage(), true, o.paidAmount(), terms.rulesNow()));
        logChange(me, id, "CANCEL", o.warehouseStage(), Map.of("state", Map.of("before", o.state().name(), "after", "CANCELLED"),
                "reason", reason, "refund", outcome.refund()));
        audit.record("sales-order", id, "cancel", Changes.of().put("state", o.state().name(), "CANCELLED"));
        if (o.state() == OrderState.RELEASED) warehouse.tell(me.companyId(), id, o.number(), "已放行订单已取消，请勿发货", "A released order was cancelled: do not ship it");
        return queries.get(me, id);
    }
}
