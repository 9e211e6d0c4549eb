package io.yewu.pricing.internal.quote;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.DueTask;
import io.yewu.platform.scheduling.DueTaskHandler;
import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.platform.web.Versions;
import io.yewu.pricing.LinePricing;
import io.yewu.pricing.internal.policy.PricingRules;
import io.yewu.pricing.internal.policy.QuoteRequestPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PRC-3: a salesperson asks for the guide price of a non-standard item (or a standard one missing from the lists);
 * finance answers with a guide price and, optionally, a lead time. The answer is due {@code
 * pricing.quote-request.answer-hours} after the request; a one-off due task fires just after that and, if the request
 * is still open, escalates it once to the business manager of the requester's department (decision stored, manager
 * notified). An answer after the due time is recorded as late. Data scope: the requester's (PLT-5).
 */
@Service
public class QuoteRequests implements DueTaskHandler {

    public static final String SUBJECT = "quote-request";
    static final String OVERDUE_TASK = "pricing.quote-request.overdue";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public record NewRequest(Long customerId, Long productId, BigDecimal quantity, String specification) {}

    public record Answer(BigDecimal guidePrice, Integer leadTimeDays, String notes, Long version) {}

    public record Summary(long id, long customerId, String customerName, long productId, String productCode,
                          String productName, BigDecimal quantity, String specification, long requestedBy,
                          String requesterName, Instant requestedAt, Instant dueAt, String status,
                          BigDecimal guidePrice, Integer leadTimeDays, String answerNotes, Long answeredBy,
                          String answererName, Instant answeredAt, Boolean answeredLate, Instant escalatedAt,
                          String escalatedToName, long version) {

        /** Open past its due time (PRC-3). */
        public boolean overdue(Instant now) {
            return "OPEN".equals(status) && now.isAfter(dueAt);
        }
    }

    /** A request with what the inbox shows: overdue now, seconds left (negative when late), and why (PLT-1). */
    public record Detail(Summary request, boolean overdue, long secondsLeft, List<StoredDecision> decisions) {}

    private static final String SELECT = """
            SELECT r.id, r.customer_id, c.name AS customer_name, r.product_id, p.code AS product_code, p.name AS product_name,
                   r.quantity, r.specification, r.requested_by, ru.display_name AS requester_name, r.requested_at, r.due_at,
                   r.status, r.guide_price, r.lead_time_days, r.answer_notes, r.answered_by, au.display_name AS answerer_name,
                   r.answered_at, r.answered_late, r.escalated_at, eu.display_name AS escalated_to_name, r.version
            """;
    private static final String FROM = """
             FROM quote_request r
             JOIN customer c ON c.company_id = r.company_id AND c.id = r.customer_id
             JOIN product p ON p.company_id = r.company_id AND p.id = r.product_id
             JOIN app_user ru ON ru.company_id = r.company_id AND ru.id = r.requested_by
             LEFT JOIN app_user au ON au.company_id = r.company_id AND au.id = r.answered_by
             LEFT JOIN app_user eu ON eu.company_id = r.company_id AND eu.id = r.escalated_to
            """;
    private static final Map<String, String> SORTS = Map.of("dueAt", "r.due_at", "requestedAt", "r.requested_at");

    private final JdbcClient jdbc;
    private final LinePricing pricing;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final DueTasks dueTasks;
    private final UserDirectory users;
    private final Settings settings;
    private final Clock clock;
    private final QuoteRequestPolicy policy = new QuoteRequestPolicy();

    QuoteRequests(JdbcClient jdbc, LinePricing pricing, DecisionRecords decisions, AuditTrail audit, Notifier notifier,
                  DueTasks dueTasks, UserDirectory users, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.pricing = pricing;
        this.decisions = decisions;
        this.audit = audit;
        this.notifier = notifier;
        this.dueTasks = dueTasks;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The finance inbox and the requester's list: open requests first, the least time left first; answered ones
     * after them, newest first. {@code status} OPEN / OVERDUE / ANSWERED narrows it.
     */
    public Page<Summary> list(YewuPrincipal me, String status, PageQuery page) {
        DataScope.Condition scope = DataScope.of(me, "r.company_id", "r.requested_by");
        String s = status == null || status.isBlank() ? null : status.strip();
        if (s != null && !List.of("OPEN", "OVERDUE", "ANSWERED").contains(s)) throw ProblemException.invalid("status", "invalid");
        String where = FROM + " WHERE " + scope.sql() + switch (s == null ? "" : s) {
            case "OPEN" -> " AND r.status = 'OPEN'";
            case "OVERDUE" -> " AND r.status = 'OPEN' AND r.due_at < :now";
            case "ANSWERED" -> " AND r.status = 'ANSWERED'";
            default -> "";
        };
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("now", clock.instant().atOffset(java.time.ZoneOffset.UTC));
        List<Summary> items = jdbc.sql(SELECT + where + " ORDER BY " + page.orderBy(SORTS,
                        "(r.status = 'OPEN') DESC, CASE WHEN r.status = 'OPEN' THEN r.due_at END ASC, r.answered_at DESC, r.id DESC")
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(Summary.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, where, params));
    }

    public Detail get(YewuPrincipal me, long id) {
        Summary r = find(me, id).orElseThrow(() -> ProblemException.notFound("quote-request " + id));
        Instant now = clock.instant();
        return new Detail(r, r.overdue(now), java.time.Duration.between(now, r.dueAt()).toSeconds(),
                decisions.forSubject(SUBJECT, String.valueOf(id)));
    }

    Optional<Summary> find(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "r.company_id", "r.requested_by");
        return jdbc.sql(SELECT + FROM + " WHERE r.id = :id AND " + scope.sql()).params(scope.params()).param("id", id)
                .query(Summary.class).optional();
    }

