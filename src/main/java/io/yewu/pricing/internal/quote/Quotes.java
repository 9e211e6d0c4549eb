package io.yewu.pricing.internal.quote;

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
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.platform.web.Versions;
import io.yewu.pricing.LinePricing;
import io.yewu.pricing.internal.LinePrices;
import io.yewu.pricing.OrderTermsPreview;
import io.yewu.pricing.PriceCheck;
import io.yewu.pricing.PriceVerdict;
import io.yewu.pricing.internal.policy.PriceCheckPolicy;
import io.yewu.pricing.internal.policy.PricingRules;
import io.yewu.pricing.internal.policy.QuotePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.yewu.pricing.internal.quote.QuoteViews.LINE;
import static io.yewu.pricing.internal.quote.QuoteViews.QUOTE;
import static io.yewu.pricing.internal.quote.QuoteViews.lineKey;
import static io.yewu.pricing.internal.quote.QuoteViews.versionKey;

/**
 * Quotes (PRC-10) and their lines' checks (PRC-4 … PRC-9, PRC-11). Every line is checked live through
 * {@link LinePricing}: a refused line (PRC-7) is 422 on its price with the rule's words; a special price or a line
 * awaiting its guide price is saved. A version is never edited: a revision is the next version, re-checked, keeping a
 * line's special-price approval only while {@link PriceCheckPolicy#approvalHolds} says so. A copy is a new quote
 * without approvals. Sending waits for every approval and guide price; only the newest version is sent, accepted or
 * converted, never after its validity. Every decision is stored beside its record (PLT-1).
 */
@Service
public class Quotes {

    public record LineInput(Long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal feeShare,
                            Long quoteRequestId) {}

    public record Draft(Long customerId, String notes, List<LineInput> lines, Long version) {}

    public record Action(Long version, Integer versionNo, String reason) {}

    public record Detail(QuoteViews.Header quote, QuoteViews.VersionView current, boolean expired,
                         List<QuoteViews.LineDetail> lines, Decision<Boolean> sendCheck,
                         List<QuoteViews.VersionView> versions, List<StoredDecision> decisions) {}