    /**
     * PRC-3: for a customer in the requester's scope and an active product that has no guide price today; due
     * {@code answer-hours} from now; finance is told, and the overdue check is scheduled.
     */
    @Transactional
    public Detail create(YewuPrincipal me, NewRequest in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.customerId() == null) problems.add(new FieldProblem("customerId", "required"));
        else if (Inputs.customer(jdbc, me, in.customerId()).isEmpty()) problems.add(new FieldProblem("customerId", "unknown", in.customerId()));
        BigDecimal quantity = Inputs.quantity(in.quantity(), "quantity", problems);
        String spec = Inputs.text(in.specification(), "specification", 2000, problems);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
        if (in.productId() == null) problems.add(new FieldProblem("productId", "required"));
        else {
            Optional<LinePricing.CheckedLine> product = pricing.check(in.productId(), BigDecimal.ONE, BigDecimal.ONE,
                    BigDecimal.ZERO, true, today, null);
            if (product.isEmpty()) problems.add(new FieldProblem("productId", "unknown", in.productId()));
            else if (!product.get().active()) problems.add(new FieldProblem("productId", "product-inactive"));
            else if (product.get().check().outcome().guidePrice() != null) problems.add(new FieldProblem("productId", "quote-request-priced"));
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        PricingRules rules = PricingRules.from(settings.snapshotAt(now));
        Decision<QuoteRequestPolicy.Status> due = policy.status(now, null, now, rules);
        long id = jdbc.sql("""
                INSERT INTO quote_request (company_id, customer_id, product_id, quantity, specification, requested_by,
                                           requested_at, due_at, settings_version)
                VALUES (:c, :customer, :product, :qty, :spec, :by, :at, :due, :sv) RETURNING id""")
                .param("c", me.companyId()).param("customer", in.customerId()).param("product", in.productId())
                .param("qty", quantity).param("spec", spec).param("by", me.id())
                .param("at", now.atOffset(java.time.ZoneOffset.UTC)).param("due", due.outcome().dueAt().atOffset(java.time.ZoneOffset.UTC))
                .param("sv", rules.settingsVersion()).query(Long.class).single();
        decisions.record(SUBJECT, String.valueOf(id), "due", due);
        dueTasks.schedule(OVERDUE_TASK, String.valueOf(id), due.outcome().dueAt().plusSeconds(1), Map.of("requestId", id));
        audit.record(SUBJECT, id, "create", Changes.of().created("customerId", in.customerId())
                .created("productId", in.productId()).created("quantity", quantity).created("dueAt", due.outcome().dueAt()));
        for (RoleCode role : List.of(RoleCode.FINANCE, RoleCode.FINANCE_DIRECTOR)) {
            for (long financeUser : users.withRole(role, null)) {
                notifier.notify(financeUser, "quote-request.new", "新的非标产品询价", "New quote request",
                        me.displayName() + " 询价，须在 " + rules.quoteRequestAnswer().toHours() + " 小时内答复",
                        me.displayName() + " asks for a price, to be answered within " + rules.quoteRequestAnswer().toHours() + " hours",
                        "/quote-requests/" + id);
            }
        }
        return get(me, id);
    }

    /** Finance answers with a guide price (and a lead time); an answer after the due time is recorded as late. */
    @Transactional
    public Detail answer(YewuPrincipal me, long id, Answer in) {
        Summary r = find(me, id).orElseThrow(() -> ProblemException.notFound("quote-request " + id));
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal price = Inputs.money(in.guidePrice(), "guidePrice", problems);
        if (in.leadTimeDays() != null && (in.leadTimeDays() < 0 || in.leadTimeDays() > 365)) {
            problems.add(new FieldProblem("leadTimeDays", "out-of-range"));
        }
        String notes = Inputs.text(in.notes(), "notes", 2000, problems);
        if (in.version() == null) problems.add(new FieldProblem("version", "required"));
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        if (!"OPEN".equals(r.status())) throw ProblemException.conflict("quote-request-answered");
        Instant now = clock.instant();
        PricingRules rules = PricingRules.from(settings.snapshotAt(r.requestedAt()));
        Decision<QuoteRequestPolicy.Status> answered = policy.status(r.requestedAt(), now, now, rules);
        boolean late = answered.outcome().state() == QuoteRequestPolicy.State.ANSWERED_LATE;
        Versions.requireUpdated(jdbc.sql("""
                UPDATE quote_request SET status = 'ANSWERED', guide_price = :price, lead_time_days = :lead, answer_notes = :notes,
                       answered_by = :by, answered_at = :at, answered_late = :late, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v AND status = 'OPEN'""")
                .param("price", price).param("lead", in.leadTimeDays(), java.sql.Types.INTEGER).param("notes", notes)
                .param("by", me.id()).param("at", now.atOffset(java.time.ZoneOffset.UTC)).param("late", late)
                .param("c", me.companyId()).param("id", id).param("v", in.version()).update());
        decisions.record(SUBJECT, String.valueOf(id), "answer", answered);
        dueTasks.cancel(OVERDUE_TASK, String.valueOf(id));
        audit.record(SUBJECT, id, "answer", Changes.of().put("status", "OPEN", "ANSWERED").put("guidePrice", null, price)
                .put("leadTimeDays", null, in.leadTimeDays()).put("late", null, late));
        notifier.notify(r.requestedBy(), "quote-request.answered", "询价已答复：" + r.productName(),
                "Quote request answered: " + r.productName(), "指导价 " + price.toPlainString() + " 元",
                "Guide price " + price.toPlainString() + " yuan", "/quote-requests/" + id);
        return get(me, id);
    }

    @Override
    public String kind() {
        return OVERDUE_TASK;
    }

    /**
     * PRC-3: still open after its due time, the request goes to the business manager of the requester's department,
     * once: the decision is stored and the manager and the requester are told.
     */
    @Override
    public void handle(DueTask task) {
        long id = ((Number) task.payload().get("requestId")).longValue();
        record Open(long requestedBy, Instant requestedAt, String productName, String customerName) {}
        Optional<Open> open = jdbc.sql("""
                SELECT r.requested_by, r.requested_at, p.name AS product_name, c.name AS customer_name FROM quote_request r
                JOIN product p ON p.company_id = r.company_id AND p.id = r.product_id
                JOIN customer c ON c.company_id = r.company_id AND c.id = r.customer_id
                WHERE r.company_id = :c AND r.id = :id AND r.status = 'OPEN' AND r.escalated_at IS NULL""")
                .param("c", task.companyId()).param("id", id).query(Open.class).optional();
        if (open.isEmpty()) return;
        Instant now = clock.instant().isAfter(task.dueAt()) ? clock.instant() : task.dueAt();
        PricingRules rules = PricingRules.from(settings.snapshotAt(open.get().requestedAt()));
        Decision<QuoteRequestPolicy.Status> overdue = policy.status(open.get().requestedAt(), null, now, rules);
        if (!overdue.outcome().escalate()) {
            // the due time moved (a setting cannot move it for an existing request, but the clock may lag): look again then
            dueTasks.schedule(OVERDUE_TASK, String.valueOf(id), overdue.outcome().dueAt().plusSeconds(1), Map.of("requestId", id));
            return;
        }
        long requester = open.get().requestedBy();
        Long manager = users.managerOf(requester)
                .or(() -> users.withRole(RoleCode.BUSINESS_MANAGER, null).stream().filter(u -> u != requester).findFirst())
                .or(() -> users.withRole(RoleCode.GENERAL_MANAGER, null).stream().findFirst())
                .orElse(null);
        int updated = jdbc.sql("""
                UPDATE quote_request SET escalated_at = :at, escalated_to = :to, version = version + 1
                WHERE company_id = :c AND id = :id AND status = 'OPEN' AND escalated_at IS NULL""")
                .param("at", now.atOffset(java.time.ZoneOffset.UTC)).param("to", manager, java.sql.Types.BIGINT)
                .param("c", task.companyId()).param("id", id).update();
        if (updated == 0) return;
        decisions.record(SUBJECT, String.valueOf(id), "escalation", overdue);
        audit.record(SUBJECT, id, "escalate", Changes.of().put("escalatedTo", null, manager));
        String what = open.get().customerName() + " / " + open.get().productName();
        if (manager != null) {
            notifier.notify(manager, "quote-request.overdue", "询价超时未答复：" + what, "Quote request overdue: " + what,
                    "财务未在 " + rules.quoteRequestAnswer().toHours() + " 小时内答复，已升级给您",
                    "Finance did not answer within " + rules.quoteRequestAnswer().toHours() + " hours; escalated to you",
                    "/quote-requests/" + id);
        }
        notifier.notify(requester, "quote-request.overdue", "询价超时未答复：" + what, "Quote request overdue: " + what,
                "已升级给业务经理", "Escalated to the business manager", "/quote-requests/" + id);
    }
}