    /** One checked line, ready to store. */
    private record Priced(int lineNo, LineInput in, BigDecimal quantity, BigDecimal unitPrice, BigDecimal feeShare,
                          LinePricing.CheckedLine checked) {

        PriceCheck check() {
            return checked.check().outcome();
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    static final int MAX_LINES = 200;

    private final JdbcClient jdbc;
    private final QuoteViews views;
    private final LinePrices linePrices;
    private final Approvals approvals;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Settings settings;
    private final ObjectProvider<OrderTermsPreview> terms;
    private final QuotePolicy policy = new QuotePolicy();
    private final PriceCheckPolicy checks = new PriceCheckPolicy();

    private final DocumentNumbers numbers;

    Quotes(JdbcClient jdbc, QuoteViews views, LinePrices linePrices, Approvals approvals, DecisionRecords decisions,
           AuditTrail audit, Settings settings, ObjectProvider<OrderTermsPreview> terms, DocumentNumbers numbers) {
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.views = views;
        this.linePrices = linePrices;
        this.approvals = approvals;
        this.decisions = decisions;
        this.audit = audit;
        this.settings = settings;
        this.terms = terms;
    }

    public Detail get(YewuPrincipal me, long id, Integer versionNo) {
        QuoteViews.Header q = views.require(me, id);
        return detail(me.companyId(), q, versionNo == null ? q.newestVersion() : versionNo);
    }

    private Detail detail(long companyId, QuoteViews.Header q, int versionNo) {
        QuoteViews.VersionView v = views.version(companyId, q.id(), versionNo);
        List<QuoteViews.LineDetail> lines = views.lineDetails(companyId, q.id(), versionNo);
        LocalDate today = views.today();
        Decision<Boolean> send = policy.allows(QuotePolicy.Action.SEND, gate(q, v, lines.stream().map(QuoteViews.LineDetail::line).toList()),
                today, rules(v.createdAt()));
        List<StoredDecision> stored = new ArrayList<>(decisions.forSubject(QUOTE, versionKey(q.id(), versionNo)));
        return new Detail(q, v, v.expired(today), lines, send, views.versions(companyId, q.id()), stored);
    }

    /** One line of the builder's live check: the checked line, or the field problems that keep it from being checked. */
    public record LiveLine(int index, LinePricing.CheckedLine checked, BigDecimal floorPrice, List<FieldProblem> problems) {}

    public record LiveCheck(List<LiveLine> lines, BigDecimal total, BigDecimal tax, boolean vatInvoice) {}

    /**
     * PRC-9: the checks of every line as the builder types, nothing saved: each complete line checked through
     * {@link LinePricing} (a refused one included, with its floor), the others with their field problems.
     */
    public LiveCheck check(YewuPrincipal me, Draft in) {
        Inputs.Customer customer = Inputs.customer(jdbc, me, in.customerId())
                .orElseThrow(() -> ProblemException.invalid("customerId", in.customerId() == null ? "required" : "unknown", in.customerId()));
        List<LineInput> inputs = in.lines() == null ? List.of() : in.lines();
        if (inputs.size() > MAX_LINES) throw ProblemException.invalid("lines", "too-many", MAX_LINES);
        PricingRules rules = linePrices.rules();
        LocalDate today = views.today();
        LiveLine[] out = new LiveLine[inputs.size()];
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        // the input rules line by line, then one price look-up for every complete line
        List<Integer> complete = new ArrayList<>();
        List<LinePricing.LineRequest> requests = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            LineInput l = inputs.get(i);
            List<FieldProblem> problems = new ArrayList<>();
            String at = "lines[" + i + "].";
            if (l == null || l.productId() == null) {
                out[i] = new LiveLine(i, null, null, List.of(new FieldProblem(at + "productId", "required")));
                continue;
            }
            BigDecimal quantity = Inputs.quantity(l.quantity(), at + "quantity", problems);
            BigDecimal price = Inputs.money(l.unitPrice(), at + "unitPrice", problems);
            BigDecimal fee = Inputs.feeShare(l.feeShare(), at + "feeShare", problems);
            if (l.quoteRequestId() != null && !requestFits(me, l.quoteRequestId(), l.productId())) {
                problems.add(new FieldProblem(at + "quoteRequestId", "unknown", l.quoteRequestId()));
            }
            if (!problems.isEmpty()) {
                out[i] = new LiveLine(i, null, null, problems);
                continue;
            }
            complete.add(i);
            requests.add(new LinePricing.LineRequest(l.productId(), price, quantity, fee, l.quoteRequestId()));
        }
        List<Optional<LinePricing.CheckedLine>> priced = linePrices.checkAll(requests, customer.vatInvoice(), today, rules);
        for (int k = 0; k < complete.size(); k++) {
            int i = complete.get(k);
            String at = "lines[" + i + "].";
            Optional<LinePricing.CheckedLine> checked = priced.get(k);
            if (checked.isEmpty()) {
                out[i] = new LiveLine(i, null, null, List.of(new FieldProblem(at + "productId", "unknown", requests.get(k).productId())));
                continue;
            }
            PriceCheck c = checked.get().check().outcome();
            BigDecimal floor = c.guidePrice() == null ? null
                    : c.guidePrice().multiply(rules.hardFloor()).setScale(2, java.math.RoundingMode.CEILING);
            out[i] = new LiveLine(i, checked.get(), floor, checked.get().active() ? List.of()
                    : List.of(new FieldProblem(at + "productId", "product-inactive")));
            total = total.add(checked.get().amount());
            tax = tax.add(checked.get().tax());
        }
        return new LiveCheck(List.of(out), total, tax, customer.vatInvoice());
    }

    /** PRC-10: a new quote, version 1, for a customer in the caller's scope. */
    @Transactional
    public Detail create(YewuPrincipal me, Draft in) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Inputs.Customer> customer = Optional.empty();
        if (in.customerId() == null) problems.add(new FieldProblem("customerId", "required"));
        else {
            customer = Inputs.customer(jdbc, me, in.customerId());
            if (customer.isEmpty()) problems.add(new FieldProblem("customerId", "unknown", in.customerId()));
        }
        String notes = Inputs.text(in.notes(), "notes", 2000, problems);
        Instant now = views.clockInstant();
        PricingRules rules = linePrices.rules();
        List<Priced> lines = price(me, in.lines(), customer.map(Inputs.Customer::vatInvoice).orElse(true), now, rules, problems);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        Inputs.Customer c = customer.orElseThrow();
        long id = jdbc.sql("""
                INSERT INTO quote (company_id, number, customer_id, owner_id, created_by)
                VALUES (:c, :number, :customer, :owner, :by) RETURNING id""")
                .param("c", me.companyId()).param("number", number(me.companyId(), now)).param("customer", c.id())
                .param("owner", c.ownerId()).param("by", me.id()).query(Long.class).single();
        writeVersion(me, id, 1, c, notes, lines, Map.of(), now, rules);
        audit.record(QUOTE, id, "create", Changes.of().created("customerId", c.id()).created("lines", lines.size()));
        return get(me, id, null);
    }

    /**
     * PRC-10: a revision is the next version, checked again; the previous one is superseded and its pending
     * special-price applications are voided. An approval carries over only while the approved price still holds
     * (PRC-9, PLT-3).
     */
    @Transactional
    public Detail revise(YewuPrincipal me, long id, Draft in) {
        QuoteViews.Header q = views.require(me, id);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.version() == null) problems.add(new FieldProblem("version", "required"));
        String notes = Inputs.text(in.notes(), "notes", 2000, problems);
        Optional<Inputs.Customer> customer = Inputs.customer(jdbc, me, q.customerId());
        if (customer.isEmpty()) problems.add(new FieldProblem("customerId", "unknown", q.customerId()));
        Instant now = views.clockInstant();
        PricingRules rules = linePrices.rules();
        List<Priced> lines = price(me, in.lines(), customer.map(Inputs.Customer::vatInvoice).orElse(true), now, rules, problems);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        QuoteViews.VersionView previous = views.version(me.companyId(), id, q.newestVersion());
        if (previous.convertedAt() != null) throw ProblemException.conflict("quote-converted");
        Versions.requireUpdated(jdbc.sql("""
                UPDATE quote SET newest_version = newest_version + 1, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("c", me.companyId()).param("id", id).param("v", in.version()).update());
        jdbc.sql("""
                UPDATE quote_version SET state = 'SUPERSEDED'
                WHERE company_id = :c AND quote_id = :id AND version = :v AND state IN ('DRAFT', 'SENT', 'ACCEPTED')""")
                .param("c", me.companyId()).param("id", id).param("v", q.newestVersion()).update();
        List<QuoteViews.LineView> before = views.lines(me.companyId(), id, q.newestVersion());
        for (QuoteViews.LineView l : before) {
            if ("PENDING".equals(l.specialStatus())) approvals.voidFor(LINE, lineKey(id, q.newestVersion(), l.lineNo()));
        }
        Map<Integer, QuoteViews.LineView> carried = carriedApprovals(me, id, q.newestVersion() + 1, before, lines, rules);
        writeVersion(me, id, q.newestVersion() + 1, customer.get(), notes, lines, carried, now, rules);
        audit.record(QUOTE, id, "revise", Changes.of().put("newestVersion", q.newestVersion(), q.newestVersion() + 1));
        return get(me, id, null);
    }

    /** A copy is a new quote of the same customer and lines, checked today, with no approvals (PLT-3). */
    @Transactional
    public Detail copy(YewuPrincipal me, long id) {
        QuoteViews.Header q = views.require(me, id);
        List<LineInput> lines = views.lines(me.companyId(), id, q.newestVersion()).stream()
                .map(l -> new LineInput(l.productId(), l.quantity(), l.unitPrice(), l.feeShare(), l.quoteRequestId())).toList();
        Detail copy = create(me, new Draft(q.customerId(), "", lines, null));
        jdbc.sql("UPDATE quote SET copied_from = :from WHERE company_id = :c AND id = :id")
                .param("from", id).param("c", me.companyId()).param("id", copy.quote().id()).update();
        return get(me, copy.quote().id(), null);
    }

    /** PRC-6: a special-price line asks the business manager of the customer's salesperson; never its applicant. */
    @Transactional
    public Detail applySpecialPrice(YewuPrincipal me, long id, int lineNo, Action in) {
        QuoteViews.Header q = views.require(me, id);
        QuoteViews.LineView line = views.lines(me.companyId(), id, q.newestVersion()).stream()
                .filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> ProblemException.notFound("quote line " + lineNo));
        if (in.version() == null) throw ProblemException.invalid("version", "required");
        if (in.version() != q.version()) throw ProblemException.conflict("version-conflict");
        QuoteViews.VersionView v = views.version(me.companyId(), id, q.newestVersion());
        if (!"DRAFT".equals(v.state())) throw ProblemException.conflict("quote-not-draft");
        if (!PriceVerdict.SPECIAL_PRICE.name().equals(line.verdict())) throw ProblemException.conflict("quote-line-not-special");
        if (List.of("PENDING", "APPROVED").contains(line.specialStatus())) throw ProblemException.conflict("quote-line-special-applied");
        String key = lineKey(id, q.newestVersion(), lineNo);
        StoredDecision why = decisions.latestFor(LINE, List.of(key), "price-check").get(key);
        Decision<String> decision = new Decision<>(line.verdict(), why == null ? List.of() : why.hits(),
                why == null ? v.settingsVersion() : why.settingsVersion());
        long approvalId = approvals.start(new ApprovalSpec(LINE, key, 1,
                "特价申请：" + q.number() + " 第 " + lineNo + " 行 " + line.productName() + " 单价 " + line.unitPrice().toPlainString()
                        + " / Special price: " + q.number() + " line " + lineNo + ", unit price " + line.unitPrice().toPlainString(),
                me.id(), decision, List.of(StepSpec.managerOf(q.ownerId())), specialPriceDetails(q, v, line)));
        jdbc.sql("""
                UPDATE quote_line SET special_status = 'PENDING', special_approval_id = :a
                WHERE company_id = :c AND quote_id = :q AND version = :v AND line_no = :l""")
                .param("a", approvalId).param("c", me.companyId()).param("q", id).param("v", q.newestVersion())
                .param("l", lineNo).update();
        bump(me, id, q.version());
        audit.record(QUOTE, id, "special-price-apply", Changes.of().put("line " + lineNo, line.specialStatus(), "PENDING"));
        return get(me, id, null);
    }

    /**
     * What the business manager sees (issue 12, PRC-5 … PRC-7): the guide price, the asked and net price, the hard
     * floor no approval can pass, and what the special price costs the salesperson's commission on this line.
     */
    private ApprovalSpec.Details specialPriceDetails(QuoteViews.Header q, QuoteViews.VersionView v, QuoteViews.LineView l) {
        BigDecimal floor = l.guidePrice() == null ? null
                : l.guidePrice().multiply(rules(v.createdAt()).hardFloor()).setScale(2, java.math.RoundingMode.CEILING);
        BigDecimal reduction = l.commissionReduction() == null ? BigDecimal.ZERO : l.commissionReduction();
        BigDecimal net = l.netPrice() == null ? l.unitPrice() : l.netPrice();
        BigDecimal netAmount = net.multiply(l.quantity());
        List<ApprovalSpec.Fact> facts = new ArrayList<>();
        facts.add(new ApprovalSpec.Fact("customer", q.customerName()));
        facts.add(new ApprovalSpec.Fact("product", l.productName()));
        facts.add(new ApprovalSpec.Fact("quantity", l.quantity().stripTrailingZeros().toPlainString()));
        facts.add(new ApprovalSpec.Fact("guidePrice", money(l.guidePrice())));
        facts.add(new ApprovalSpec.Fact("askedPrice", money(l.unitPrice())));
        facts.add(new ApprovalSpec.Fact("feePerUnit", money(l.feePerUnit())));
        facts.add(new ApprovalSpec.Fact("netPrice", money(net)));
        facts.add(new ApprovalSpec.Fact("floorPrice", money(floor)));
        facts.add(new ApprovalSpec.Fact("specialDiscount", percent(l.specialDiscount())));
        facts.add(new ApprovalSpec.Fact("commissionReduction", percent(reduction)));
        facts.add(new ApprovalSpec.Fact("commissionCost", money(netAmount.multiply(reduction))));
        facts.add(new ApprovalSpec.Fact("amount", money(l.amount())));
        return ApprovalSpec.Details.of("/quotes/" + q.id(), q.number() + " · " + l.productName(), facts, null);
    }

    private static String money(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A share as a percentage with two decimals, "5.00%". */
    private static String percent(BigDecimal v) {
        return v == null ? null : v.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** The business manager's answer, in the deciding transaction (PLT-3). */
    @EventListener
    void on(ApprovalCompleted event) {
        if (!LINE.equals(event.subjectType())) return;
        String[] key = event.subjectId().split("-");
        String status = event.outcome() == ApprovalCompleted.Outcome.APPROVED ? "APPROVED" : "REJECTED";
        int updated = jdbc.sql("""
                UPDATE quote_line SET special_status = :s
                WHERE company_id = :c AND quote_id = :q AND version = :v AND line_no = :l
                  AND special_approval_id = :a AND special_status = 'PENDING'""")
                .param("s", status).param("c", event.companyId()).param("q", Long.parseLong(key[0]))
                .param("v", Integer.parseInt(key[1])).param("l", Integer.parseInt(key[2])).param("a", event.requestId()).update();
        if (updated == 1) {
            audit.record(QUOTE, Long.parseLong(key[0]), "special-price-" + status.toLowerCase(),
                    Changes.of().put("line " + key[2], "PENDING", status));
        }
    }

    /**
     * CUS-7, CUS-8: a customer's open quotes (newest version not converted) follow it to its new salesperson, in the
     * transaction that moved it; converted ones stay with whoever made the sale.
     */
    @EventListener
    void on(io.yewu.customer.CustomerTransferred event) {
        // one statement for the whole move (a leaver's book too); an audit entry only where quotes moved
        List<Long> moved = jdbc.sql("""
                UPDATE quote q SET owner_id = :to, version = q.version + 1
                WHERE q.company_id = :c AND q.customer_id = ANY(CAST(:customers AS bigint[])) AND q.owner_id <> :to
                  AND NOT EXISTS (SELECT 1 FROM quote_version v WHERE v.company_id = q.company_id AND v.quote_id = q.id
                                  AND v.version = q.newest_version AND v.converted_at IS NOT NULL)
                RETURNING q.customer_id""")
                .param("to", event.toOwnerId()).param("c", event.companyId())
                .param("customers", event.customerIds().toArray(Long[]::new)).query(Long.class).list();
        moved.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                .forEach((customer, quotes) -> audit.record("customer", customer, "quotes-follow-owner",
                        Changes.of().put("quoteOwner", event.fromOwnerId(), event.toOwnerId()).put("quotes", null, quotes)));
    }

    /** PRC-9, PRC-10: only the newest draft, with every special price approved and every guide price known, not expired. */
    @Transactional
    public Detail send(YewuPrincipal me, long id, Action in) {
        return transition(me, id, in, QuotePolicy.Action.SEND, "DRAFT", "SENT", "sent_at");
    }

    /** The customer accepted the newest sent version within its validity. */
    @Transactional
    public Detail accept(YewuPrincipal me, long id, Action in) {
        return transition(me, id, in, null, "SENT", "ACCEPTED", "decided_at");
    }

    @Transactional
    public Detail reject(YewuPrincipal me, long id, Action in) {
        return transition(me, id, in, null, "SENT", "REJECTED", "decided_at");
    }

    private Detail transition(YewuPrincipal me, long id, Action in, QuotePolicy.Action gateAction, String from, String to,
                              String stampColumn) {
        QuoteViews.Header q = views.require(me, id);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.version() == null) problems.add(new FieldProblem("version", "required"));
        String reason = Inputs.text(in.reason(), "reason", 500, problems);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        int versionNo = in.versionNo() == null ? q.newestVersion() : in.versionNo();
        QuoteViews.VersionView v = views.version(me.companyId(), id, versionNo);
        List<QuoteViews.LineView> lines = views.lines(me.companyId(), id, versionNo);
        LocalDate today = views.today();
        PricingRules rules = rules(v.createdAt());
        Decision<Boolean> gate = policy.allows(gateAction == null ? QuotePolicy.Action.SAVE : gateAction, gate(q, v, lines), today, rules);
        if (versionNo != q.newestVersion()) {
            gate = new Decision<>(false, List.of(new RuleHit("PRC-10", "只能发出、接受或转换最新版本的报价单",
                    "Only the newest version of a quote can be sent, accepted or converted",
                    Map.of("version", versionNo, "newestVersion", q.newestVersion()))), rules.settingsVersion());
        }
        if (!gate.outcome()) {
            decisions.record(QUOTE, versionKey(id, versionNo), to.toLowerCase() + "-refused", gate);
            throw ProblemException.conflict("quote-blocked").with("decision", gate);
        }
        if (!from.equals(v.state())) throw ProblemException.conflict("quote-state", v.state());
        if (v.expired(today)) throw ProblemException.conflict("quote-expired", v.validUntil());
        bump(me, id, in.version());
        jdbc.sql("UPDATE quote_version SET state = :to, " + stampColumn + " = now(), reject_reason = :reason"
                        + " WHERE company_id = :c AND quote_id = :q AND version = :v AND state = :from")
                .param("to", to).param("reason", reason).param("c", me.companyId()).param("q", id).param("v", versionNo)
                .param("from", from).update();
        if (gateAction != null) decisions.record(QUOTE, versionKey(id, versionNo), to.toLowerCase(), gate);
        audit.record(QUOTE, id, to.toLowerCase(), Changes.of().put("state", from, to));
        return get(me, id, null);
    }

    static QuotePolicy.Quote gate(QuoteViews.Header q, QuoteViews.VersionView v, List<QuoteViews.LineView> lines) {
        return new QuotePolicy.Quote(v.versionNo(), q.newestVersion(), v.issuedOn(), "ACCEPTED".equals(v.state()),
                lines.stream().map(l -> new QuotePolicy.Line(PriceVerdict.valueOf(l.verdict()),
                        "APPROVED".equals(l.specialStatus()), l.amount())).toList());
    }

    PricingRules rules(Instant at) {
        return PricingRules.from(settings.snapshotAt(at));
    }

    private void bump(YewuPrincipal me, long id, long version) {
        Versions.requireUpdated(jdbc.sql("UPDATE quote SET version = version + 1 WHERE company_id = :c AND id = :id AND version = :v")
                .param("c", me.companyId()).param("id", id).param("v", version).update());
    }

    /** PRC-9: each line checked live; a refused one, an unknown or inactive product is a field problem. */
    private List<Priced> price(YewuPrincipal me, List<LineInput> inputs, boolean vatInvoice, Instant now,
                               PricingRules rules, List<FieldProblem> problems) {
        List<LineInput> lines = inputs == null ? List.of() : inputs;
        if (lines.isEmpty()) problems.add(new FieldProblem("lines", "required"));
        if (lines.size() > MAX_LINES) {
            problems.add(new FieldProblem("lines", "too-many", MAX_LINES));
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(now, QuoteViews.SHANGHAI);
        List<Priced> priced = new ArrayList<>();
        record Pending(int i, LineInput in, BigDecimal quantity, BigDecimal price, BigDecimal fee) {}
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineInput in = lines.get(i);
            String at = "lines[" + i + "].";
            if (in == null) {
                problems.add(new FieldProblem("lines[" + i + "]", "required"));
                continue;
            }
            int before = problems.size();
            BigDecimal quantity = Inputs.quantity(in.quantity(), at + "quantity", problems);
            BigDecimal price = Inputs.money(in.unitPrice(), at + "unitPrice", problems);
            BigDecimal fee = Inputs.feeShare(in.feeShare(), at + "feeShare", problems);
            if (in.productId() == null) problems.add(new FieldProblem(at + "productId", "required"));
            if (in.quoteRequestId() != null && in.productId() != null && !requestFits(me, in.quoteRequestId(), in.productId())) {
                problems.add(new FieldProblem(at + "quoteRequestId", "unknown", in.quoteRequestId()));
            }
            if (problems.size() > before) continue;
            if (quantity.multiply(price).compareTo(Inputs.MAX_MONEY) > 0) {
                problems.add(new FieldProblem(at + "quantity", "amount-too-large", Inputs.MAX_MONEY.toPlainString()));
                continue;
            }
            pending.add(new Pending(i, in, quantity, price, fee));
        }
        // one price look-up for every line that passed the input rules
        List<Optional<LinePricing.CheckedLine>> checks = linePrices.checkAll(pending.stream()
                .map(p -> new LinePricing.LineRequest(p.in().productId(), p.price(), p.quantity(), p.fee(), p.in().quoteRequestId()))
                .toList(), vatInvoice, today, rules);
        for (int k = 0; k < pending.size(); k++) {
            int i = pending.get(k).i();
            LineInput in = pending.get(k).in();
            BigDecimal quantity = pending.get(k).quantity();
            BigDecimal price = pending.get(k).price();
            BigDecimal fee = pending.get(k).fee();
            String at = "lines[" + i + "].";
            Optional<LinePricing.CheckedLine> checked = checks.get(k);
            if (checked.isEmpty()) {
                problems.add(new FieldProblem(at + "productId", "unknown", in.productId()));
            } else if (!checked.get().active()) {
                problems.add(new FieldProblem(at + "productId", "product-inactive"));
            } else if (checked.get().check().outcome().verdict() == PriceVerdict.REFUSED) {
                PriceCheck c = checked.get().check().outcome();
                problems.add(new FieldProblem(at + "unitPrice", "price-below-floor", c.netPrice().toPlainString(),
                        c.guidePrice().multiply(rules.hardFloor()).setScale(2, java.math.RoundingMode.CEILING).toPlainString(),
                        c.guidePrice().toPlainString()));
            } else {
                priced.add(new Priced(i + 1, in, quantity, price, fee, checked.get()));
            }
        }
        // each line fits, but the quote's total must too (NUMERIC(14,2)): a field error, not the database's overflow
        BigDecimal total = priced.stream().map(p -> p.checked().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(Inputs.MAX_MONEY) > 0) problems.add(new FieldProblem("lines", "total-too-large", Inputs.MAX_MONEY.toPlainString()));
        return priced;
    }

    /** A quote request of the caller's scope for that product. */
    private boolean requestFits(YewuPrincipal me, long requestId, long productId) {
        var scope = io.yewu.platform.security.DataScope.of(me, "r.company_id", "r.requested_by");
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM quote_request r WHERE r.id = :r AND r.product_id = :p AND " + scope.sql() + ")")
                .params(scope.params()).param("r", requestId).param("p", productId).query(Boolean.class).single();
    }

    /**
     * PRC-9 with PLT-3: the approved special price of the previous version's line for the same product (and quote
     * request) carries over when {@code approvalHolds} says the new price is covered; the decision is stored either way.
     */
    private Map<Integer, QuoteViews.LineView> carriedApprovals(YewuPrincipal me, long id, int version,
                                                               List<QuoteViews.LineView> before, List<Priced> lines,
                                                               PricingRules rules) {
        Map<Integer, QuoteViews.LineView> carried = new java.util.HashMap<>();
        List<QuoteViews.LineView> approved = new ArrayList<>(before.stream().filter(l -> "APPROVED".equals(l.specialStatus())).toList());
        for (Priced p : lines) {
            if (p.check().verdict() != PriceVerdict.SPECIAL_PRICE) continue;
            Optional<QuoteViews.LineView> match = approved.stream().filter(l -> l.productId() == p.in().productId()
                    && java.util.Objects.equals(l.quoteRequestId(), p.in().quoteRequestId())).findFirst();
            if (match.isEmpty()) continue;
            QuoteViews.LineView old = match.get();
            Decision<Boolean> holds = checks.approvalHolds(old.check(), p.check(), rules);
            decisions.record(LINE, lineKey(id, version, p.lineNo()), "approval-holds", holds);
            if (holds.outcome()) {
                carried.put(p.lineNo(), old);
                approved.remove(old);
            }
        }
        return carried;
    }

    private void writeVersion(YewuPrincipal me, long id, int version, Inputs.Customer customer, String notes,
                              List<Priced> lines, Map<Integer, QuoteViews.LineView> carried, Instant now, PricingRules rules) {
        LocalDate today = LocalDate.ofInstant(now, QuoteViews.SHANGHAI);
        QuotePolicy.Totals totals = policy.totals(lines.stream().map(p -> new QuotePolicy.Line(p.check().verdict(),
                carried.containsKey(p.lineNo()), p.checked().amount())).toList(), rules);
        BigDecimal fees = lines.stream().map(p -> p.check().feeExpense() == null ? BigDecimal.ZERO : p.check().feeExpense())
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        String[] shown = terms(customer.id(), lines, id, version);
        jdbc.sql("""
                INSERT INTO quote_version (company_id, quote_id, version, vat_invoice, issued_on, valid_until, total, tax,
                                           fee_expense, payment_terms, delivery_terms, notes, settings_version, created_by)
                VALUES (:c, :q, :v, :vat, :issued, :until, :total, :tax, :fees, :pay, :delivery, :notes, :sv, :by)""")
                .param("c", me.companyId()).param("q", id).param("v", version).param("vat", customer.vatInvoice())
                .param("issued", today).param("until", policy.validUntil(today, rules)).param("total", totals.total())
                .param("tax", totals.tax()).param("fees", fees).param("pay", shown[0]).param("delivery", shown[1])
                .param("notes", notes).param("sv", rules.settingsVersion()).param("by", me.id()).update();
        Map<String, Decision<?>> why = new java.util.LinkedHashMap<>();
        for (Priced p : lines) {
            PriceCheck c = p.check();
            QuoteViews.LineView kept = carried.get(p.lineNo());
            jdbc.sql("""
                    INSERT INTO quote_line (company_id, quote_id, version, line_no, product_id, product_kind, quantity, unit_price,
                                            fee_share, quote_request_id, amount, tax, verdict, guide_price, price_list_id,
                                            fee_per_unit, net_price, allowance, special_discount, commission_reduction,
                                            fee_expense, special_status, special_approval_id)
                    VALUES (:c, :q, :v, :l, :product, :kind, :qty, :price, :fee, :request, :amount, :tax, :verdict, :g, :list,
                            :feeUnit, :net, :allowance, :s, :reduction, :expense, :status, :approval)""")
                    .param("c", me.companyId()).param("q", id).param("v", version).param("l", p.lineNo())
                    .param("product", p.in().productId()).param("kind", p.checked().kind().name()).param("qty", p.quantity())
                    .param("price", p.unitPrice()).param("fee", p.feeShare())
                    .param("request", p.in().quoteRequestId(), java.sql.Types.BIGINT)
                    .param("amount", p.checked().amount()).param("tax", p.checked().tax()).param("verdict", c.verdict().name())
                    .param("g", c.guidePrice(), java.sql.Types.NUMERIC).param("list", p.checked().priceListId(), java.sql.Types.BIGINT)
                    .param("feeUnit", c.feePerUnit(), java.sql.Types.NUMERIC).param("net", c.netPrice(), java.sql.Types.NUMERIC)
                    .param("allowance", c.allowance(), java.sql.Types.NUMERIC).param("s", c.specialDiscount(), java.sql.Types.NUMERIC)
                    .param("reduction", c.commissionReduction(), java.sql.Types.NUMERIC)
                    .param("expense", c.feeExpense(), java.sql.Types.NUMERIC)
                    .param("status", kept == null ? "NONE" : "APPROVED")
                    .param("approval", kept == null ? null : kept.specialApprovalId(), java.sql.Types.BIGINT).update();
            why.put(lineKey(id, version, p.lineNo()), p.checked().check());
        }
        decisions.recordAll(LINE, "price-check", why);
        decisions.record(QUOTE, versionKey(id, version), "validity", Decision.of(policy.validUntil(today, rules),
                rules.settingsVersion(), new RuleHit("PRC-10", "报价单自出具之日起 " + rules.quoteValidityDays() + " 天内有效",
                        "A quote is valid for " + rules.quoteValidityDays() + " days from its date",
                        Map.of("issuedOn", today.toString(), "validityDays", rules.quoteValidityDays()))));
    }

    /**
     * PRC-10: the payment and delivery terms the order would get (ORD-2 … ORD-7), from the order capability when it
     * is present; each of its decisions is stored beside the version. [payment terms, delivery terms]
     */
    private String[] terms(long customerId, List<Priced> lines, long id, int version) {
        OrderTermsPreview preview = terms.getIfAvailable();
        if (preview == null || lines.isEmpty()) return new String[] {"", ""};
        OrderTermsPreview.Terms t;
        try {
            t = preview.preview(customerId, lines.stream()
                    .map(p -> new OrderTermsPreview.Line(p.checked().kind(), p.checked().amount())).toList());
        } catch (ProblemException e) {
            return new String[] {"", ""}; // the order rules cannot tell yet (e.g. incomplete customer file): shown at ordering
        }
        List<Decision<?>> all = t.decisions();
        for (int i = 0; i < all.size(); i++) decisions.record(QUOTE, versionKey(id, version), "order-terms-" + (i + 1), all.get(i));
        String payment = all.stream().limit(Math.max(0, all.size() - 1)).flatMap(d -> d.hits().stream())
                .map(RuleHit::zh).collect(Collectors.joining("；"));
        String delivery = all.isEmpty() ? "" : all.getLast().hits().stream().map(RuleHit::zh).collect(Collectors.joining("；"));
        return new String[] {payment, delivery};
    }

    /** QT + yyyyMMdd + the day's sequence per company (platform numbering). */
    private String number(long companyId, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, QuoteViews.SHANGHAI);
        int no = numbers.next(DocumentNumbers.Series.QUOTE, day);
        return "QT" + DAY.format(day) + "-" + String.format("%03d", no);
    }
}
